package org.custos.portal.dpo.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custos.portal.dpo.testing.Receipts.CLINIC;
import static org.custos.portal.dpo.testing.Receipts.KMS;
import static org.custos.portal.dpo.testing.Receipts.OTHER;
import static org.custos.portal.dpo.testing.Receipts.OTHER_CLINIC;
import static org.custos.portal.dpo.testing.Receipts.receipt;
import static org.custos.portal.dpo.testing.Receipts.sign;
import static org.custos.portal.dpo.testing.Receipts.word;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.custos.portal.dpo.domain.KmsReceiptVerifier.Reason;
import org.custos.portal.dpo.domain.KmsReceiptVerifier.Verdict;
import org.custos.portal.dpo.testing.Receipts;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.junit.jupiter.api.Test;

/**
 * The KMS receipt rule on one erasure request of a fake chain, as an adversary would upload: every refusal reason
 * in the order the rule checks, the bounds at their edges, malformed JSON and signatures of every kind.
 */
class KmsReceiptVerifierTest {

    static final String R1 = Receipts.R1;
    static final String R2 = Receipts.R2;
    static final String S1 = Receipts.S1;
    static final String K1 = Receipts.K1;
    static final String K2 = Receipts.K2;
    static final String K3 = Receipts.K3;
    static final String K4 = Receipts.K4;
    static final byte[] RC1 = Receipts.RC1;
    static final byte[] RC2 = Receipts.RC2;
    static final byte[] RC4 = Receipts.RC4;

    static List<ProvenEvent> chain(String kmsKey) {
        return Receipts.erasures(kmsKey);
    }

    private final KmsReceiptVerifier verifier = new KmsReceiptVerifier();
    private final RequestKeys r1 = RequestKeys.of(chain(KMS.getAddress()), CLINIC, R1).orElseThrow();

