package org.custos.portal.dpo.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custos.portal.dpo.testing.Receipts.CLINIC;
import static org.custos.portal.dpo.testing.Receipts.K1;
import static org.custos.portal.dpo.testing.Receipts.KMS;
import static org.custos.portal.dpo.testing.Receipts.OTHER;
import static org.custos.portal.dpo.testing.Receipts.OTHER_CLINIC;
import static org.custos.portal.dpo.testing.Receipts.R1;
import static org.custos.portal.dpo.testing.Receipts.R2;
import static org.custos.portal.dpo.testing.Receipts.RC1;
import static org.custos.portal.dpo.testing.Receipts.RC2;
import static org.custos.portal.dpo.testing.Receipts.receipt;
import static org.custos.portal.dpo.testing.Receipts.sign;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.custos.portal.dpo.domain.DsrReceipt;
import org.custos.portal.dpo.domain.DsrReceiptRepository;
import org.custos.portal.dpo.domain.KmsReceiptVerifier;
import org.custos.portal.dpo.domain.KmsReceiptVerifier.Reason;
import org.custos.portal.dpo.testing.Receipts;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.security.ClinicScope;
import org.custos.portal.security.CurrentUser;
import org.custos.portal.security.SignedInUser;
import org.custos.portal.trail.application.TrailService;
import org.custos.portal.trail.domain.TrailAction;
import org.custos.portal.trail.domain.TrailEntry;
import org.junit.jupiter.api.Test;

/**
 * The receipt upload of one request with in-memory fakes (chain, table, scope, trail): verified receipts are kept
 * once, refused ones not at all, every upload in scope is on the trail, another clinic's request is "not found".
 */
class ReceiptServiceTest {

    private final FakeRepository repository = new FakeRepository();
    private final List<String> trail = new ArrayList<>();
    private final List<String> chainReads = new ArrayList<>();

