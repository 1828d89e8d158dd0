package org.custos.portal.dpo.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.custos.portal.evidence.domain.Eip191;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.verify.Hashes;
import org.custos.verify.Hex;

/**
 * The one rule for a KMS key-deletion receipt (docs/evidence-bundle.md "KMS receipts"): the receipt's exact signed
 * bytes (canonical JSON {@code {"clinic","destroyedAt","keyId","kms"}}) and its signature file, ASCII {@code 0x} +
 * 130 hex digits (r || s || v, 65 bytes; surrounding white space such as a final newline is ignored, raw binary
 * signatures are not accepted). Checked in this order, the first failure is the verdict:
 * <ol>
 *   <li>{@link Reason#TOO_LARGE}: receipt over {@link #MAX_RECEIPT_BYTES} or signature file over
 *       {@link #MAX_SIGNATURE_FILE_BYTES} (upload bound only: {@link #forBundles()} leaves the size to the bundle's
 *       own limits);</li>
 *   <li>{@link Reason#NOT_JSON}: not one JSON object (strict: no duplicate names, no trailing content, nesting at
 *       most {@link #MAX_NESTING}, as ledger-verifier's command line reads receipts);</li>
 *   <li>{@link Reason#WRONG_CLINIC}: its {@code clinic} is not the expected clinic id (lower-case 0x-hex);</li>
 *   <li>{@link Reason#KEY_NOT_OF_REQUEST}: its {@code keyId} is not one of the expected keys;</li>
 *   <li>{@link Reason#NOT_ANCHORED}: no given {@code KeyDestroyed} of that key has
 *       {@code kmsDeletionReceiptHash} = SHA-256 of the receipt bytes;</li>
 *   <li>{@link Reason#BAD_SIGNATURE}: no signature, not in the format above, or not recoverable (EIP-191
 *       signed-message over the receipt bytes);</li>
 *   <li>{@link Reason#WRONG_SIGNER}: the recovered address is not the clinic's registered
 *       {@code kmsAttestationKey} (or none is registered).</li>
 * </ol>
 * Pure: bytes and proven events in, a verdict out. {@code BundleVerifier} uses it for a bundle's receipts and the
 * DPO's receipt upload for one request's, so the rule exists once.
 */
public final class KmsReceiptVerifier {

    /** Largest receipt accepted for upload (a real one is about 200 bytes). */
    public static final int MAX_RECEIPT_BYTES = 64 * 1024;
    /** Largest signature file accepted for upload: 132 characters and a little white space. */
    public static final int MAX_SIGNATURE_FILE_BYTES = 256;
    /** Deepest JSON nesting read (ledger-verifier's {@code Json.MAX_NESTING}). */
    public static final int MAX_NESTING = 100;

    private static final Pattern SIGNATURE_TEXT = Pattern.compile("0x[0-9a-fA-F]{130}");
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Why a receipt is refused. Stable names: they are shown, stored in the trail and tested. */
    public enum Reason { TOO_LARGE, NOT_JSON, WRONG_CLINIC, KEY_NOT_OF_REQUEST, NOT_ANCHORED, BAD_SIGNATURE,
        WRONG_SIGNER }

    /**
     * What a receipt is checked against.
     *
     * @param clinicId          the clinic whose receipt it must be (lower-case 0x + 64 hex)
     * @param keyIds            the keys it may be for (a request's keys; in a bundle, the one destroyed key)
     * @param destroyed         the {@code KeyDestroyed} events that may anchor it (other events are ignored)
     * @param kmsAttestationKey the clinic's registered KMS attestation address, null if none is registered
     */
    public record Expected(String clinicId, Set<String> keyIds, List<ProvenEvent> destroyed,
                           String kmsAttestationKey) {

        public Expected {
            Objects.requireNonNull(clinicId, "clinicId");
            keyIds = Set.copyOf(keyIds);
            destroyed = List.copyOf(destroyed);
        }
    }

    /**
     * The verdict: {@code reason} null when verified; {@code expected} and {@code actual} say what differed (from
     * the upload: render escaped). {@code keyId}, {@code sha256}, {@code signer} and {@code anchor} are filled as far
     * as the check got.
     */
    public record Verdict(Reason reason, String expected, String actual, String keyId, String sha256, String signer,
                          ProvenEvent anchor) {

        public boolean verified() {
            return reason == null;
        }
    }

    private final boolean bounded;

    /** The upload rule, with the size bounds. */
    public KmsReceiptVerifier() {
        this(true);
    }

    private KmsReceiptVerifier(boolean bounded) {
        this.bounded = bounded;
    }

    /** The rule for receipts inside a verified bundle, whose size the bundle's limits already bound. */
    public static KmsReceiptVerifier forBundles() {
        return new KmsReceiptVerifier(false);
    }

