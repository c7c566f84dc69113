package org.newsroommonitor.classify.eval.real;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LabelAgreementTest {

    @Test
    void kappaIsOneForFullAgreementZeroForChanceAndNegativeBelowIt() {
        assertThat(LabelAgreement.kappa(10, 0, 0, 90)).isEqualTo(1.0);
        // both say yes half the time, independently: observed agreement = chance agreement
        assertThat(LabelAgreement.kappa(25, 25, 25, 25)).isCloseTo(0.0, within(1e-12));
        assertThat(LabelAgreement.kappa(0, 50, 50, 0)).isCloseTo(-1.0, within(1e-12));
        // a textbook case: 20 both, 5 + 10 one only, 15 neither of 50 -> po 0.7, pe 0.5 -> 0.4
        assertThat(LabelAgreement.kappa(20, 5, 10, 15)).isCloseTo(0.4, within(1e-12));
    }
}