    @Test
    void aVerifiedReceiptIsKeptWithItsBytesAndOnTheTrail() {
        ReceiptService.Upload u = service(CLINIC).upload(R1, RC1, sign(RC1, KMS)).orElseThrow();
        assertThat(u.verdict().verified()).isTrue();
        assertThat(u.kept()).isTrue();
        assertThat(u.alreadyKept()).isFalse();
        List<DsrReceipt> kept = service(CLINIC).receipts(R1);
        assertThat(kept).hasSize(1);
        DsrReceipt r = kept.get(0);
        assertThat(r.clinicId()).isEqualTo(CLINIC);
        assertThat(r.requestId()).isEqualTo(R1);
        assertThat(r.keyId()).isEqualTo(K1);
        assertThat(r.receipt()).isEqualTo(RC1);
        assertThat(r.signature()).isEqualTo(sign(RC1, KMS));
        assertThat(r.sha256()).isEqualTo(Receipts.sha256(RC1));
        assertThat(r.signer()).isEqualTo(KMS.getAddress().toLowerCase());
        assertThat(r.uploadedBy()).isEqualTo("dpo-north");
        assertThat(r.uploadedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(trail).hasSize(1);
        assertThat(trail.get(0)).startsWith("RECEIPT_VERIFIED dsr-request " + R1 + " key " + K1)
                .contains(Receipts.sha256(RC1)).endsWith("; kept");
    }

    @Test
    void theSameReceiptTwiceIsKeptOnceAndBothUploadsAreOnTheTrail() {
        byte[] receipt = RC1.clone();
        byte[] sig = sign(RC1, KMS);
        service(CLINIC).upload(R1, receipt, sig);
        receipt[0] = 'X'; // the caller's array changes afterwards: the kept copy does not
        ReceiptService.Upload again = service(CLINIC).upload(R1, RC1, sign(RC1, KMS)).orElseThrow();
        assertThat(again.verdict().verified()).isTrue();
        assertThat(again.kept()).isFalse();
        assertThat(again.alreadyKept()).isTrue();
        assertThat(repository.rows).hasSize(1);
        assertThat(repository.rows.get(0).receipt()).isEqualTo(RC1);
        assertThat(trail).hasSize(2);
        assertThat(trail.get(1)).startsWith("RECEIPT_VERIFIED").endsWith("; already kept");
    }

    @Test
    void everyRefusalKeepsNothingAndIsOnTheTrailWithItsReason() {
        byte[] other = receipt(OTHER_CLINIC, K1, 1);
        byte[] unanchored = receipt(CLINIC, K1, 2);
        Object[][] cases = {
            {RC1, sign(RC1, OTHER), Reason.WRONG_SIGNER},
            {"not json".getBytes(StandardCharsets.UTF_8), sign(RC1, KMS), Reason.NOT_JSON},
            {null, null, Reason.NOT_JSON},
            {new byte[KmsReceiptVerifier.MAX_RECEIPT_BYTES + 1], sign(RC1, KMS), Reason.TOO_LARGE},
            {other, sign(other, KMS), Reason.WRONG_CLINIC},
            {RC2, sign(RC2, KMS), Reason.KEY_NOT_OF_REQUEST},
            {unanchored, sign(unanchored, KMS), Reason.NOT_ANCHORED},
            {RC1, "0x1234".getBytes(StandardCharsets.US_ASCII), Reason.BAD_SIGNATURE},
            {RC1, null, Reason.BAD_SIGNATURE},
        };
        for (Object[] c : cases) {
            trail.clear();
            ReceiptService.Upload u = service(CLINIC).upload(R1, (byte[]) c[0], (byte[]) c[1]).orElseThrow();
            assertThat(u.verdict().reason()).isEqualTo(c[2]);
            assertThat(u.kept()).isFalse();
            assertThat(u.alreadyKept()).isFalse();
            assertThat(repository.rows).as(String.valueOf(c[2])).isEmpty();
            assertThat(trail).hasSize(1);
            assertThat(trail.get(0)).startsWith("RECEIPT_REFUSED dsr-request " + R1 + " refused " + c[2])
                    .endsWith("; nothing kept");
        }
        assertThat(service(CLINIC).receipts(R1)).isEmpty();
    }

    @Test
    void aReceiptOfAnotherRequestOfTheSameClinicGoesToThatRequestOnly() {
        assertThat(service(CLINIC).upload(R2, RC2, sign(RC2, KMS)).orElseThrow().kept()).isTrue();
        assertThat(service(CLINIC).receipts(R2)).hasSize(1);
        assertThat(service(CLINIC).receipts(R1)).isEmpty();
    }

    @Test
    void anotherClinicsRequestIsNotFoundAndNothingIsRecorded() {
        assertThat(service(OTHER_CLINIC).upload(R1, RC1, sign(RC1, KMS))).isEmpty();
        assertThat(service(ClinicScope.NO_CLINIC).upload(R1, RC1, sign(RC1, KMS))).isEmpty();
        assertThat(service(null).upload(R1, RC1, sign(RC1, KMS))).as("a regulator has no own clinic").isEmpty();
        assertThat(service(CLINIC).upload(Receipts.word(3), RC1, sign(RC1, KMS))).as("unknown id").isEmpty();
        assertThat(repository.rows).isEmpty();
        assertThat(trail).isEmpty();
    }

    @Test
    void keptReceiptsAreReadInScopeOnly() {
        service(CLINIC).upload(R1, RC1, sign(RC1, KMS));
        assertThat(service(CLINIC).receipts(R1)).hasSize(1);
        assertThat(service(null).receipts(R1)).as("regulators").hasSize(1);
        assertThat(service(OTHER_CLINIC).receipts(R1)).isEmpty();
        assertThat(service(ClinicScope.NO_CLINIC).receipts(R1)).isEmpty();
    }

    @Test
    void malformedRequestIdsAreNotLookedUp() {
        for (String id : new String[] {null, "", R1.toUpperCase(), R1 + "0", R1.substring(0, 65), " " + R1,
                R1.replace("0x", ""), "' or 1=1 --", R1 + "\n"}) {
            assertThat(service(CLINIC).upload(id, RC1, sign(RC1, KMS))).as(String.valueOf(id)).isEmpty();
            assertThat(service(CLINIC).receipts(id)).isEmpty();
        }
        assertThat(chainReads).isEmpty();
        assertThat(trail).isEmpty();
    }

    /** The service as a DPO of {@code clinic} (null: a regulator) sees it, over the erasure scenario's chain. */
    private ReceiptService service(String clinic) {
        ReceiptService s = new ReceiptService() {
            @Override
            List<ProvenEvent> clinicEvents(String clinicId) {
                chainReads.add(clinicId);
                return CLINIC.equals(clinicId) ? Receipts.erasures(KMS.getAddress()) : List.of();
            }
        };
        s.repository = repository;
        s.clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        s.scope = new ClinicScope() {
            @Override
            public boolean allClinics() {
                return clinic == null;
            }

            @Override
            public String queryScope() {
                return clinic;
            }

            @Override
            public boolean mayAccess(String clinicId) {
                return clinicId != null && (clinic == null || clinic.equals(clinicId));
            }
        };
        s.currentUser = new CurrentUser() {
            @Override
            public String getName() {
                return clinic == null ? "regulator" : "dpo-north";
            }

            @Override
            public List<String> getRoles() {
                return List.of(clinic == null ? "regulator" : "dpo");
            }

            @Override
            public boolean isRegulator() {
                return clinic == null;
            }

            @Override
            public String getClinicId() {
                return clinic == null ? null : "clinic-north";
            }
        };
        s.trail = new TrailService() {
            @Override
            public TrailEntry record(SignedInUser actor, TrailAction action, String objectType, String objectId,
                                     String detail) {
                trail.add(action + " " + objectType + " " + objectId + " " + detail);
                return null;
            }
        };
        return s;
    }

    /** The table in memory, with its unique key. */
    static final class FakeRepository implements DsrReceiptRepository {

        final List<DsrReceipt> rows = new ArrayList<>();

        @Override
        public void store(DsrReceipt r) {
            if (exists(r.clinicId(), r.requestId(), r.keyId(), r.sha256())) {
                throw new IllegalStateException("unique (clinic_id, request_id, key_id, sha256)");
            }
            rows.add(new DsrReceipt(rows.size() + 1, r.clinicId(), r.requestId(), r.keyId(), r.receipt(),
                    r.signature(), r.sha256(), r.signer(), r.uploadedBy(), r.uploadedAt()));
        }

        @Override
        public boolean exists(String clinicId, String requestId, String keyId, String sha256) {
            return rows.stream().anyMatch(r -> r.clinicId().equals(clinicId) && r.requestId().equals(requestId)
                    && r.keyId().equals(keyId) && r.sha256().equals(sha256));
        }

        @Override
        public List<DsrReceipt> of(String requestId, String scopeClinic) {
            return rows.stream().filter(r -> r.requestId().equals(requestId)
                    && (scopeClinic == null || r.clinicId().equals(scopeClinic))).toList();
        }
    }

}
