package io.regtrack.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlertStatusTest {

    @Test
    void thePatternAcceptsExactlyTheStatuses() {
        assertThat(AlertStatus.WIRE).containsExactly("open", "acknowledged", "dismissed", "fixed");
        assertThat(AlertStatus.WIRE).allMatch(s -> s.matches(AlertStatus.PATTERN));
        assertThat("wontfix".matches(AlertStatus.PATTERN)).isFalse();
        assertThat(AlertStatus.PATTERN).isEqualTo("^(" + String.join("|", AlertStatus.WIRE) + ")$");
    }

    @Test
    void liveMeansOpenOrAcknowledged() {
        assertThat(AlertStatus.isLive("open")).isTrue();
        assertThat(AlertStatus.isLive("acknowledged")).isTrue();
        assertThat(AlertStatus.isLive("fixed")).isFalse();
        assertThat(AlertStatus.isLive("dismissed")).isFalse();
    }
}
