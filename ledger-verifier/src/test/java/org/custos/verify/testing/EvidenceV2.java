package org.custos.verify.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.Hex;
import org.custos.verify.ReasonCode;

/**
 * A {@code custos-evidence/2} transcript of the real demo chain ({@code vectors/custos-demo/demo-evidence-v2.json},
 * captured by the script next to it): blocks 19-218 anchored at block 19 (dev consensus), clinic 0's
 * ClinicAdmitted (event 0), AuditCheckpoint of 12 entries (event 1) and KeyDestroyed (event 2); access-log entry 6
 * with its inclusion path anchored in event 1 (root word 1, size word 0); the real KMS receipt and signature, the key
 * bound by the registry's state proof of the clinic's kmsAttestationKey slot at block 218. And every lie about it.
 */
public final class EvidenceV2 {

    public static final String VECTOR = "vectors/custos-demo/demo-evidence-v2.json";
    /** clinic 0's registered kmsAttestationKey (ClinicAdmitted word 3, and the slot's proven value). */
    public static final String KMS_KEY = "0x649582b4355fe19674a07723d8f96e791b0ef4cd";

    /** A lie: {@code expected} null means malformed (IllegalArgumentException), never a verdict. */
    public record Lie(String name, Map<String, Object> transcript, ReasonCode expected, String check) {
        @Override
        public String toString() {
            return name;
        }
    }

    private EvidenceV2() {
    }

    /** The valid transcript (a fresh copy). */
    public static Map<String, Object> transcript() {
        Map<String, Object> v = Json.object(Json.resource(VECTOR));
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("version", "custos-evidence/2");
        t.put("chain", new LinkedHashMap<>(Map.of("consensus", "dev", "checkpoint", v.get("checkpoint"))));
        t.put("blocks", v.get("blocks"));
        t.put("events", v.get("events"));
        t.put("stateProofs", v.get("stateProofs"));
        Map<String, Object> proof = Json.object(((List<?>) v.get("merkleProofs")).get(0));
        proof.put("anchor", anchor(1, 1, 0));
        t.put("merkleProofs", new ArrayList<>(List.of(proof)));
        Map<String, Object> receipt = Json.object(v.get("kmsReceipt"));
        receipt.put("event", BigInteger.TWO);
        receipt.put("key", new LinkedHashMap<>(Map.of("stateProof", BigInteger.ZERO)));
        t.put("kmsReceipts", new ArrayList<>(List.of(receipt)));
        return t;
    }

