package org.custos.portal.reports.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.custos.portal.reports.application.ReportCheck;
import org.custos.portal.reports.application.ReportCheck.Refusal;

/**
 * Reads an uploaded file for the verify page within a size limit: refused before reading when no file was chosen,
 * when it has 0 bytes or when its announced size is over the limit; otherwise streamed to a temporary file, counting
 * (an announced size is a claim: the count decides), read back and the temporary file deleted, whatever happens.
 * Nothing is kept.
 */
final class PdfUpload {

    /** The default limit: 64 MiB (a busy clinic's audit report is a few megabytes). */
    static final long DEFAULT_MAX_BYTES = 64L << 20;

    /** What the page received: a name, an announced size, and the bytes on demand. */
    interface Source {
        String name();

        long size();

        InputStream open() throws IOException;
    }

    /** The bytes read, or the refusal. */
    record Outcome(byte[] bytes, ReportCheck refusal) {
    }

    private PdfUpload() {
    }

    static Outcome read(Source source, long maxBytes) {
        if (source == null || (blank(source.name()) && source.size() <= 0)) {
            return refused(Refusal.NO_FILE, "no file was chosen: choose a signed report (PDF) to verify");
        }
        if (source.size() == 0) {
            return refused(Refusal.EMPTY_FILE, "the file has 0 bytes: nothing to verify");
        }
        if (source.size() > maxBytes) {
            return refused(Refusal.TOO_LARGE, tooLarge(maxBytes));
        }
        Path spooled = null;
        try {
            spooled = Files.createTempFile("custos-verify-", ".pdf");
            long count = copy(source, spooled, maxBytes);
            if (count > maxBytes) {
                return refused(Refusal.TOO_LARGE, tooLarge(maxBytes));
            }
            if (count == 0) {
                return refused(Refusal.EMPTY_FILE, "the file has 0 bytes: nothing to verify");
            }
            return new Outcome(Files.readAllBytes(spooled), null);
        } catch (IOException e) {
            return refused(Refusal.UPLOAD_FAILED, "the upload could not be read; nothing was kept");
        } finally {
            delete(spooled);
        }
    }

    /** Copies at most {@code max + 1} bytes: one more than allowed is enough to know it is too large. */
    private static long copy(Source source, Path target, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long count = 0;
        try (InputStream in = source.open(); OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                count += n;
                if (count > max) {
                    return count;
                }
                out.write(buffer, 0, n);
            }
        }
        return count;
    }

    private static String tooLarge(long maxBytes) {
        return "the file is larger than the " + (maxBytes >> 20) + " MiB this page accepts (" + maxBytes + " bytes)";
    }

    private static Outcome refused(Refusal refusal, String why) {
        return new Outcome(null, ReportCheck.refused(refusal, why));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void delete(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // the operating system's temporary-file cleanup removes a leftover
            }
        }
    }
}
