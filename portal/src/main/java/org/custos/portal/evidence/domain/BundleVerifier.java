package org.custos.portal.evidence.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custos.portal.dpo.domain.KmsReceiptVerifier;
import org.custos.portal.evidence.domain.BundleVerification.CheckpointCheck;
import org.custos.portal.evidence.domain.BundleVerification.DocumentCheck;
import org.custos.portal.evidence.domain.BundleVerification.HeadStatus;
import org.custos.portal.evidence.domain.BundleVerification.ReceiptCheck;
import org.custos.portal.evidence.domain.BundleVerification.ReceiptStatus;
import org.custos.portal.evidence.domain.BundleVerification.Review;
import org.custos.portal.evidence.domain.BundleVerification.RootStatus;
import org.custos.portal.ledger.domain.EventVocabulary;
import org.custos.verify.Hashes;
import org.custos.verify.Hex;
import org.custos.verify.merkle.ConsistencyProofVerifier;

/**
 * Verifies a read bundle against the clinic's proven events (docs/evidence-bundle.md "What the portal verifies"):
 * each anchored checkpoint's root rebuilt from the bundle's leaves (completeness and inclusion: every entry below
 * the size is under the anchored root), RFC 9162 consistency proofs between successive checkpoints built from the
 * leaves and checked with ledger-verifier, signed tree heads recovered to the registered {@code logSigner}, KMS
 * receipts hashing to the anchored hash and signed by the registered {@code kmsAttestationKey}, documents and
 * consent texts hashing to their anchored hashes. Only documents that match an anchored hash are read (RoPA
 * retention, access policy, break-glass reviews).
 */
public final class BundleVerifier {

    public static final int DOC_REVIEW = EventVocabulary.DocType.BREAK_GLASS_REVIEW;
    public static final int DOC_ROPA_JSON = EventVocabulary.DocType.ROPA_JSON;
    public static final int DOC_POLICY_JSON = EventVocabulary.DocType.ACCESS_POLICY_JSON;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KmsReceiptVerifier RECEIPTS = KmsReceiptVerifier.forBundles();
    private static final Pattern REVIEW_ROW = Pattern.compile(
            "^\\| (access-log/\\d{6,7}\\.json) \\| access-\\d{6,7} \\| [^|]+ \\| [^|]+ \\| [^|]+ \\| (0x[0-9a-f]{64}) \\|",
            Pattern.MULTILINE);

