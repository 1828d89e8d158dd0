package org.custos.portal.dpo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;
import org.custos.portal.dpo.application.ReceiptService;
import org.custos.portal.dpo.domain.KmsReceiptVerifier;
import org.custos.portal.dpo.domain.KmsReceiptVerifier.Reason;
import org.custos.portal.dpo.domain.KmsReceiptVerifier.Verdict;
import org.junit.jupiter.api.Test;
import org.primefaces.model.file.UploadedFile;

/** The upload's reading bounds and its words: every refusal reason is said, a huge file is not read whole. */
class ReceiptUploadBackingTest {

    /** An uploaded file announcing {@code size} bytes, streaming {@code actual} bytes of 'a' and counting reads. */
    private static UploadedFile file(String name, long size, long actual, AtomicLong read) {
        return (UploadedFile) Proxy.newProxyInstance(UploadedFile.class.getClassLoader(),
                new Class<?>[] {UploadedFile.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getFileName" -> name;
                    case "getSize" -> size;
                    case "getInputStream" -> new InputStream() {
                        private long left = actual;

                        @Override
                        public int read() {
                            if (left <= 0) {
                                return -1;
                            }
                            left--;
                            read.incrementAndGet();
                            return 'a';
                        }
                    };
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void noFileChosenIsNull() throws IOException {
        AtomicLong read = new AtomicLong();
        assertThat(ReceiptUploadBacking.read(null, 10)).isNull();
        assertThat(ReceiptUploadBacking.read(file("", 0, 0, read), 10)).isNull();
        assertThat(ReceiptUploadBacking.read(file(null, 0, 0, read), 10)).isNull();
        assertThat(ReceiptUploadBacking.read(file("receipt.json", 0, 0, read), 10)).as("an empty file, chosen")
                .isEmpty();
    }

    @Test
    void aHugeFileIsReadOnlyOneByteOverTheBoundWhateverItsAnnouncedSize() throws IOException {
        int max = KmsReceiptVerifier.MAX_RECEIPT_BYTES;
        for (long announced : new long[] {1, max, 1L << 30, -1}) {
            AtomicLong read = new AtomicLong();
            byte[] bytes = ReceiptUploadBacking.read(file("big.json", announced, 100L << 20, read), max);
            assertThat(bytes).hasSize(max + 1);
            assertThat(read.get()).isEqualTo(max + 1);
            assertThat(new KmsReceiptVerifier().verify(bytes, null,
                    new KmsReceiptVerifier.Expected("0x" + "ab".repeat(32), java.util.Set.of(), java.util.List.of(),
                            null)).reason()).isEqualTo(Reason.TOO_LARGE);
        }
        AtomicLong read = new AtomicLong();
        assertThat(ReceiptUploadBacking.read(file("r.json", 5, 5, read), max)).hasSize(5);
    }

    @Test
    void everyRefusalReasonIsSaidInWordsAndSaysNothingWasKept() {
        for (Reason reason : Reason.values()) {
            assertThat(ReceiptUploadBacking.words(reason)).as(reason.name()).isNotBlank();
            ReceiptUploadBacking b = withResult(new ReceiptService.Upload(
                    new Verdict(reason, "e", "a", null, null, null, null), false, false));
            assertThat(b.getHeadline()).startsWith("Refused (" + reason + "): ").endsWith("Nothing was kept.");
        }
    }

    @Test
    void aVerifiedReceiptSaysWhetherItWasKeptNowOrBefore() {
        Verdict ok = new Verdict(null, null, null, "0x" + "01".repeat(32), "0x" + "02".repeat(32), "0xabc", null);
        assertThat(withResult(new ReceiptService.Upload(ok, true, false)).getHeadline()).startsWith("Verified")
                .endsWith("Kept as evidence.");
        assertThat(withResult(new ReceiptService.Upload(ok, false, true)).getHeadline())
                .endsWith("This receipt was kept already.");
        assertThat(new ReceiptUploadBacking().getHeadline()).isNull();
    }

    private static ReceiptUploadBacking withResult(ReceiptService.Upload upload) {
        ReceiptUploadBacking b = new ReceiptUploadBacking();
        b.receipts = new ReceiptService() {
            @Override
            public java.util.Optional<Upload> upload(String requestId, byte[] receipt, byte[] signatureFile) {
                return java.util.Optional.of(upload);
            }
        };
        b.upload("0x" + "00".repeat(32));
        return b;
    }

}