    public static Map<String, Object> anchor(int event, int word, int sizeWord) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("event", BigInteger.valueOf(event));
        a.put("word", BigInteger.valueOf(word));
        a.put("sizeWord", BigInteger.valueOf(sizeWord));
        return a;
    }

    public static Map<String, Object> merkle(Map<String, Object> t) {
        return Json.object(((List<?>) t.get("merkleProofs")).get(0));
    }

    public static Map<String, Object> kms(Map<String, Object> t) {
        return Json.object(((List<?>) t.get("kmsReceipts")).get(0));
    }

    /** The receipt signed (EIP-191) by test key {@code index} instead of the clinic's attestation key. */
    public static String signedByAnotherKey(String receiptHex, int index) {
        byte[] receipt = Hex.decode(receiptHex);
        byte[] prefix = ("\u0019Ethereum Signed Message:\n" + receipt.length).getBytes(StandardCharsets.US_ASCII);
        byte[] sig = TestKeys.sign(Hashes.keccak256(prefix, receipt), TestKeys.key(index));
        sig[64] += 27;
        return Bytes.of(sig).toHex();
    }

    public static List<Lie> lies() {
        List<Lie> out = new ArrayList<>();
        lie(out, "root-anchored-to-the-size-word", t -> merkle(t).put("anchor", anchor(1, 0, 0)),
                ReasonCode.MERKLE_ROOT_NOT_ANCHORED, "merkleProof 0");
        lie(out, "root-anchored-to-the-registration", t -> merkle(t).put("anchor", anchor(0, 1, 0)),
                ReasonCode.MERKLE_ROOT_NOT_ANCHORED, "merkleProof 0");
        lie(out, "size-anchored-to-the-root-word", t -> merkle(t).put("anchor", anchor(1, 1, 1)),
                ReasonCode.MERKLE_SIZE_NOT_ANCHORED, "merkleProof 0");
        lie(out, "anchor-word-out-of-range", t -> merkle(t).put("anchor", anchor(1, 2, 0)),
                ReasonCode.ANCHOR_WORD_OUT_OF_RANGE, "merkleProof 0");
        lie(out, "anchor-size-word-out-of-range", t -> merkle(t).put("anchor", anchor(1, 1, 9)),
                ReasonCode.ANCHOR_WORD_OUT_OF_RANGE, "merkleProof 0");
        lie(out, "anchor-to-an-unproven-event", t -> merkle(t).put("anchor", anchor(3, 1, 0)),
                ReasonCode.EVENT_REFERENCE_MISSING, "merkleProof 0");
        lie(out, "anchor-to-a-dropped-event", t -> ((List<?>) t.get("events")).remove(2),
                ReasonCode.EVENT_REFERENCE_MISSING, "kmsReceipt 0");
        lie(out, "leaf-one-byte-changed", t -> merkle(t).put("leaf", flip((String) merkle(t).get("leaf"), 40)),
                ReasonCode.LEAF_HASH_MISMATCH, "merkleProof 0");
        lie(out, "leaf-of-another-entry-with-its-hash", t -> {
            merkle(t).put("leaf", "0x7b7d");
            merkle(t).put("leafHash", Bytes.of(org.custos.verify.merkle.MerkleTree.leafHash(Hex.decode("0x7b7d")))
                    .toHex());
        }, ReasonCode.ROOT_MISMATCH, "merkleProof 0");
        lie(out, "receipt-one-byte-changed", t -> kms(t).put("receipt", flip((String) kms(t).get("receipt"), 30)),
                ReasonCode.KMS_RECEIPT_HASH_MISMATCH, "kmsReceipt 0");
        lie(out, "receipt-signed-by-another-key", t -> kms(t).put("signature",
                signedByAnotherKey((String) kms(t).get("receipt"), 3)), ReasonCode.KMS_WRONG_SIGNER, "kmsReceipt 0");
        lie(out, "signature-one-byte-changed", t -> kms(t).put("signature", flip((String) kms(t).get("signature"),
                40)), ReasonCode.KMS_WRONG_SIGNER, "kmsReceipt 0");
        lie(out, "signature-truncated", t -> kms(t).put("signature", ((String) kms(t).get("signature"))
                .substring(0, 128)), ReasonCode.KMS_SIGNATURE_INVALID, "kmsReceipt 0");
        lie(out, "receipt-of-another-key", t -> kms(t).put("receipt", Bytes.of(("{\"clinic\":\"0x8eb8e2cd751ed7aaf2"
                + "04a1d58a93806249ff98071e9ca6ca035a647671a0f5b9\",\"destroyedAt\":1738105200,\"keyId\":\"0xd5f87230f2"
                + "99b13c513667bb0e9ae7fe9b20f2fff9ac9d2fbc8c569921b5508a\",\"kms\":\"custos-sim-kms\"}")
                .getBytes(StandardCharsets.UTF_8)).toHex()), ReasonCode.KMS_RECEIPT_HASH_MISMATCH, "kmsReceipt 0");
        lie(out, "receipt-for-the-checkpoint-event", t -> kms(t).put("event", BigInteger.ONE),
                ReasonCode.EVENT_KIND_MISMATCH, "kmsReceipt 0");
        lie(out, "key-not-bound", t -> kms(t).remove("key"), ReasonCode.ATTESTATION_KEY_NOT_BOUND, "kmsReceipt 0");
        lie(out, "key-bound-by-a-missing-state-proof", t -> kms(t).put("key", Map.of("stateProof", BigInteger.TWO)),
                ReasonCode.EVIDENCE_MISSING, "kmsReceipt 0");
        lie(out, "key-bound-by-the-deletion-event", t -> kms(t).put("key", Map.of("event", BigInteger.TWO)),
                ReasonCode.EVENT_KIND_MISMATCH, "kmsReceipt 0");
        lie(out, "key-bound-by-an-unproven-event", t -> kms(t).put("key", Map.of("event", BigInteger.TEN)),
                ReasonCode.EVENT_REFERENCE_MISSING, "kmsReceipt 0");
        lie(out, "events-reordered", t -> Collections.swap((List<?>) t.get("events"), 1, 2),
                ReasonCode.ANCHOR_WORD_OUT_OF_RANGE, "merkleProof 0");
        lie(out, "receipt-entry-duplicated-with-a-forged-signature", t -> {
            Map<String, Object> copy = new LinkedHashMap<>(kms(t));
            copy.put("signature", signedByAnotherKey((String) copy.get("receipt"), 2));
            Json.object(t).put("kmsReceipts", new ArrayList<>(List.of(kms(t), copy)));
        }, ReasonCode.KMS_WRONG_SIGNER, "kmsReceipt 1");
        // malformed: a clear IllegalArgumentException, never a verdict
        lie(out, "kmsReceipts-null", t -> t.put("kmsReceipts", null), null, null);
        lie(out, "kmsReceipts-a-string", t -> t.put("kmsReceipts", "0x00"), null, null);
        lie(out, "kmsReceipts-entry-null", t -> t.put("kmsReceipts", java.util.Arrays.asList((Object) null)), null,
                null);
        lie(out, "receipt-a-number", t -> kms(t).put("receipt", BigInteger.ONE), null, null);
        lie(out, "receipt-event-a-hex-string", t -> kms(t).put("event", "0x2"), null, null);
        lie(out, "receipt-event-negative", t -> kms(t).put("event", BigInteger.valueOf(-1)), null, null);
        lie(out, "receipt-event-a-fraction", t -> kms(t).put("event", new java.math.BigDecimal("2.0")), null, null);
        lie(out, "receipt-event-huge", t -> kms(t).put("event", BigInteger.TWO.pow(80)), null, null);
        lie(out, "key-empty", t -> kms(t).put("key", Map.of()), null, null);
        lie(out, "key-both-ways", t -> kms(t).put("key", Map.of("event", BigInteger.ZERO, "stateProof",
                BigInteger.ZERO)), null, null);
        lie(out, "key-null", t -> kms(t).put("key", null), null, null);
        lie(out, "anchor-null", t -> merkle(t).put("anchor", null), null, null);
        lie(out, "anchor-word-a-string", t -> Json.object(merkle(t).get("anchor")).put("word", "1"), null, null);
        lie(out, "anchor-without-size-word", t -> Json.object(merkle(t).get("anchor")).remove("sizeWord"), null,
                null);
        lie(out, "merkle-size-beyond-a-long", t -> merkle(t).put("size", "0xfffffffffffffffffff"), null, null);
        lie(out, "event-log-index-beyond-an-int", t -> Json.object(((List<?>) t.get("events")).get(0))
                .put("logIndex", "0x1ffffffff"), null, null);
        lie(out, "merkleProofs-null", t -> t.put("merkleProofs", null), null, null);
        lie(out, "events-null", t -> t.put("events", null), null, null);
        lie(out, "v1-with-kmsReceipts", t -> t.put("version", "custos-evidence/1"), null, null);
        lie(out, "v1-with-an-anchor", t -> {
            t.put("version", "custos-evidence/1");
            t.remove("kmsReceipts");
        }, null, null);
        return out;
    }

    private static void lie(List<Lie> out, String name, Consumer<Map<String, Object>> change, ReasonCode expected,
                            String check) {
        Map<String, Object> t = transcript();
        change.accept(t);
        out.add(new Lie(name, t, expected, check));
    }

    /** The hex string with the byte at {@code index} XOR 0x01. */
    static String flip(String hex, int index) {
        byte[] bytes = Hex.decode(hex);
        bytes[index] ^= 0x01;
        return Bytes.of(bytes).toHex();
    }
}
