package io.regtrack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenTextTest {

    @Test
    void tokensAreLongRandomAndCarryTheirLookupId() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = TokenText.generate();
            assertThat(token).matches("rgt_[0-9A-Za-z]{55}");
            assertThat(TokenText.lookupId(token)).isEqualTo(token.substring(4, 16));
            assertThat(seen.add(token)).isTrue();
        }
    }

    @Test
    void onlyTheRightTextMatchesTheStoredHash() {
        String token = TokenText.generate();
        byte[] stored = TokenText.hash(token);
        assertThat(stored).hasSize(32);
        assertThat(TokenText.matches(token, stored)).isTrue();
        char last = token.charAt(token.length() - 1);
        String oneOff = token.substring(0, token.length() - 1) + (last == 'x' ? 'y' : 'x');
        assertThat(TokenText.matches(oneOff, stored)).isFalse();
        assertThat(TokenText.matches("", stored)).isFalse();
    }

    @Test
    void malformedTextsHaveNoLookupId() {
        assertThat(TokenText.lookupId(null)).isNull();
        assertThat(TokenText.lookupId("rgt_short")).isNull();
        assertThat(TokenText.lookupId("xyz_" + "a".repeat(55))).isNull();
        assertThat(TokenText.lookupId("rgt_" + "a".repeat(54) + "!")).isNull();
    }
}
