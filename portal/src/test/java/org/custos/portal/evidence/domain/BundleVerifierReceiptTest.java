package org.custos.portal.evidence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custos.portal.dpo.testing.Receipts.KMS;
import static org.custos.portal.dpo.testing.Receipts.OTHER;
import static org.custos.portal.dpo.testing.Receipts.receipt;
import static org.custos.portal.dpo.testing.Receipts.sign;
import static org.custos.portal.dpo.testing.Receipts.word;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.custos.portal.dpo.testing.Receipts;
import org.custos.portal.evidence.domain.BundleVerification.ReceiptCheck;
import org.custos.portal.evidence.domain.BundleVerification.ReceiptStatus;
import org.junit.jupiter.api.Test;

/**
 * A bundle's KMS receipts through {@link BundleVerifier}, which checks them with the DPO upload's rule
 * ({@code KmsReceiptVerifier}): each {@link ReceiptStatus} keeps its meaning (MISSING, CONTENT_MISMATCH,
 * BAD_SIGNATURE, WRONG_SIGNER, OK) for receipts as the consortium simulator writes them and for tampered ones.
 */
class BundleVerifierReceiptTest {

    private static final String CLINIC = TestBundles.CLINIC;
    private static final String K1 = word(0x1001);
    private static final String K2 = word(0x1002);
    private static final byte[] RC1 = receipt(CLINIC, K1, 1_739_145_600L);
    private static final BundleLimits LIMITS = new BundleLimits(10L << 20, 50L << 20, 1L << 20, 1L << 20, 1000,
            100.0, 1L << 20);

    /** The one receipt check of a bundle holding {@code extra} files, against KeyDestroyed(K1, SHA-256 of anchored). */
    private static ReceiptCheck check(Map<String, byte[]> extra, byte[] anchored, String kmsKey) {
        Map<String, byte[]> files = TestBundles.files(1);
        files.putAll(extra);
        byte[] zip;
        try {
            zip = TestBundles.zip(TestBundles.manifest(CLINIC, files), files);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Receipts.Chain chain = new Receipts.Chain(CLINIC);
        if (kmsKey != null) {
            chain.admitted(kmsKey);
        }
        chain.destroyed(K1, anchored, "2025-02-10T00:00:00Z");
        try (EvidenceBundle b = new BundleReader(LIMITS).read(new ByteArrayInputStream(zip), CLINIC,
                BundleProgress.NONE)) {
            List<ReceiptCheck> receipts = new BundleVerifier().verify(b, chain.list()).receipts();
            assertThat(receipts).hasSize(1);
            return receipts.get(0);
        }
    }

    private static Map<String, byte[]> pair(byte[] receipt, byte[] sig) {
        return sig == null ? Map.of("kms-receipts/000000.json", receipt)
                : Map.of("kms-receipts/000000.json", receipt, "kms-receipts/000000.sig", sig);
    }

    @Test
    void aSignedAnchoredReceiptIsOk() {
        ReceiptCheck c = check(pair(RC1, sign(RC1, KMS)), RC1, KMS.getAddress());
        assertThat(c.status()).isEqualTo(ReceiptStatus.OK);
        assertThat(c.keyId()).isEqualTo(K1);
        assertThat(c.path()).isEqualTo("kms-receipts/000000.json");
        assertThat(c.signer()).isEqualToIgnoringCase(KMS.getAddress());
    }

    @Test
    void noReceiptWithTheAnchoredHashIsMissing() {
        byte[] other = receipt(CLINIC, K1, 1);
        ReceiptCheck c = check(pair(other, sign(other, KMS)), RC1, KMS.getAddress());
        assertThat(c.status()).isEqualTo(ReceiptStatus.MISSING);
        assertThat(c.path()).isNull();
        assertThat(check(Map.of("documents/receipt-v1.json", RC1), RC1, KMS.getAddress()).status())
                .as("the anchored bytes, but not among kms-receipts/").isEqualTo(ReceiptStatus.MISSING);
    }

    @Test
    void aReceiptOfAnotherClinicOrKeyOrNotAnObjectIsAContentMismatch() {
        for (byte[] bad : new byte[][] {receipt(TestBundles.OTHER_CLINIC, K1, 1), receipt(CLINIC, K2, 1),
                "[1]".getBytes(StandardCharsets.UTF_8), "not json".getBytes(StandardCharsets.UTF_8),
                ("{\"clinic\":\"" + CLINIC + "\",\"keyId\":\"" + K2 + "\",\"keyId\":\"" + K1 + "\"}")
                        .getBytes(StandardCharsets.UTF_8)}) {
            ReceiptCheck c = check(pair(bad, sign(bad, KMS)), bad, KMS.getAddress());
            assertThat(c.status()).as(new String(bad, StandardCharsets.UTF_8)).isEqualTo(ReceiptStatus.CONTENT_MISMATCH);
            assertThat(c.path()).isEqualTo("kms-receipts/000000.json");
            assertThat(c.signer()).isNull();
        }
    }

    @Test
    void aMissingOrMalformedSignatureIsBad() {
        String hex = new String(sign(RC1, KMS), StandardCharsets.US_ASCII);
        assertThat(check(pair(RC1, null), RC1, KMS.getAddress()).status()).isEqualTo(ReceiptStatus.BAD_SIGNATURE);
        for (String bad : new String[] {hex.substring(0, 131), hex.substring(2), "0x" + "00".repeat(65), ""}) {
            ReceiptCheck c = check(pair(RC1, bad.getBytes(StandardCharsets.US_ASCII)), RC1, KMS.getAddress());
            assertThat(c.status()).as(bad).isEqualTo(ReceiptStatus.BAD_SIGNATURE);
            assertThat(c.signer()).isNull();
        }
    }

    @Test
    void anotherSignerOrNoRegisteredKeyIsWrongSigner() {
        ReceiptCheck c = check(pair(RC1, sign(RC1, OTHER)), RC1, KMS.getAddress());
        assertThat(c.status()).isEqualTo(ReceiptStatus.WRONG_SIGNER);
        assertThat(c.signer()).isEqualToIgnoringCase(OTHER.getAddress());
        assertThat(check(pair(RC1, sign(RC1, KMS)), RC1, null).status()).isEqualTo(ReceiptStatus.WRONG_SIGNER);
    }
}
