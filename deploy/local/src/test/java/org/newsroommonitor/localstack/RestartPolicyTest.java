package org.newsroommonitor.localstack;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The local stack restarts a dying service at most 5 times within 10 minutes, then gives up. */
class RestartPolicyTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void theStandardPolicyAllowsFiveRestartsWithinTenMinutesAndRefusesTheSixth() {
        RestartPolicy policy = RestartPolicy.standard();
        for (int i = 0; i < 5; i++) {
            assertThat(policy.allowRestart(T0.plusSeconds(60L * i))).as("restart %d", i + 1).isTrue();
        }
        assertThat(policy.recentRestarts()).isEqualTo(5);
        assertThat(policy.allowRestart(T0.plusSeconds(299))).as("a sixth death within 10 min").isFalse();
        assertThat(policy.describe()).isEqualTo("5 restarts within 10 min");
    }

    @Test
    void restartsOlderThanTheWindowNoLongerCount() {
        RestartPolicy policy = new RestartPolicy(2, Duration.ofMinutes(10));
        assertThat(policy.allowRestart(T0)).isTrue();
        assertThat(policy.allowRestart(T0.plusSeconds(30))).isTrue();
        assertThat(policy.allowRestart(T0.plusSeconds(60))).isFalse();

        // ten minutes after the first restart it has left the window: one more is allowed, not two
        assertThat(policy.allowRestart(T0.plusSeconds(600))).isTrue();
        assertThat(policy.allowRestart(T0.plusSeconds(601))).isFalse();
        assertThat(policy.recentRestarts()).isEqualTo(2);
    }

    @Test
    void aRefusedRestartIsNotCounted() {
        RestartPolicy policy = new RestartPolicy(1, Duration.ofSeconds(60));
        assertThat(policy.allowRestart(T0)).isTrue();
        assertThat(policy.allowRestart(T0.plusSeconds(10))).isFalse();
        assertThat(policy.allowRestart(T0.plusSeconds(20))).isFalse();
        assertThat(policy.allowRestart(T0.plusSeconds(61))).as("the one restart has left the window").isTrue();
    }

    @Test
    void zeroRestartsNeverRestartsAndNonsenseIsRefused() {
        assertThat(new RestartPolicy(0, Duration.ofMinutes(1)).allowRestart(T0)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new RestartPolicy(-1, Duration.ofMinutes(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new RestartPolicy(1, Duration.ZERO));
    }
}
