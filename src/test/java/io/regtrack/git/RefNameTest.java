package io.regtrack.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RefNameTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "main",
                "feature/x",
                "release/1.4",
                "v1.4.0",
                "dependabot/cargo/serde-1.0.200",
                "a_b-c",
                "ü-branch",
                "refs/heads/main"
            })
    void acceptsWhatGitAccepts(String name) {
        assertThat(RefName.isValid(name)).isTrue();
        assertThat(new RefName(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "a..b",
                "a b",
                "a~1",
                "a^",
                "a:b",
                "a?",
                "a*",
                "a[b",
                "a\\b",
                "-rf",
                "/main",
                "main/",
                "main.",
                "main.lock",
                "feature/.hidden",
                "a//b",
                "a@{1}",
                "@",
                "tab\there",
                "new\nline",
                "del\u007f"
            })
    void refusesWhatGitRefuses(String name) {
        assertThat(RefName.isValid(name)).isFalse();
        assertThatThrownBy(() -> new RefName(name)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void refusesNullAndOverlongNames() {
        assertThat(RefName.isValid(null)).isFalse();
        assertThat(RefName.isValid("a".repeat(255))).isTrue();
        assertThat(RefName.isValid("a".repeat(256))).isFalse();
    }
}
