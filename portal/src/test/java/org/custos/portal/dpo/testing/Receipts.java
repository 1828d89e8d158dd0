package org.custos.portal.dpo.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.verify.Hashes;
import org.custos.verify.Hex;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/**
 * KMS receipts as the consortium simulator writes them ({@code KmsReceipt}: canonical JSON, EIP-191 signature as
 * {@code 0x} + 130 hex) and a small fake chain of one clinic's proven events, for unit tests. Test keys only.
 */
public final class Receipts {

    public static final String CLINIC = "0x" + "ab".repeat(32);
    public static final String OTHER_CLINIC = "0x" + "cd".repeat(32);
    /** The clinic's registered KMS attestation key (a fixed test key). */
    public static final Credentials KMS = Credentials.create(ECKeyPair.create(BigInteger.valueOf(0x5eed_0001L)));
    /** Another key: the wrong signer. */
    public static final Credentials OTHER = Credentials.create(ECKeyPair.create(BigInteger.valueOf(0x5eed_0002L)));

    /* The erasure scenario of {@link #erasures}: two requests of two subjects, their keys and receipts. */
    public static final String R1 = word(1);
    public static final String R2 = word(2);
    public static final String S1 = word(0x51);
    public static final String S2 = word(0x52);
    /** Subject S1's key, registered before R1 was answered and destroyed with receipt RC1. */
    public static final String K1 = word(0x1001);
    /** Subject S2's key (request R2), destroyed with receipt RC2. */
    public static final String K2 = word(0x1002);
    /** Subject S1's key registered before the answer, never destroyed. */
    public static final String K3 = word(0x1003);
    /** Subject S1's key registered after R1 was answered, destroyed with receipt RC4. */
    public static final String K4 = word(0x1004);
    public static final byte[] RC1 = receipt(CLINIC, K1, 1_739_145_600L);
    public static final byte[] RC2 = receipt(CLINIC, K2, 1_739_145_600L);
    public static final byte[] RC4 = receipt(CLINIC, K4, 1_740_873_600L);

    private Receipts() {
    }

    /** Clinic CLINIC's chain: admitted with {@code kmsKey}; erasure requests R1 (answered) and R2 (not answered). */
    public static List<ProvenEvent> erasures(String kmsKey) {
        return new Chain(CLINIC).admitted(kmsKey)
                .registered(K1, S1, "2025-01-10T00:00:00Z")
                .registered(K3, S1, "2025-01-11T00:00:00Z")
                .received(R1, S1, 1, "2025-02-01T00:00:00Z")
                .registered(K2, S2, "2025-01-12T00:00:00Z")
                .received(R2, S2, 1, "2025-02-02T00:00:00Z")
                .destroyed(K1, RC1, "2025-02-10T00:00:00Z")
                .destroyed(K2, RC2, "2025-02-10T00:00:00Z")
                .answered(R1, "2025-02-15T00:00:00Z")
                .registered(K4, S1, "2025-03-01T00:00:00Z")
                .destroyed(K4, RC4, "2025-03-02T00:00:00Z")
                .list();
    }

    public static String word(int n) {
        return "0x" + String.format("%064x", n);
    }

    public static byte[] receipt(String clinic, String keyId, long destroyedAt) {
        return ("{\"clinic\":\"" + clinic + "\",\"destroyedAt\":" + destroyedAt + ",\"keyId\":\"" + keyId
                + "\",\"kms\":\"custos-sim-kms\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** The signature file: ASCII 0x + 130 hex of r || s || v. */
    public static byte[] sign(byte[] message, Credentials signer) {
        Sign.SignatureData d = Sign.signPrefixedMessage(message, signer.getEcKeyPair());
        byte[] sig = new byte[65];
        System.arraycopy(d.getR(), 0, sig, 0, 32);
        System.arraycopy(d.getS(), 0, sig, 32, 32);
        sig[64] = d.getV()[0];
        return Hex.encodePrefixed(sig).getBytes(StandardCharsets.US_ASCII);
    }

    public static String sha256(byte[] bytes) {
        return Hex.encodePrefixed(Hashes.sha256(bytes));
    }

    /** A fake chain of one clinic's proven events: ids and blocks in order of creation. */
    public static final class Chain {

        private final String clinic;
        private final List<ProvenEvent> events = new ArrayList<>();

        public Chain(String clinic) {
            this.clinic = clinic;
        }

        public Chain add(String name, String time, String... fieldsAndValues) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("clinicId", clinic);
            for (int i = 0; i < fieldsAndValues.length; i += 2) {
                fields.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
            }
            long block = events.size() + 1;
            events.add(new ProvenEvent(block * 1000, name, clinic, fields, block, 0, 0, word(10_000 + (int) block),
                    Instant.parse(time), word(999)));
            return this;
        }

        public Chain admitted(String kmsKey) {
            return add("ClinicAdmitted", "2025-01-01T00:00:00Z", "kmsAttestationKey", kmsKey, "logSigner",
                    "0x" + "44".repeat(20));
        }

        public Chain received(String requestId, String subject, int type, String time) {
            return add("RequestReceived", time, "requestId", requestId, "subjectPseudonym", subject,
                    "requestType", Integer.toString(type), "regime", "0");
        }

        public Chain answered(String requestId, String time) {
            return add("RequestAnswered", time, "requestId", requestId, "outcome", "0", "legalGround", "0");
        }

        public Chain registered(String keyId, String subject, String time) {
            return add("KeyRegistered", time, "keyId", keyId, "subjectPseudonym", subject);
        }

        public Chain destroyed(String keyId, byte[] receipt, String time) {
            return add("KeyDestroyed", time, "keyId", keyId, "kmsDeletionReceiptHash", sha256(receipt));
        }

        public List<ProvenEvent> list() {
            return List.copyOf(events);
        }
    }
}
