package org.custos.portal.compliance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.custos.portal.compliance.application.ComplianceService;
import org.junit.jupiter.api.Test;

/**
 * A finding's status change and its history entries: limits kept on the server (the entity and the service's
 * parameter constraints), no-ops refused, responses bounded, nothing cut.
 */
class FindingHistoryTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    private static final String CLINIC = "0x" + "0a".repeat(32);

    static StoredFinding open() {
        Finding f = new Finding("GDPR-ER-01", 2, "GDPR Art 17(1) with Art 12(3)", Severity.S1, CLINIC,
                "requestId:0x01", "Erasure late", Map.of("requestId", "0x01"), List.of(), null, null);
        return new StoredFinding(f, "{}", "[]", "block:1|bundle:none", T);
    }

    @Test
    void aChangeToTheSameStatusIsRefusedAndChangesNothing() {
        StoredFinding f = open();
        f.changeStatus(FindingStatus.ACCEPTED, "documented legal hold", "regulator", T);
        assertThatThrownBy(() -> f.changeStatus(FindingStatus.ACCEPTED, "another reason", "regulator", T.plusSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already ACCEPTED");
        assertThat(f.getStatusReason()).isEqualTo("documented legal hold");
        assertThat(f.getStatusChangedAt()).isEqualTo(T);
        StoredFinding g = open();
        assertThatThrownBy(() -> g.changeStatus(FindingStatus.OPEN, null, "regulator", T))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> g.changeStatus(null, null, "regulator", T))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReasonOverTheLimitIsRefusedNeverCut() {
        StoredFinding f = open();
        assertThatThrownBy(() -> f.changeStatus(FindingStatus.ACKNOWLEDGED, "x".repeat(StoredFinding.MAX_REASON + 1),
                "regulator", T)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2000");
        assertThat(f.getStatus()).isEqualTo(FindingStatus.OPEN);
        assertThat(f.getStatusReason()).isNull();
        f.changeStatus(FindingStatus.ACKNOWLEDGED, "y".repeat(StoredFinding.MAX_REASON), "regulator", T);
        assertThat(f.getStatusReason()).hasSize(StoredFinding.MAX_REASON);
    }

    @Test
    void aStatusChangeEntryRecordsFromToReasonWhoAndWhen() {
        StoredFinding f = open();
        f.changeStatus(FindingStatus.ACCEPTED, "  compensating control  ", "reg-1", T);
        FindingEvent e = FindingEvent.statusChanged(f, FindingStatus.OPEN, "reg-1", "regulator", T);
        assertThat(e.getKind()).isEqualTo(FindingEvent.Kind.STATUS_CHANGED);
        assertThat(e.getFromStatus()).isEqualTo(FindingStatus.OPEN);
        assertThat(e.getToStatus()).isEqualTo(FindingStatus.ACCEPTED);
        assertThat(e.getNote()).isEqualTo("compensating control");
        assertThat(e.getActor()).isEqualTo("reg-1");
        assertThat(e.getOccurredAt()).isEqualTo(T);
        assertThat(e.getClinicId()).isEqualTo(CLINIC);
        assertThat(e.getFindingKey()).isEqualTo(f.getKey());
        assertThat(e.getWhat()).isEqualTo("OPEN \u2192 ACCEPTED");
        assertThat(e.getRoleInWords()).isEqualTo("regulator");
    }

    @Test
    void aResponseNeedsATextAndKeepsBothWithinTheirLimits() {
        StoredFinding f = open();
        FindingEvent r = FindingEvent.response(f, " Keys destroyed on 2 March; see ticket ", " DOC-77 ", "officer",
                "compliance-officer", T);
        assertThat(r.getKind()).isEqualTo(FindingEvent.Kind.RESPONSE);
        assertThat(r.getNote()).isEqualTo("Keys destroyed on 2 March; see ticket");
        assertThat(r.getReference()).isEqualTo("DOC-77");
        assertThat(r.getWhat()).isEqualTo("Response");
        assertThat(r.getRoleInWords()).isEqualTo("compliance officer");
        assertThat(r.getFromStatus()).isNull();
        assertThat(FindingEvent.response(f, "note", "  ", "o", "compliance-officer", T).getReference()).isNull();

        for (String empty : new String[] {null, "", "   \n\t"}) {
            assertThatThrownBy(() -> FindingEvent.response(f, empty, "DOC", "o", "compliance-officer", T))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a text");
        }
        assertThatThrownBy(() -> FindingEvent.response(f, "n".repeat(FindingEvent.MAX_NOTE + 1), null, "o",
                "compliance-officer", T)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FindingEvent.response(f, "note", "r".repeat(FindingEvent.MAX_REFERENCE + 1), "o",
                "compliance-officer", T)).isInstanceOf(IllegalArgumentException.class);
        assertThat(FindingEvent.response(f, "n".repeat(FindingEvent.MAX_NOTE), "r".repeat(FindingEvent.MAX_REFERENCE),
                "o", "compliance-officer", T).getNote()).hasSize(FindingEvent.MAX_NOTE);
    }

    @Test
    void anEntryFromBeforeTheHistoryTableSaysWhatItKnows() {
        StoredFinding f = open();
        f.changeStatus(FindingStatus.REMEDIATED, null, "reg", T);
        FindingEvent e = FindingEvent.statusChanged(f, null, "reg", "regulator", T);
        assertThat(e.getWhat()).isEqualTo("Status set to REMEDIATED");
        assertThat(e.getNote()).isNull();
    }

    @Test
    void theServiceDeclaresItsLimitsOnItsParameters() throws Exception {
        Method change = ComplianceService.class.getMethod("changeStatus", String.class, FindingStatus.class,
                String.class);
        Parameter[] p = change.getParameters();
        assertThat(p[0].getAnnotation(NotBlank.class)).isNotNull();
        assertThat(p[1].getAnnotation(NotNull.class)).isNotNull();
        assertThat(p[2].getAnnotation(Size.class).max()).isEqualTo(StoredFinding.MAX_REASON);
        assertThat(p[2].getAnnotation(Size.class).message()).contains("2000").contains("nothing was changed");

        Method respond = ComplianceService.class.getMethod("respond", String.class, String.class, String.class);
        Parameter[] q = respond.getParameters();
        assertThat(q[0].getAnnotation(NotBlank.class)).isNotNull();
        assertThat(q[1].getAnnotation(NotBlank.class)).isNotNull();
        assertThat(q[1].getAnnotation(Size.class).max()).isEqualTo(FindingEvent.MAX_NOTE);
        assertThat(q[2].getAnnotation(Size.class).max()).isEqualTo(FindingEvent.MAX_REFERENCE);
    }
}
