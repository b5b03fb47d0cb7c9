package io.regtrack.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShaTest {

    @Test
    void keepsFullShasInLowerCase() {
        assertThat(new Sha("9FCEB02D0AE598E95DC970B74767F19372D61AF8").value())
                .isEqualTo("9fceb02d0ae598e95dc970b74767f19372d61af8");
        assertThat(new Sha("a".repeat(64)).value()).hasSize(64);
        assertThat(new Sha("9fceb02d0ae598e95dc970b74767f19372d61af8").shortName())
                .isEqualTo("9fceb02d0a");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "9fceb02",
                "9fceb02d0ae598e95dc970b74767f19372d61af",
                "9fceb02d0ae598e95dc970b74767f19372d61af8a",
                "g000000000000000000000000000000000000000",
                " 9fceb02d0ae598e95dc970b74767f19372d61af8"
            })
    void refusesAnythingElse(String value) {
        assertThatThrownBy(() -> new Sha(value)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Sha.isValid(value)).isFalse();
    }
}
