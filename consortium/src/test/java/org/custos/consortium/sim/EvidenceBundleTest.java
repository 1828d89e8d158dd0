package org.custos.consortium.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custos.verify.merkle.MerkleTree;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Consent;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Type;
import org.web3j.utils.Numeric;

class EvidenceBundleTest {

    private static final SimulationParameters PARAMETERS =
            new SimulationParameters(20261122L, 3, 30, 3, SimulationParameters.all(1.0), 1);

    @Test
    void sameSeedGivesByteIdenticalBundles() {
        Plan first = Simulator.plan(PARAMETERS);
        Plan second = Simulator.plan(PARAMETERS);
        for (int c = 0; c < first.clinics().size(); c++) {
            assertThat(EvidenceBundle.zip(first.clinics().get(c)))
                    .isEqualTo(EvidenceBundle.zip(second.clinics().get(c)));
        }
        Plan other = Simulator.plan(new SimulationParameters(PARAMETERS.seed() + 1, 3, 30, 3));
        assertThat(EvidenceBundle.zip(other.clinics().get(0)))
                .isNotEqualTo(EvidenceBundle.zip(first.clinics().get(0)));
    }

    @Test
    void manifestListsEveryFileWithItsSha256AndRole() {
        SimulatedClinic clinic = Simulator.plan(PARAMETERS).clinics().get(0);
        Map<String, byte[]> entries = EvidenceBundle.read(EvidenceBundle.zip(clinic));
        List<String> names = new ArrayList<>(entries.keySet());
        assertThat(names.get(0)).isEqualTo(EvidenceBundle.MANIFEST);
        String manifest = new String(entries.get(EvidenceBundle.MANIFEST), StandardCharsets.UTF_8);
        assertThat(manifest).startsWith("{\"clinic\":\"" + Numeric.toHexString(clinic.clinicId()) + "\",\"files\":[")
                .endsWith("],\"format\":\"custos-bundle/1\"}");
        for (String name : names.subList(1, names.size())) {
            assertThat(manifest).contains("{\"path\":\"" + name + "\",\"role\":\"");
            assertThat(manifest).contains("\"sha256\":\"" + Numeric.toHexString(Simulator.sha256(entries.get(name)))
                    + "\"}");
        }
        assertThat(names).contains(EvidenceBundle.logPath(clinic.accessLog().size() - 1), Documents.ROPA,
                Documents.DPIA, Documents.CONSENT_POLICY, "consents/000000.json");
        assertThat(names).doesNotContain(EvidenceBundle.logPath(clinic.accessLog().size()));
    }

    @Test
    void everyAnchoredCheckpointIsTheRootOfTheBundlesFirstEntriesExactBytes() {
        // without violations (LOG_ENTRIES_MISSING and LOG_ENTRY_TAMPERED break exactly this)
        Plan plan = Simulator.plan(new SimulationParameters(PARAMETERS.seed(), 3, 30, 3));
        for (int c = 0; c < plan.clinics().size(); c++) {
            Map<String, byte[]> entries = EvidenceBundle.read(EvidenceBundle.zip(plan.clinics().get(c)));
            List<byte[]> leaves = new ArrayList<>();
            for (int i = 0; entries.containsKey(EvidenceBundle.logPath(i)); i++) {
                byte[] entry = entries.get(EvidenceBundle.logPath(i));
                assertThat(entry).isEqualTo(plan.clinics().get(c).accessLog().get(i));
                leaves.add(MerkleTree.leafHash(entry));
            }
            int checkpoints = 0;
            for (PlannedWrite write : writes(plan, c, "checkpoint")) {
                int size = ((BigInteger) arg(write, 1)).intValueExact();
                assertThat((byte[]) arg(write, 2)).isEqualTo(MerkleTree.rootHash(leaves.subList(0, size)));
                checkpoints++;
            }
            assertThat(checkpoints).isEqualTo(3);
            assertThat(((BigInteger) arg(writes(plan, c, "checkpoint").get(2), 1)).intValueExact())
                    .isEqualTo(leaves.size());
        }
    }

