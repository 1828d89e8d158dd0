package org.custos.consortium.sim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custos.consortium.chain.Calls.Jurisdiction;
import org.custos.consortium.sim.SimulatedClinic.RecordOpening;
import org.web3j.crypto.Credentials;

/** A clinic while its history is being planned: profile, keys, and everything planned for it so far. */
final class ClinicState {
    final int index;
    final byte[] clinicId;
    final Jurisdiction jurisdiction;
    final boolean hipaa;
    final boolean clean;
    final Credentials writer;
    final Credentials kms;
    final Credentials logSigner;
    final byte[] hmacKey;
    final List<Integer> patients = new ArrayList<>();
    /** Patients with a key that may still be picked for erasure (not erased, nothing disclosed). */
    final List<Integer> keyedPatients = new ArrayList<>();
    final Set<Integer> erased = new HashSet<>();
    final Map<Integer, byte[]> keyOf = new HashMap<>();
    /** Consents not revoked: {consentId, subject, patient}. */
    final List<Object[]> consents = new ArrayList<>();
    final List<RecordOpening> records = new ArrayList<>();
    final List<byte[]> accessLog = new ArrayList<>();
    final List<byte[]> leafHashes = new ArrayList<>();
    final List<Draft> checkpoints = new ArrayList<>();
    final List<Integer> checkpointSizes = new ArrayList<>();
    final List<KmsReceipt> receipts = new ArrayList<>();
    final Map<Integer, byte[]> consentOf = new HashMap<>();
    /** Per granted consent (in grant order): {consentId, subject} and {grantedAt, revokedAt or -1}. */
    final List<Object[]> consentData = new ArrayList<>();
    final List<long[]> consentRecords = new ArrayList<>();
    final Map<String, byte[]> documents = new LinkedHashMap<>();

    ClinicState(int index, byte[] clinicId, Jurisdiction jurisdiction, boolean hipaa, boolean clean,
                Credentials writer, Credentials kms, Credentials logSigner, byte[] hmacKey) {
        this.index = index;
        this.clinicId = clinicId;
        this.jurisdiction = jurisdiction;
        this.hipaa = hipaa;
        this.clean = clean;
        this.writer = writer;
        this.kms = kms;
        this.logSigner = logSigner;
        this.hmacKey = hmacKey;
        documents.putAll(Documents.of(index, clinicId, jurisdiction, hipaa));
    }

    /** The subject pseudonym of a patient at this clinic: HMAC-SHA-256(clinic key, "subject/" + patient). */
    byte[] pseudonym(int patient) {
        return KeyedHash.hmacSha256(hmacKey, ("subject/" + patient).getBytes(StandardCharsets.UTF_8));
    }

    SimulatedClinic toClinic() {
        return new SimulatedClinic(clinicId, jurisdiction, hipaa, writer, kms, logSigner, hmacKey,
                records, accessLog, receipts, consentResources(), documents);
    }

    private List<byte[]> consentResources() {
        List<byte[]> resources = new ArrayList<>();
        byte[] policy = Simulator.sha256(documents.get(Documents.CONSENT_POLICY));
        for (int i = 0; i < consentData.size(); i++) {
            resources.add(FhirEvidence.consent((byte[]) consentData.get(i)[0], (byte[]) consentData.get(i)[1],
                    Codes.PURPOSE_TREATMENT, policy, consentRecords.get(i)[0], consentRecords.get(i)[1]));
        }
        return resources;
    }
}