    public BundleVerification verify(EvidenceBundle bundle, List<ProvenEvent> clinicEvents) {
        String clinic = bundle.clinic();
        String logSigner = null;
        String kmsKey = null;
        List<ProvenEvent> checkpoints = new ArrayList<>();
        List<ProvenEvent> destroyed = new ArrayList<>();
        List<ProvenEvent> anchored = new ArrayList<>();
        Map<String, Boolean> policies = new TreeMap<>();
        for (ProvenEvent e : clinicEvents) {
            if (!clinic.equals(e.clinicId())) {
                throw new IllegalArgumentException("event " + e.id() + " is not clinic " + clinic + "'s");
            }
            switch (e.name()) {
                case "ClinicAdmitted", "ClinicUpdated" -> {
                    logSigner = e.field("logSigner");
                    kmsKey = e.field("kmsAttestationKey");
                }
                case "AuditCheckpoint" -> checkpoints.add(e);
                case "KeyDestroyed" -> destroyed.add(e);
                case "DocumentAnchored" -> anchored.add(e);
                case "ConsentGranted" -> policies.put(e.field("policyHash"), false);
                default -> { }
            }
        }
        Map<String, String> pathBySha = new HashMap<>();
        for (Map.Entry<String, byte[]> f : bundle.files().entrySet()) {
            pathBySha.putIfAbsent(Hex.encodePrefixed(Hashes.sha256(f.getValue())), f.getKey());
        }
        policies.replaceAll((hash, found) -> {
            String p = pathBySha.get(hash);
            return p != null && p.startsWith("documents/");
        });
        List<CheckpointCheck> cps = checkCheckpoints(bundle, checkpoints, logSigner);
        List<ReceiptCheck> receipts = new ArrayList<>();
        for (ProvenEvent e : destroyed) {
            receipts.add(checkReceipt(bundle, e, pathBySha, kmsKey));
        }
        List<DocumentCheck> documents = new ArrayList<>();
        Map<Integer, Integer> retention = new TreeMap<>();
        Map<String, Set<Integer>> allowed = new TreeMap<>();
        List<Review> reviews = new ArrayList<>();
        for (ProvenEvent e : anchored) {
            String hash = e.field("docHash");
            String path = pathBySha.get(hash);
            if (path != null && !path.startsWith("documents/")) {
                path = null;
            }
            int type = e.intField("docType");
            documents.add(new DocumentCheck(e, type, e.intField("version"), hash, path));
            if (path == null) {
                continue;
            }
            byte[] content = bundle.files().get(path);
            switch (type) {
                case DOC_ROPA_JSON -> readRopa(content, clinic).ifPresent(retention::putAll);
                case DOC_POLICY_JSON -> readPolicy(content, clinic).ifPresent(allowed::putAll);
                case DOC_REVIEW -> reviews.add(new Review(e, path, reviewRows(content)));
                default -> { }
            }
        }
        long covered = checkpoints.isEmpty() ? 0
                : Math.min(bundle.entries(), checkpoints.stream().mapToLong(c -> c.longField("treeSize")).max()
                .orElse(0));
        return new BundleVerification(bundle.sha256(), clinic, bundle.entries(), cps, receipts, documents, policies,
                retention, allowed, reviews, bundle.identifiers(), covered);
    }

    private static List<CheckpointCheck> checkCheckpoints(EvidenceBundle bundle, List<ProvenEvent> checkpoints,
                                                          String logSigner) {
        LeafStore leaves = bundle.leaves();
        List<CheckpointCheck> out = new ArrayList<>();
        long stored = leaves.contiguous();
        CheckpointCheck previous = null;
        for (int k = 0; k < checkpoints.size(); k++) {
            ProvenEvent e = checkpoints.get(k);
            long size = e.longField("treeSize");
            String anchoredRoot = e.field("rootHash");
            RootStatus status;
            String bundleRoot = null;
            if (size > stored) {
                status = RootStatus.SHORT;
            } else {
                bundleRoot = Hex.encodePrefixed(leaves.root(size));
                status = bundleRoot.equals(anchoredRoot) ? RootStatus.MATCH : RootStatus.MISMATCH;
            }
            Boolean consistent = null;
            List<String> proof = List.of();
            if (previous != null && previous.treeSize() > 0 && size >= previous.treeSize() && size <= stored) {
                List<byte[]> p = leaves.consistencyProof(previous.treeSize(), size);
                proof = p.stream().map(Hex::encodePrefixed).toList();
                consistent = ConsistencyProofVerifier.verifyConsistency(previous.treeSize(), size,
                        Hex.decode(previous.anchoredRoot()), Hex.decode(anchoredRoot), p).verified();
            } else if (previous != null && size < previous.treeSize()) {
                consistent = false;
            }
            HeadStatus head;
            String signer = null;
            String base = String.format("checkpoints/%06d", k);
            byte[] json = bundle.files().get(base + ".json");
            byte[] sig = bundle.files().get(base + ".sig");
            if (json == null || sig == null) {
                head = HeadStatus.MISSING;
            } else if (!headMatches(json, bundle.clinic(), e)) {
                head = HeadStatus.DIFFERENT;
            } else {
                signer = Eip191.signer(json, sig).orElse(null);
                head = signer != null && signer.equalsIgnoreCase(String.valueOf(logSigner)) ? HeadStatus.OK
                        : HeadStatus.WRONG_SIGNER;
            }
            CheckpointCheck check = new CheckpointCheck(k, e, size, anchoredRoot, bundleRoot, status, consistent,
                    proof, head, signer);
            out.add(check);
            previous = check;
        }
        return out;
    }