    @Test
    void entriesAreBalpAuditEventsWithPseudonymsAndConsentsAreFhirConsents() {
        SimulatedClinic clinic = Simulator.plan(PARAMETERS).clinics().get(0);
        AuditEvent event = FhirEvidence.parse(AuditEvent.class, clinic.accessLog().get(0));
        assertThat(event.getMeta().getProfile().get(0).getValue()).isEqualTo(FhirEvidence.BALP_PATIENT_READ);
        assertThat(event.getAgentFirstRep().getRoleFirstRep().getCodingFirstRep().getCode()).isNotEmpty();
        assertThat(event.getEntity().get(0).getWhat().getIdentifier().getSystem())
                .isEqualTo(FhirEvidence.PSEUDONYM_SYSTEM);
        assertThat(event.getEntity().get(0).getWhat().getIdentifier().getValue()).matches("0x[0-9a-f]{64}");
        assertThat(event.getPurposeOfEventFirstRep().getCodingFirstRep().getSystem())
                .isEqualTo(FhirEvidence.ACT_REASON);
        assertThat(event.getRecordedElement().getValueAsString()).endsWith("+00:00");
        String all = new String(String.join("\n", clinic.accessLog().stream()
                .map(b -> new String(b, StandardCharsets.UTF_8)).toList()));
        assertThat(all).doesNotContain("MRN-").doesNotContain("@");
        assertThat(FhirEvidence.encode(event)).isEqualTo(clinic.accessLog().get(0));
        Consent consent = FhirEvidence.parse(Consent.class, clinic.consents().get(0));
        assertThat(consent.getPatient().getIdentifier().getSystem()).isEqualTo(FhirEvidence.PSEUDONYM_SYSTEM);
        assertThat(consent.getProvision().getPurposeFirstRep().getCode()).isEqualTo("TREAT");
    }

    @Test
    void anchoredDocumentAndReceiptHashesAreTheBundlesFileHashes() {
        Plan plan = Simulator.plan(PARAMETERS);
        SimulatedClinic clinic = plan.clinics().get(0);
        Map<String, byte[]> entries = EvidenceBundle.read(EvidenceBundle.zip(clinic));
        List<PlannedWrite> documents = writes(plan, 0, "anchorDocument");
        assertThat((byte[]) arg(documents.get(0), 2)).isEqualTo(Simulator.sha256(entries.get(Documents.ROPA)));
        assertThat((byte[]) arg(documents.get(1), 2)).isEqualTo(Simulator.sha256(entries.get(Documents.DPIA)));
        for (PlannedWrite grant : writes(plan, 0, "grantConsent")) {
            assertThat((byte[]) arg(grant, 4)).isEqualTo(Simulator.sha256(entries.get(Documents.CONSENT_POLICY)));
        }
        List<PlannedWrite> destroyed = writes(plan, 0, "destroyKey");
        assertThat(destroyed).isNotEmpty();
        List<String> receiptHashes = new ArrayList<>();
        for (int i = 0; entries.containsKey(String.format("kms-receipts/%06d.json", i)); i++) {
            receiptHashes.add(Numeric.toHexString(Simulator.sha256(entries.get(String.format("kms-receipts/%06d.json", i)))));
        }
        for (PlannedWrite write : destroyed) {
            assertThat(receiptHashes).contains(Numeric.toHexString((byte[]) arg(write, 2)));
        }
    }

    @Test
    void everyAnchoredCheckpointHasASignedTreeHeadThatRecoversToTheLogSigner() throws Exception {
        Plan plan = Simulator.plan(PARAMETERS);
        for (int c = 0; c < plan.clinics().size(); c++) {
            SimulatedClinic clinic = plan.clinics().get(c);
            Map<String, byte[]> entries = EvidenceBundle.read(EvidenceBundle.zip(clinic));
            List<PlannedWrite> checkpoints = writes(plan, c, "checkpoint");
            assertThat(checkpoints).hasSize(3);
            for (int k = 0; k < checkpoints.size(); k++) {
                PlannedWrite checkpoint = checkpoints.get(k);
                byte[] json = entries.get(EvidenceBundle.treeHeadPath(k));
                String signature = new String(entries.get(String.format("checkpoints/%06d.sig", k)),
                        StandardCharsets.US_ASCII);
                assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"clinic\":\""
                        + Numeric.toHexString(clinic.clinicId()) + "\",\"rootHash\":\""
                        + Numeric.toHexString((byte[]) arg(checkpoint, 2)) + "\",\"time\":" + checkpoint.timestamp()
                        + ",\"treeSize\":" + arg(checkpoint, 1) + "}");
                byte[] sig = Numeric.hexStringToByteArray(signature);
                assertThat(sig).hasSize(65);
                org.web3j.crypto.Sign.SignatureData data = new org.web3j.crypto.Sign.SignatureData(sig[64],
                        java.util.Arrays.copyOfRange(sig, 0, 32), java.util.Arrays.copyOfRange(sig, 32, 64));
                String signer = "0x" + org.web3j.crypto.Keys.getAddress(
                        org.web3j.crypto.Sign.signedPrefixedMessageToKey(json, data));
                assertThat(signer).isEqualTo(clinic.logSigner().getAddress())
                        .isNotEqualTo(clinic.kmsAttestationKey().getAddress());
            }
            assertThat(entries).doesNotContainKey(EvidenceBundle.treeHeadPath(3));
        }
    }

    static List<PlannedWrite> writes(Plan plan, int clinic, String name) {
        return plan.writes().stream().filter(w -> w.clinic() == clinic && w.function().getName().equals(name))
                .toList();
    }

    @SuppressWarnings("rawtypes")
    static Object arg(PlannedWrite write, int index) {
        Type type = write.function().getInputParameters().get(index);
        return type.getValue();
    }
}