    public Verdict verify(byte[] receipt, byte[] signatureFile, Expected expected) {
        Objects.requireNonNull(expected, "expected");
        if (bounded && receipt != null && receipt.length > MAX_RECEIPT_BYTES) {
            return refused(Reason.TOO_LARGE, "a receipt of at most " + MAX_RECEIPT_BYTES + " bytes",
                    "at least " + receipt.length + " bytes", null, null, null);
        }
        if (bounded && signatureFile != null && signatureFile.length > MAX_SIGNATURE_FILE_BYTES) {
            return refused(Reason.TOO_LARGE, "a signature file of at most " + MAX_SIGNATURE_FILE_BYTES + " bytes",
                    "at least " + signatureFile.length + " bytes", null, null, null);
        }
        if (receipt == null || receipt.length == 0) {
            return refused(Reason.NOT_JSON, "a JSON object", receipt == null ? "no receipt" : "0 bytes", null, null,
                    null);
        }
        String sha256 = Hex.encodePrefixed(Hashes.sha256(receipt));
        JsonNode content;
        try {
            content = JSON.readTree(receipt);
        } catch (IOException e) {
            return refused(Reason.NOT_JSON, "a JSON object", "not JSON (" + firstLine(e.getMessage()) + ")", null,
                    sha256, null);
        }
        if (content == null || !content.isObject()) {
            return refused(Reason.NOT_JSON, "a JSON object",
                    content == null ? "no JSON value" : "a JSON " + content.getNodeType().name().toLowerCase(
                            java.util.Locale.ROOT), null, sha256, null);
        }
        String clinic = text(content, "clinic");
        if (!expected.clinicId().equals(clinic)) {
            return refused(Reason.WRONG_CLINIC, "clinic " + expected.clinicId(), describe("clinic", clinic), null,
                    sha256, null);
        }
        String keyId = text(content, "keyId");
        if (keyId == null || !expected.keyIds().contains(keyId)) {
            return refused(Reason.KEY_NOT_OF_REQUEST, expected.keyIds().isEmpty() ? "a key of the request (it has none: no key registered to its subject"
                    + " by its answer, or not an erasure request)"
                    : "one of the keys " + String.join(", ", new java.util.TreeSet<>(expected.keyIds())),
                    describe("keyId", keyId), keyId, sha256, null);
        }
        Optional<ProvenEvent> anchor = expected.destroyed().stream()
                .filter(e -> "KeyDestroyed".equals(e.name()) && keyId.equals(e.fields().get("keyId"))
                        && sha256.equals(e.fields().get("kmsDeletionReceiptHash")))
                .findFirst();
        if (anchor.isEmpty()) {
            return refused(Reason.NOT_ANCHORED, "a KeyDestroyed of key " + keyId + " anchoring SHA-256 " + sha256,
                    anchoredHashes(expected.destroyed(), keyId), keyId, sha256, null);
        }
        return signature(receipt, signatureFile, expected, keyId, sha256, anchor.get());
    }

    private static Verdict signature(byte[] receipt, byte[] signatureFile, Expected expected, String keyId,
                                     String sha256, ProvenEvent anchor) {
        String format = "0x and 130 hex digits (65 bytes r||s||v)";
        if (signatureFile == null) {
            return new Verdict(Reason.BAD_SIGNATURE, format, "no signature", keyId, sha256, null, anchor);
        }
        String text = new String(signatureFile, StandardCharsets.ISO_8859_1).trim();
        if (!SIGNATURE_TEXT.matcher(text).matches()) {
            return new Verdict(Reason.BAD_SIGNATURE, format, signatureFile.length + " bytes, not in that format",
                    keyId, sha256, null, anchor);
        }
        Optional<String> signer = Eip191.signer(receipt, signatureFile);
        if (signer.isEmpty()) {
            return new Verdict(Reason.BAD_SIGNATURE, "a recoverable EIP-191 signature over the receipt",
                    "not recoverable", keyId, sha256, null, anchor);
        }
        String key = expected.kmsAttestationKey();
        if (key == null || !signer.get().equalsIgnoreCase(key)) {
            return new Verdict(Reason.WRONG_SIGNER, key == null ? "a registered kmsAttestationKey (none registered)"
                    : "kmsAttestationKey " + key, "signed by " + signer.get(), keyId, sha256, signer.get(), anchor);
        }
        return new Verdict(null, null, null, keyId, sha256, signer.get(), anchor);
    }

    private static Verdict refused(Reason reason, String expected, String actual, String keyId, String sha256,
                                   String signer) {
        return new Verdict(reason, expected, actual, keyId, sha256, signer, null);
    }

    private static String text(JsonNode object, String name) {
        JsonNode v = object.get(name);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    private static String describe(String name, String value) {
        if (value == null) {
            return "no text field " + name;
        }
        return name + " " + (value.length() > 80 ? value.substring(0, 80) + "... (" + value.length() + " chars)"
                : value);
    }

    private static String anchoredHashes(List<ProvenEvent> destroyed, String keyId) {
        List<String> hashes = destroyed.stream()
                .filter(e -> "KeyDestroyed".equals(e.name()) && keyId.equals(e.fields().get("keyId")))
                .map(e -> e.fields().get("kmsDeletionReceiptHash")).toList();
        return hashes.isEmpty() ? "key " + keyId + " not destroyed on-chain"
                : "anchored: " + String.join(", ", hashes);
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message);
        int cut = m.indexOf('\n');
        m = cut < 0 ? m : m.substring(0, cut);
        return m.length() > 160 ? m.substring(0, 160) + "..." : m;
    }
}
