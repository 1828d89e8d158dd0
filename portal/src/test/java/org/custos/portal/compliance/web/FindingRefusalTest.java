package org.custos.portal.compliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolationException;
import java.util.Set;
import org.custos.portal.compliance.application.FindingRefusedException;
import org.junit.jupiter.api.Test;

/** Which failures of the finding page's actions are refusals shown beside the button, and in which words. */
class FindingRefusalTest {

    @Test
    void theServicesRefusalsAreShownInItsWords() {
        assertThat(FindingBacking.refusal(new FindingRefusedException("The finding is already ACCEPTED.")))
                .isEqualTo("The finding is already ACCEPTED.");
        assertThat(FindingBacking.refusal(new EJBException(new IllegalArgumentException("the reason is long"))))
                .isEqualTo("the reason is long");
        assertThat(FindingBacking.refusal(new ConstraintViolationException("x", Set.of()))).isEmpty();
        assertThat(FindingBacking.refusal(new EJBException(new FindingRefusedException("no")))).isEqualTo("no");
    }

    @Test
    void anythingElseIsNoRefusal() {
        assertThat(FindingBacking.refusal(new IllegalStateException("broken"))).isNull();
        assertThat(FindingBacking.refusal(new EJBException(new IllegalStateException("broken")))).isNull();
        assertThat(FindingBacking.refusal(new EJBException("no cause"))).isNull();
        assertThat(FindingBacking.refusal(new jakarta.ejb.EJBAccessException("denied"))).isNull();
    }
}