    private Verdict verify(byte[] receipt, byte[] signature) {
        return verifier.verify(receipt, signature, r1.expected());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theRequestsKeysAreThoseOfItsSubjectRegisteredByTheAnswer() {
        assertThat(r1.keyIds()).containsExactlyInAnyOrder(K1, K3);
        assertThat(r1.destroyed()).extracting(e -> e.field("keyId")).containsExactly(K1);
        assertThat(r1.kmsAttestationKey()).isEqualTo(KMS.getAddress());
        RequestKeys r2 = RequestKeys.of(chain(KMS.getAddress()), CLINIC, R2).orElseThrow();
        assertThat(r2.keyIds()).containsExactly(K2);
    }

    @Test
    void anUnansweredRequestCountsEveryKeyOfItsSubjectSoFar() {
        List<ProvenEvent> unanswered = chain(KMS.getAddress()).stream()
                .filter(e -> !e.name().equals("RequestAnswered")).toList();
        assertThat(RequestKeys.of(unanswered, CLINIC, R1).orElseThrow().keyIds()).containsExactlyInAnyOrder(K1, K3, K4);
    }

    @Test
    void anUnknownRequestIsNotFoundAndAnotherClinicsEventIsAnError() {
        assertThat(RequestKeys.of(chain(KMS.getAddress()), CLINIC, word(3))).isEmpty();
        assertThatThrownBy(() -> RequestKeys.of(chain(KMS.getAddress()), OTHER_CLINIC, R1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReceiptSignedByTheClinicsKeyAndAnchoredVerifies() {
        Verdict v = verify(RC1, sign(RC1, KMS));
        assertThat(v.verified()).isTrue();
        assertThat(v.reason()).isNull();
        assertThat(v.keyId()).isEqualTo(K1);
        assertThat(v.sha256()).isEqualTo(Receipts.sha256(RC1));
        assertThat(v.signer()).isEqualToIgnoringCase(KMS.getAddress());
        assertThat(v.anchor().name()).isEqualTo("KeyDestroyed");
        assertThat(v.anchor().field("keyId")).isEqualTo(K1);
    }

    @Test
    void aSignatureFileWithAFinalNewlineVerifiesLikeTheBundlesOwn() {
        byte[] sig = sign(RC1, KMS);
        byte[] withNewline = Arrays.copyOf(sig, sig.length + 1);
        withNewline[sig.length] = '\n';
        assertThat(verify(RC1, withNewline).verified()).isTrue();
        byte[] upper = ("0x" + new String(sig, StandardCharsets.US_ASCII).substring(2).toUpperCase())
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(verify(RC1, upper).verified()).isTrue();
    }

    @Test
    void nullOrEmptyReceiptIsNotJson() {
        assertThat(verify(null, sign(RC1, KMS)).reason()).isEqualTo(Reason.NOT_JSON);
        assertThat(verify(null, sign(RC1, KMS)).actual()).isEqualTo("no receipt");
        assertThat(verify(new byte[0], sign(RC1, KMS)).reason()).isEqualTo(Reason.NOT_JSON);
        assertThat(verify(new byte[0], sign(RC1, KMS)).actual()).isEqualTo("0 bytes");
        assertThat(verify(null, null).reason()).isEqualTo(Reason.NOT_JSON);
    }

    @Test
    void whatIsNotOneJsonObjectIsNotJson() {
        String valid = new String(RC1, StandardCharsets.UTF_8);
        for (String bad : new String[] {"not json", "{", valid.substring(0, valid.length() - 1), "[]", "\"text\"",
                "42", "null", "true", valid + " {}", valid + "x", "\u00ff\u00fe", "{\"clinic\":}",
                // a duplicated name: a reader keeping the last value would see another receipt than one keeping the
                // first (ledger-verifier's command line refuses duplicates, so does this rule)
                "{\"clinic\":\"" + OTHER_CLINIC + "\",\"clinic\":\"" + CLINIC + "\",\"keyId\":\"" + K1 + "\"}"}) {
            Verdict v = verify(utf8(bad), sign(utf8(bad), KMS));
            assertThat(v.reason()).as(bad).isEqualTo(Reason.NOT_JSON);
            assertThat(v.signer()).isNull();
        }
        assertThat(verify(new byte[] {(byte) 0xc3, (byte) 0x28}, null).reason()).isEqualTo(Reason.NOT_JSON);
    }

    @Test
    void deepNestingIsRefusedAsNotJsonWithinTheBound() {
        String deep = "{\"clinic\":\"" + CLINIC + "\",\"keyId\":\"" + K1 + "\",\"x\":" + "[".repeat(20_000)
                + "]".repeat(20_000) + "}";
        assertThat(deep.length()).isLessThan(KmsReceiptVerifier.MAX_RECEIPT_BYTES);
        Verdict v = verify(utf8(deep), null);
        assertThat(v.reason()).isEqualTo(Reason.NOT_JSON);
        assertThat(v.actual()).contains("not JSON");
        String nested = "{\"clinic\":\"" + CLINIC + "\",\"keyId\":\"" + K1 + "\",\"x\":"
                + "[".repeat(KmsReceiptVerifier.MAX_NESTING) + "]".repeat(KmsReceiptVerifier.MAX_NESTING) + "}";
        assertThat(verify(utf8(nested), null).reason()).as("one level too deep").isEqualTo(Reason.NOT_JSON);
        String shallow = "{\"clinic\":\"" + CLINIC + "\",\"keyId\":\"" + K1 + "\",\"x\":"
                + "[".repeat(KmsReceiptVerifier.MAX_NESTING - 1) + "]".repeat(KmsReceiptVerifier.MAX_NESTING - 1) + "}";
        assertThat(verify(utf8(shallow), null).reason()).as("at the bound: read, then not anchored")
                .isEqualTo(Reason.NOT_ANCHORED);
    }

    @Test
    void aHugeReceiptOrSignatureFileIsTooLargeBeforeAnythingIsRead() {
        byte[] atBound = padded(KmsReceiptVerifier.MAX_RECEIPT_BYTES);
        assertThat(verify(atBound, sign(atBound, KMS)).reason()).as("64 KiB exactly is read")
                .isEqualTo(Reason.NOT_ANCHORED);
        byte[] over = padded(KmsReceiptVerifier.MAX_RECEIPT_BYTES + 1);
        Verdict v = verify(over, sign(RC1, KMS));
        assertThat(v.reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(v.sha256()).isNull();
        assertThat(v.actual()).as("an upload is read one byte over the bound: a lower bound of its size")
                .isEqualTo("at least " + (KmsReceiptVerifier.MAX_RECEIPT_BYTES + 1) + " bytes");
        assertThat(verify(new byte[50 << 20], null).reason()).isEqualTo(Reason.TOO_LARGE);
        byte[] longSig = new byte[KmsReceiptVerifier.MAX_SIGNATURE_FILE_BYTES + 1];
        Arrays.fill(longSig, (byte) ' ');
        System.arraycopy(sign(RC1, KMS), 0, longSig, 0, 132);
        assertThat(verify(RC1, longSig).reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(KmsReceiptVerifier.forBundles().verify(over, null, r1.expected()).reason())
                .as("a bundle's receipts are bound by the bundle's limits").isEqualTo(Reason.NOT_ANCHORED);
    }

    /** A JSON receipt of this clinic and key, exactly {@code length} bytes long (padded in a field). */
    private static byte[] padded(int length) {
        byte[] out = new byte[length];
        byte[] head = utf8("{\"clinic\":\"" + CLINIC + "\",\"keyId\":\"" + K1 + "\",\"pad\":\"");
        Arrays.fill(out, (byte) 'a');
        System.arraycopy(head, 0, out, 0, head.length);
        out[length - 2] = '"';
        out[length - 1] = '}';
        return out;
    }

    @Test
    void aReceiptOfAnotherClinicIsWrongClinic() {
        byte[] other = receipt(OTHER_CLINIC, K1, 1_739_145_600L);
        Verdict v = verify(other, sign(other, KMS));
        assertThat(v.reason()).isEqualTo(Reason.WRONG_CLINIC);
        assertThat(v.expected()).contains(CLINIC);
        assertThat(v.actual()).contains(OTHER_CLINIC);
        for (String bad : new String[] {"{\"keyId\":\"" + K1 + "\"}", "{\"clinic\":42,\"keyId\":\"" + K1 + "\"}",
                "{\"clinic\":\"" + CLINIC.toUpperCase().replace("0X", "0x") + "\",\"keyId\":\"" + K1 + "\"}",
                "{\"clinic\":[\"" + CLINIC + "\"],\"keyId\":\"" + K1 + "\"}", "{}"}) {
            assertThat(verify(utf8(bad), null).reason()).as(bad).isEqualTo(Reason.WRONG_CLINIC);
        }
    }

    @Test
    void aKeyOfAnotherRequestOrSubjectIsNotOfThisRequest() {
        Verdict v = verify(RC2, sign(RC2, KMS));
        assertThat(v.reason()).as("another subject's key, destroyed and validly signed")
                .isEqualTo(Reason.KEY_NOT_OF_REQUEST);
        assertThat(v.actual()).contains(K2);
        assertThat(verify(RC4, sign(RC4, KMS)).reason()).as("the subject's key registered after the answer")
                .isEqualTo(Reason.KEY_NOT_OF_REQUEST);
        assertThat(verify(utf8("{\"clinic\":\"" + CLINIC + "\"}"), null).reason()).isEqualTo(Reason.KEY_NOT_OF_REQUEST);
        assertThat(verify(utf8("{\"clinic\":\"" + CLINIC + "\",\"keyId\":1}"), null).reason())
                .isEqualTo(Reason.KEY_NOT_OF_REQUEST);
        RequestKeys r2 = RequestKeys.of(chain(KMS.getAddress()), CLINIC, R2).orElseThrow();
        assertThat(verifier.verify(RC1, sign(RC1, KMS), r2.expected()).reason()).isEqualTo(Reason.KEY_NOT_OF_REQUEST);
        assertThat(verifier.verify(RC2, sign(RC2, KMS), r2.expected()).verified()).isTrue();
    }

    @Test
    void aNonErasureRequestHasNoKeysToProve() {
        List<ProvenEvent> events = new Receipts.Chain(CLINIC).admitted(KMS.getAddress())
                .registered(K1, S1, "2025-01-10T00:00:00Z")
                .received(R1, S1, 0, "2025-02-01T00:00:00Z")
                .destroyed(K1, RC1, "2025-02-10T00:00:00Z").list();
        RequestKeys access = RequestKeys.of(events, CLINIC, R1).orElseThrow();
        Verdict v = verifier.verify(RC1, sign(RC1, KMS), access.expected());
        assertThat(v.reason()).isEqualTo(Reason.KEY_NOT_OF_REQUEST);
        assertThat(v.expected()).contains("not an erasure request");
    }

    @Test
    void aReceiptWhoseHashNoKeyDestroyedAnchorsIsNotAnchored() {
        byte[] altered = receipt(CLINIC, K1, 1_739_145_601L);
        Verdict v = verify(altered, sign(altered, KMS));
        assertThat(v.reason()).as("signed by the right key, but not the anchored bytes").isEqualTo(Reason.NOT_ANCHORED);
        assertThat(v.actual()).contains(Receipts.sha256(RC1));
        assertThat(v.expected()).contains(Receipts.sha256(altered));
        byte[] spaced = utf8(new String(RC1, StandardCharsets.UTF_8).replace(",", ", "));
        assertThat(verify(spaced, sign(spaced, KMS)).reason()).as("same content, other bytes")
                .isEqualTo(Reason.NOT_ANCHORED);
        byte[] never = receipt(CLINIC, K3, 1_739_145_600L);
        Verdict n = verify(never, sign(never, KMS));
        assertThat(n.reason()).isEqualTo(Reason.NOT_ANCHORED);
        assertThat(n.actual()).contains("not destroyed on-chain");
    }

    @Test
    void aMissingTruncatedOrMalformedSignatureIsBad() {
        String hex = new String(sign(RC1, KMS), StandardCharsets.US_ASCII);
        byte[] raw = org.custos.verify.Hex.decode(hex.substring(2));
        for (byte[] bad : new byte[][] {null, new byte[0], utf8(hex.substring(0, 130)), utf8(hex.substring(2)),
                utf8(hex + "00"), raw, utf8("0x" + "zz".repeat(65)), utf8(hex.replace("0x", "0X")),
                utf8("0x" + "00".repeat(65)), utf8(hex.substring(0, 129) + "\u0000")}) {
            Verdict v = verify(RC1, bad);
            assertThat(v.reason()).as(bad == null ? "null" : new String(bad, StandardCharsets.ISO_8859_1))
                    .isEqualTo(Reason.BAD_SIGNATURE);
            assertThat(v.signer()).isNull();
        }
        assertThat(verify(RC1, null).actual()).isEqualTo("no signature");
        assertThat(verify(RC1, utf8("0x" + "00".repeat(65))).actual()).isEqualTo("not recoverable");
    }

    @Test
    void aReceiptSignedByAnotherKeyIsWrongSigner() {
        Verdict v = verify(RC1, sign(RC1, OTHER));
        assertThat(v.reason()).isEqualTo(Reason.WRONG_SIGNER);
        assertThat(v.signer()).isEqualToIgnoringCase(OTHER.getAddress());
        assertThat(v.expected()).contains(KMS.getAddress());
        byte[] otherMessage = receipt(CLINIC, K1, 1);
        assertThat(verify(RC1, sign(otherMessage, KMS)).reason()).as("the key's signature over other bytes")
                .isEqualTo(Reason.WRONG_SIGNER);
    }

    @Test
    void withoutARegisteredAttestationKeyNoSignerIsRight() {
        RequestKeys none = RequestKeys.of(chain(KMS.getAddress()).stream()
                .filter(e -> !e.name().equals("ClinicAdmitted")).toList(), CLINIC, R1).orElseThrow();
        Verdict v = verifier.verify(RC1, sign(RC1, KMS), none.expected());
        assertThat(v.reason()).isEqualTo(Reason.WRONG_SIGNER);
        assertThat(v.expected()).contains("none registered");
    }

    @Test
    void theLatestRegisteredAttestationKeyIsTheOneChecked() {
        List<ProvenEvent> rotated = new java.util.ArrayList<>(chain(OTHER.getAddress()));
        rotated.addAll(new Receipts.Chain(CLINIC).add("ClinicUpdated", "2025-04-01T00:00:00Z", "kmsAttestationKey",
                KMS.getAddress(), "logSigner", "0x" + "44".repeat(20)).list().stream()
                .map(e -> new ProvenEvent(99_000, e.name(), e.clinicId(), e.fields(), 99, 0, 0, e.txHash(), e.time(),
                        e.receiptsRoot())).toList());
        RequestKeys r = RequestKeys.of(rotated, CLINIC, R1).orElseThrow();
        assertThat(verifier.verify(RC1, sign(RC1, KMS), r.expected()).verified()).isTrue();
        assertThat(verifier.verify(RC1, sign(RC1, OTHER), r.expected()).reason()).isEqualTo(Reason.WRONG_SIGNER);
    }

    @Test
    void theFirstFailureInTheRulesOrderIsTheVerdict() {
        byte[] other = receipt(OTHER_CLINIC, K2, 1);
        assertThat(verify(other, sign(other, OTHER)).reason()).as("clinic before key, key before signature")
                .isEqualTo(Reason.WRONG_CLINIC);
        byte[] unanchored = receipt(CLINIC, K1, 7);
        assertThat(verify(unanchored, utf8("garbage")).reason()).as("anchoring before signature")
                .isEqualTo(Reason.NOT_ANCHORED);
    }

    @Test
    void theExpectedKeysAreCopiedAndChecked() {
        assertThatThrownBy(() -> new KmsReceiptVerifier.Expected(null, Set.of(), List.of(), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> verifier.verify(RC1, null, null)).isInstanceOf(NullPointerException.class);
    }
}
