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
    /** The machine-readable part of the RoPA: retention per data category (docType 5). */
    public static final String ROPA_JSON = "documents/ropa-v1.json";
    /** The access policy: which role may see which data category (docType 3, Markdown; docType 6, JSON). */
    public static final String ACCESS_POLICY = "documents/access-policy-v1.md";
    public static final String ACCESS_POLICY_JSON = "documents/access-policy-v1.json";

    private Documents() {
    }

    static Map<String, byte[]> of(int index, byte[] clinicId, Jurisdiction jurisdiction, boolean hipaa) {
        String clinic = Numeric.toHexString(clinicId);
        String header = "Clinic: " + clinic + " (simulated clinic " + index + ")\nJurisdiction: " + jurisdiction
                + "\nHIPAA covered entity: " + hipaa + "\nVersion: 1\n";
        Map<String, byte[]> documents = new LinkedHashMap<>();
        documents.put(ROPA, utf8("# Records of processing activities (GDPR Art 30)\n\n" + header + """

                | purpose | legal basis | data categories | recipients |
                |---|---|---|---|
                | treatment | Art 6(1)(a), Art 9(2)(a) explicit consent | clinical notes, imaging, lab results, \
                prescriptions, appointments | none |
                | payment | Art 6(1)(a), Art 9(2)(a) explicit consent | lab results, prescriptions | insurers |

                | data category | code | retention |
                |---|---|---|
                | clinical note | 1 | 10 years |
                | imaging | 2 | 10 years |
                | lab result | 3 | 10 years |
                | prescription | 4 | 10 years |
                | appointment and contact data | 5 | 30 days after the appointment, then its key is destroyed |

                The machine-readable part of this record is ropa-v1.json (anchored as docType 5).

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

                I consent to the clinic processing my health data for my treatment (purpose 1) and for billing my
                care (purpose 2); each purpose is recorded as a separate consent. I may withdraw this consent at any
                time, as easily as I gave it; withdrawal does not affect processing before it.
                """));
        documents.put(ROPA_JSON, utf8("{\"categories\":[{\"category\":1,\"name\":\"clinical note\",\"retentionDays\":"
                + Codes.CLINICAL_RETENTION_DAYS + "},{\"category\":2,\"name\":\"imaging\",\"retentionDays\":"
                + Codes.CLINICAL_RETENTION_DAYS + "},{\"category\":3,\"name\":\"lab result\",\"retentionDays\":"
                + Codes.CLINICAL_RETENTION_DAYS + "},{\"category\":4,\"name\":\"prescription\",\"retentionDays\":"
                + Codes.CLINICAL_RETENTION_DAYS + "},{\"category\":5,\"name\":\"appointment\",\"retentionDays\":"
                + Codes.APPOINTMENT_RETENTION_DAYS + "}],\"clinic\":\"" + clinic
                + "\",\"format\":\"custos-ropa/1\",\"purposes\":[{\"basisCode\":" + Codes.BASIS_EXPLICIT_CONSENT
                + ",\"categories\":[1,2,3,4,5],\"purpose\":1},{\"basisCode\":" + Codes.BASIS_EXPLICIT_CONSENT
                + ",\"categories\":[3,4],\"purpose\":2}],\"version\":1}"));
        StringBuilder policy = new StringBuilder("# Access policy: minimum necessary by role (HIPAA 164.514(d))\n\n")
                .append(header).append("\n| role | data categories it may see |\n|---|---|\n");
        StringBuilder json = new StringBuilder("{\"clinic\":\"").append(clinic)
                .append("\",\"format\":\"custos-access-policy/1\",\"roles\":[");
        for (int role = 0; role < Codes.ROLES.length; role++) {
            policy.append("| ").append(Codes.ROLES[role]).append(" | ");
            json.append(role == 0 ? "" : ",").append("{\"categories\":[");
            for (int i = 0; i < Codes.ALLOWED_CATEGORIES[role].length; i++) {
                policy.append(i == 0 ? "" : ", ").append(Codes.ALLOWED_CATEGORIES[role][i]);
                json.append(i == 0 ? "" : ",").append(Codes.ALLOWED_CATEGORIES[role][i]);
            }
            policy.append(" |\n");
            json.append("],\"role\":\"").append(Codes.ROLES[role]).append("\"}");
        }
        policy.append("\nCategories: 1 clinical note, 2 imaging, 3 lab result, 4 prescription, 5 appointment.\n")
                .append("Break-glass access (emergency, flagged in the audit log) is allowed to physicians and nurses ")
                .append("and is reviewed within 7 days; each review is anchored as docType 4.\n")
                .append("The machine-readable part of this policy is access-policy-v1.json (anchored as docType 6).\n");
        json.append("],\"version\":1}");
        documents.put(ACCESS_POLICY, utf8(policy.toString()));
        documents.put(ACCESS_POLICY_JSON, utf8(json.toString()));
        return documents;
    }

    /** The path of the n-th break-glass review of a clinic (docType 4, version n, from 1). */
    public static String breakGlassReview(int version) {
        return "documents/break-glass-review-v" + version + ".md";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