    private static boolean headMatches(byte[] json, String clinic, ProvenEvent e) {
        try {
            JsonNode n = JSON.readTree(json);
            return n.size() == 4 && clinic.equals(n.path("clinic").asText())
                    && e.field("rootHash").equals(n.path("rootHash").asText())
                    && n.path("treeSize").canConvertToLong() && n.path("treeSize").asLong() == e.longField("treeSize")
                    && n.path("time").canConvertToLong() && n.path("time").asLong() == e.epoch();
        } catch (IOException ex) {
            return false;
        }
    }

    /**
     * The receipt whose SHA-256 the {@code KeyDestroyed} anchors, checked by {@link KmsReceiptVerifier} (the rule
     * the DPO's receipt upload uses too) for this clinic and this key: MISSING when no {@code kms-receipts/*.json}
     * has the anchored hash; CONTENT_MISMATCH when it is not a JSON object naming this clinic and key;
     * BAD_SIGNATURE when its {@code .sig} is missing, malformed or not recoverable; WRONG_SIGNER when it recovers to
     * another address than the registered {@code kmsAttestationKey}.
     */
    private static ReceiptCheck checkReceipt(EvidenceBundle bundle, ProvenEvent e, Map<String, String> pathBySha,
                                             String kmsKey) {
        String keyId = e.field("keyId");
        String path = pathBySha.get(e.field("kmsDeletionReceiptHash"));
        if (path == null || !path.startsWith("kms-receipts/") || !path.endsWith(".json")) {
            return new ReceiptCheck(e, keyId, null, ReceiptStatus.MISSING, null);
        }
        byte[] receipt = bundle.files().get(path);
        byte[] sig = bundle.files().get(path.substring(0, path.length() - 5) + ".sig");
        KmsReceiptVerifier.Verdict v = RECEIPTS.verify(receipt, sig,
                new KmsReceiptVerifier.Expected(bundle.clinic(), Set.of(keyId), List.of(e), kmsKey));
        ReceiptStatus status = v.verified() ? ReceiptStatus.OK : switch (v.reason()) {
            case NOT_ANCHORED -> ReceiptStatus.MISSING;
            case TOO_LARGE, NOT_JSON, WRONG_CLINIC, KEY_NOT_OF_REQUEST -> ReceiptStatus.CONTENT_MISMATCH;
            case BAD_SIGNATURE -> ReceiptStatus.BAD_SIGNATURE;
            case WRONG_SIGNER -> ReceiptStatus.WRONG_SIGNER;
        };
        return new ReceiptCheck(e, keyId, path, status, v.signer());
    }

    private static Optional<Map<Integer, Integer>> readRopa(byte[] content, String clinic) {
        try {
            JsonNode n = JSON.readTree(content);
            if (!"custos-ropa/1".equals(n.path("format").asText()) || !clinic.equals(n.path("clinic").asText())) {
                return Optional.empty();
            }
            Map<Integer, Integer> days = new TreeMap<>();
            for (JsonNode c : n.path("categories")) {
                days.put(c.path("category").asInt(), c.path("retentionDays").asInt());
            }
            return Optional.of(days);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Map<String, Set<Integer>>> readPolicy(byte[] content, String clinic) {
        try {
            JsonNode n = JSON.readTree(content);
            if (!"custos-access-policy/1".equals(n.path("format").asText())
                    || !clinic.equals(n.path("clinic").asText())) {
                return Optional.empty();
            }
            Map<String, Set<Integer>> roles = new LinkedHashMap<>();
            for (JsonNode r : n.path("roles")) {
                Set<Integer> cats = new TreeSet<>();
                r.path("categories").forEach(c -> cats.add(c.asInt()));
                roles.put(r.path("role").asText(), cats);
            }
            return Optional.of(roles);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> reviewRows(byte[] content) {
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher m = REVIEW_ROW.matcher(new String(content, StandardCharsets.UTF_8));
        while (m.find()) {
            rows.put(m.group(1), m.group(2));
        }
        return rows;
    }
}
