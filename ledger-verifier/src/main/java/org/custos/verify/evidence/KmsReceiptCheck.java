package org.custos.verify.evidence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
import org.custos.verify.chain.RpcValues;
import org.custos.verify.consensus.Secp256k1Recovery;

/**
 * KMS deletion receipts ({@code kmsReceipts}, version 2): what the portal's bundle verification checks of a
 * receipt, from evidence a third party can re-verify. Per entry {@code {"receipt", "signature", "event", "key"}},
 * in this order:
 * <ol>
 *   <li>claimed event {@code event} exists ({@code EVENT_REFERENCE_MISSING}) and is a {@code KeyDestroyed}
 *       (topic0, 3 topics, one data word: {@code EVENT_KIND_MISMATCH});</li>
 *   <li>SHA-256 of the receipt bytes equals the event's {@code kmsDeletionReceiptHash}
 *       ({@code KMS_RECEIPT_HASH_MISMATCH});</li>
 *   <li>the receipt is a JSON object whose {@code clinic} and {@code keyId} are the event's clinicId and keyId
 *       (lower-case 0x-hex; {@code KMS_RECEIPT_CONTENT_MISMATCH});</li>
 *   <li>the clinic's KMS attestation key is bound by proven chain data ({@link KeyBinding}:
 *       {@code ATTESTATION_KEY_NOT_BOUND});</li>
 *   <li>the signature (65 bytes r || s || v) is an EIP-191 signed-message signature over the receipt bytes that
 *       recovers ({@code KMS_SIGNATURE_INVALID}) to that key ({@code KMS_WRONG_SIGNER}).</li>
 * </ol>
 */
final class KmsReceiptCheck {

    private final TranscriptVerifier.JsonReader json;
    private final List<String> bound = new ArrayList<>();
    private int verified;

    KmsReceiptCheck(TranscriptVerifier.JsonReader json) {
        this.json = json;
    }

    ClaimCheck.Failure verify(Map<String, ?> transcript, ClaimCheck claims) {
        List<Map<String, ?>> entries = Values.optionalObjects(transcript, "kmsReceipts", true);
        if (!entries.isEmpty() && json == null) {
            throw new IllegalArgumentException("kmsReceipts need a JSON reader for the receipts' content: "
                    + "TranscriptVerifier.verify(transcript, reader)");
        }
        for (int n = 0; n < entries.size(); n++) {
            VerificationResult result = verifyOne("kmsReceipt " + n, entries.get(n), claims);
            if (!result.verified()) {
                return new ClaimCheck.Failure(result, "kmsReceipt " + n, null);
            }
            verified++;
        }
        return null;
    }

    private VerificationResult verifyOne(String subject, Map<String, ?> entry, ClaimCheck claims) {
        byte[] receipt = RpcValues.data("kmsReceipts[].receipt", RpcValues.required(entry, "receipt")).toArray();
        byte[] signature = RpcValues.data("kmsReceipts[].signature", RpcValues.required(entry, "signature"))
                .toArray();
        int index = Values.index(entry.get("event"), subject + ".event");
        List<ProvenEvent> events = claims.events();
        if (index >= events.size()) {
            return VerificationResult.rejected(ReasonCode.EVENT_REFERENCE_MISSING, subject + " event",
                    "one of the " + events.size() + " proven events", "event " + index);
        }
        ProvenEvent destroyed = events.get(index);
        if (!destroyed.topic0().equals(CustosEvents.KEY_DESTROYED) || destroyed.topics().size() != 3
                || destroyed.data().length() != 32) {
            return VerificationResult.rejected(ReasonCode.EVENT_KIND_MISMATCH, subject + " event",
                    "a KeyDestroyed event (3 topics, one data word)", destroyed.describe());
        }
        Bytes clinic = destroyed.topics().get(1);
        Bytes keyId = destroyed.topics().get(2);
        Bytes hash = Bytes.of(Hashes.sha256(receipt));
        if (!hash.equals(destroyed.word(0))) {
            return VerificationResult.rejected(ReasonCode.KMS_RECEIPT_HASH_MISMATCH, subject + " receipt",
                    destroyed.word(0).toHex() + " (kmsDeletionReceiptHash of " + destroyed.describe() + ")",
                    hash.toHex());
        }
        String content = content(receipt, clinic, keyId);
        if (content != null) {
            return VerificationResult.rejected(ReasonCode.KMS_RECEIPT_CONTENT_MISMATCH, subject + " receipt",
                    "a JSON object with clinic " + clinic.toHex() + " and keyId " + keyId.toHex(), content);
        }
        KeyBinding.Bound key = KeyBinding.bind(subject, entry.get("key"), entry.containsKey("key"), destroyed,
                claims);
        if (key.failure() != null) {
            return key.failure();
        }
        byte[] prefix = ("\u0019Ethereum Signed Message:\n" + receipt.length).getBytes(StandardCharsets.US_ASCII);
        Optional<Bytes> signer = signature.length == Secp256k1Recovery.SIGNATURE_LENGTH
                ? Secp256k1Recovery.recoverAddress(Hashes.keccak256(prefix, receipt), signature) : Optional.empty();
        if (signer.isEmpty()) {
            return VerificationResult.rejected(ReasonCode.KMS_SIGNATURE_INVALID, subject + " signature",
                    "a recoverable 65-byte signature", signature.length + " bytes, not recoverable");
        }
        if (!signer.get().equals(key.address())) {
            return VerificationResult.rejected(ReasonCode.KMS_WRONG_SIGNER, subject + " signature",
                    key.address().toHex() + " (" + key.source() + ")", signer.get().toHex());
        }
        bound.add(subject + ": key " + keyId.toHex() + " of clinic " + clinic.toHex() + " destroyed in "
                + destroyed.describe() + ", receipt SHA-256 " + hash.toHex() + " signed by " + signer.get().toHex()
                + ", " + key.source());
        return VerificationResult.ok();
    }

    /** Null if the receipt names the event's clinic and key, else what it holds instead. */
    private String content(byte[] receipt, Bytes clinic, Bytes keyId) {
        Object parsed;
        try {
            parsed = json.read(receipt);
        } catch (IllegalArgumentException e) {
            return "not JSON: " + e.getMessage();
        }
        if (!(parsed instanceof Map<?, ?> object)) {
            return "not a JSON object";
        }
        Object c = object.get("clinic");
        Object k = object.get("keyId");
        if (clinic.toHex().equals(c) && keyId.toHex().equals(k)) {
            return null;
        }
        return "clinic " + BodyCheck.describe(c) + ", keyId " + BodyCheck.describe(k);
    }

    int verified() {
        return verified;
    }

    List<String> bound() {
        return bound;
    }
}
