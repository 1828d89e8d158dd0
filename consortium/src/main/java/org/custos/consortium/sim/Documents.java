package org.custos.consortium.sim;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custos.consortium.chain.Calls.Jurisdiction;
import org.web3j.utils.Numeric;

/**
 * The simple Markdown documents a simulated clinic anchors by hash: records of processing (docType 1), DPIA
 * (docType 2) and the consent text shown to patients (its SHA-256 is every {@code ConsentGranted.policyHash}).
 * Their content depends only on the clinic's profile, so the same seed gives the same bytes.
 */
public final class Documents {

    public static final String ROPA = "documents/ropa-v1.md";
    public static final String DPIA = "documents/dpia-v1.md";
    public static final String CONSENT_POLICY = "documents/consent-policy-v1.md";

    private Documents() {
    }

    static Map<String, byte[]> of(int index, byte[] clinicId, Jurisdiction jurisdiction, boolean hipaa) {
        String clinic = Numeric.toHexString(clinicId);
        String header = "Clinic: " + clinic + " (simulated clinic " + index + ")\nJurisdiction: " + jurisdiction
                + "\nHIPAA covered entity: " + hipaa + "\nVersion: 1\n";
        Map<String, byte[]> documents = new LinkedHashMap<>();
        documents.put(ROPA, utf8("# Records of processing activities (GDPR Art 30)\n\n" + header + """

                | purpose | legal basis | data categories | recipients | retention |
                |---|---|---|---|---|
                | treatment | Art 6(1)(b), Art 9(2)(h) | clinical notes, imaging, lab results, prescriptions | \
                none | 10 years after last visit |
                | payment | Art 6(1)(c), Art 9(2)(h) | lab results | insurers | 10 years |
                | health-care operations | Art 6(1)(f), Art 9(2)(h) | all | none | 10 years |

                Security measures: records are committed on-chain as HMAC-SHA-256 under per-clinic keys; each
                patient's data is encrypted under a per-patient key that is destroyed on erasure (crypto-shredding).
                """));
        documents.put(DPIA, utf8("# Data protection impact assessment (GDPR Art 35)\n\n" + header + """

                Processing: health records of patients, commitments anchored on a permissioned ledger.
                Necessity and proportionality: only keyed hashes and pseudonyms leave the clinic.
                Risks: re-identification from on-chain metadata (mitigated by keyed pseudonyms); inability to
                erase from the ledger (mitigated by crypto-shredding with KMS deletion receipts).
                Residual risk: low. Consulted: data protection officer.
                """));
        documents.put(CONSENT_POLICY, utf8("# Consent to processing of health data\n\n" + header + """

                I consent to the clinic processing my health data for my treatment. I may withdraw this consent at
                any time, as easily as I gave it; withdrawal does not affect processing before it.
                """));
        return documents;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
