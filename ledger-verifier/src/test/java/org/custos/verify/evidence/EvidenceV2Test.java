package org.custos.verify.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.custos.verify.Bytes;
import org.custos.verify.ReasonCode;
import org.custos.verify.cli.Json;
import org.custos.verify.testing.EvidenceV2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code custos-evidence/2} on the real demo chain ({@link EvidenceV2}): an access-log entry's inclusion path
 * under a root anchored in a proven AuditCheckpoint, a KMS deletion receipt bound to its KeyDestroyed event and
 * signed by the key the registry holds for the clinic at that block; and every lie, refused with its reason (or
 * as malformed, never verified).
 */
class EvidenceV2Test {

    static final TranscriptVerifier.JsonReader JSON = bytes -> Json.parse(bytes, 1 << 20);

    @Test
    void theDemoClinicsEvidenceVerifiesFromTheChain() {
        EvidenceReport report = TranscriptVerifier.verify(EvidenceV2.transcript(), JSON);
        assertThat(report.verified()).as(report.toString()).isTrue();
        assertThat(report.blocks()).isEqualTo(200);
        assertThat(report.events()).isEqualTo(3);
        assertThat(report.stateProofs()).isEqualTo(1);
        assertThat(report.merkleProofs()).isEqualTo(1);
        assertThat(report.kmsReceipts()).isEqualTo(1);
        assertThat(report.notAnchored()).isEmpty();
        assertThat(report.anchored()).singleElement().asString().contains("root = word 1", "size 12 = word 0",
                "AuditCheckpoint, block 212, contract 0xe7f1725e7734ce288f8367e1bb143e90bb3f0512");
        assertThat(report.receiptKeys()).singleElement().asString().contains("signed by " + EvidenceV2.KMS_KEY,
                "KeyDestroyed, block 218", "of contract 0x5fbdb2315678afecb367f032d93f642f64180aa3 at block 218");
        assertThat(report.validators()).isNull();   // dev chain: no validator set
        assertThat(report.toString()).contains("anchored: merkleProof 0", "KMS receipt: kmsReceipt 0");
    }

    @Test
    void theKeyMayBeBoundByTheClinicsRegistrationEvent() {
        Map<String, Object> t = EvidenceV2.transcript();
        EvidenceV2.kms(t).put("key", Map.of("event", BigInteger.ZERO));
        EvidenceReport report = TranscriptVerifier.verify(t, JSON);
        assertThat(report.verified()).as(report.toString()).isTrue();
        assertThat(report.receiptKeys()).singleElement().asString().contains("kmsAttestationKey of event 0 "
                + "(ClinicAdmitted, block 19");
    }

    @Test
    void theEventTableMatchesTheRealChainsTopics() {
        List<?> events = (List<?>) EvidenceV2.transcript().get("events");
        assertThat(topic0(events, 0)).isEqualTo(CustosEvents.CLINIC_ADMITTED);
        assertThat(topic0(events, 1)).isEqualTo(CustosEvents.AUDIT_CHECKPOINT);
        assertThat(topic0(events, 2)).isEqualTo(CustosEvents.KEY_DESTROYED);
        Object slot = ((List<?>) Json.object(((List<?>) EvidenceV2.transcript().get("stateProofs")).get(0))
                .get("storageKeys")).get(0);
        Bytes clinic = Bytes.fromHex((String) ((List<?>) Json.object(events.get(2)).get("topics")).get(1));
        assertThat(String.format("0x%064x", KeyBinding.keySlot(clinic))).isEqualTo(slot);
    }

    @Test
    void aMerkleProofWithoutAnchorIsVerifiedButSaidNotAnchored() {
        Map<String, Object> t = EvidenceV2.transcript();
        EvidenceV2.merkle(t).remove("anchor");
        EvidenceReport report = TranscriptVerifier.verify(t, JSON);
        assertThat(report.verified()).as(report.toString()).isTrue();
        assertThat(report.anchored()).isEmpty();
        assertThat(report.notAnchored()).singleElement().asString().contains("anchor absent");
        assertThat(report.toString()).contains("root not anchored: merkleProof 0");
    }

    @Test
    void theReceiptsContentMustNameTheEventsClinicAndKey() {
        Map<String, Object> t = EvidenceV2.transcript();
        TranscriptVerifier.JsonReader anotherKey = bytes -> Map.of("clinic", Json.object(JSON.read(bytes))
                .get("clinic"), "keyId", "0xd5f87230f299b13c513667bb0e9ae7fe9b20f2fff9ac9d2fbc8c569921b5508a");
        EvidenceReport report = TranscriptVerifier.verify(t, anotherKey);
        assertThat(report.result().reason()).as(report.toString()).isEqualTo(ReasonCode.KMS_RECEIPT_CONTENT_MISMATCH);
        TranscriptVerifier.JsonReader notJson = bytes -> {
            throw new IllegalArgumentException("JSON: not JSON");
        };
        assertThat(TranscriptVerifier.verify(EvidenceV2.transcript(), notJson).result().reason())
                .isEqualTo(ReasonCode.KMS_RECEIPT_CONTENT_MISMATCH);
        assertThat(TranscriptVerifier.verify(EvidenceV2.transcript(), bytes -> List.of()).result().reason())
                .isEqualTo(ReasonCode.KMS_RECEIPT_CONTENT_MISMATCH);
    }

    @Test
    void kmsReceiptsNeedAReaderForTheirContent() {
        assertThatThrownBy(() -> TranscriptVerifier.verify(EvidenceV2.transcript()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON reader");
    }

    static List<EvidenceV2.Lie> lies() {
        return EvidenceV2.lies();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lies")
    void everyLieIsRefusedWithItsReason(EvidenceV2.Lie lie) {
        Map<String, Object> parsed = Json.object(Json.parse(Json.write(lie.transcript())));
        if (lie.expected() == null) {
            assertThatThrownBy(() -> TranscriptVerifier.verify(lie.transcript(), JSON))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> TranscriptVerifier.verify(parsed, JSON))
                    .isInstanceOf(IllegalArgumentException.class);
            return;
        }
        EvidenceReport report = TranscriptVerifier.verify(parsed, JSON);
        assertThat(report.verified()).as(report.toString()).isFalse();
        assertThat(report.result().reason()).as(report.toString()).isEqualTo(lie.expected());
        assertThat(report.check()).as(report.toString()).isEqualTo(lie.check());
        assertThat(report.blocks()).isEqualTo(200);
        assertThat(report.toString()).startsWith("FAILED at transcript, check " + lie.check());
    }

    private static Bytes topic0(List<?> events, int i) {
        return Bytes.fromHex((String) ((List<?>) Json.object(events.get(i)).get("topics")).get(0));
    }
}
