package org.custos.portal.reports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.custos.portal.reports.application.ReportCheck.Refusal;
import org.junit.jupiter.api.Test;

/** The verify page's upload: each refusal with its reason, the size limit on what is read, no file left behind. */
class PdfUploadTest {

    @Test
    void readsAFileWithinTheLimitAndLeavesNoTemporaryFile() throws IOException {
        long before = spooled();
        PdfUpload.Outcome out = PdfUpload.read(source("report.pdf", 5, new byte[] {1, 2, 3, 4, 5}), 10);
        assertThat(out.refusal()).isNull();
        assertThat(out.bytes()).containsExactly(1, 2, 3, 4, 5);
        assertThat(spooled()).isEqualTo(before);
    }

    @Test
    void noFileChosenIsRefused() {
        assertThat(PdfUpload.read(null, 10).refusal().headline()).isEqualTo("REFUSED NO_FILE");
        PdfUpload.Outcome out = PdfUpload.read(source("", 0, new byte[0]), 10);
        assertThat(out.refusal().refusal()).isEqualTo(Refusal.NO_FILE);
        assertThat(out.refusal().reasonText()).contains("no file was chosen");
    }

    @Test
    void aZeroByteFileIsRefused() {
        PdfUpload.Outcome out = PdfUpload.read(source("empty.pdf", 0, new byte[0]), 10);
        assertThat(out.refusal().headline()).isEqualTo("REFUSED EMPTY_FILE");
        assertThat(out.refusal().reasonText()).contains("0 bytes");
    }

    @Test
    void aFileAnnouncedAsLargerThanTheLimitIsRefusedUnread() {
        boolean[] opened = {false};
        PdfUpload.Source big = new PdfUpload.Source() {
            public String name() {
                return "big.pdf";
            }

            public long size() {
                return 11;
            }

            public InputStream open() {
                opened[0] = true;
                return new ByteArrayInputStream(new byte[11]);
            }
        };
        assertThat(PdfUpload.read(big, 10).refusal().headline()).isEqualTo("REFUSED TOO_LARGE");
        assertThat(opened[0]).isFalse();
    }

    @Test
    void theCountDecidesNotTheAnnouncedSize() throws IOException {
        long before = spooled();
        assertThat(PdfUpload.read(source("lies.pdf", 3, new byte[1000]), 10).refusal().refusal())
                .isEqualTo(Refusal.TOO_LARGE);
        assertThat(PdfUpload.read(source("lies.pdf", 3, new byte[0]), 10).refusal().refusal())
                .isEqualTo(Refusal.EMPTY_FILE);
        assertThat(spooled()).isEqualTo(before);
    }

    @Test
    void exactlyTheLimitIsAccepted() {
        assertThat(PdfUpload.read(source("ten.pdf", 10, new byte[10]), 10).bytes()).hasSize(10);
    }

    @Test
    void anUnreadableUploadIsRefusedWithoutItsException() throws IOException {
        long before = spooled();
        PdfUpload.Source failing = new PdfUpload.Source() {
            public String name() {
                return "x.pdf";
            }

            public long size() {
                return 5;
            }

            public InputStream open() throws IOException {
                throw new IOException("connection reset");
            }
        };
        PdfUpload.Outcome out = PdfUpload.read(failing, 10);
        assertThat(out.refusal().headline()).isEqualTo("REFUSED UPLOAD_FAILED");
        assertThat(out.refusal().reasonText()).doesNotContain("connection reset");
        assertThat(spooled()).isEqualTo(before);
    }

    private static PdfUpload.Source source(String name, long size, byte[] bytes) {
        return new PdfUpload.Source() {
            public String name() {
                return name;
            }

            public long size() {
                return size;
            }

            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }
        };
    }

    private static long spooled() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("custos-verify-")).count();
        }
    }
}
