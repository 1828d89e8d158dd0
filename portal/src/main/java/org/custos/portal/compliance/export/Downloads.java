package org.custos.portal.compliance.export;

import jakarta.ejb.EJBAccessException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custos.portal.security.MissingClinicException;

/**
 * The one way the portal's download servlets answer (findings and disclosures exports, the request queue's CSV, the
 * trail's CSV): an attachment that is never cached or sniffed, a plain-text refusal before any byte of it, and a
 * failure that is 403 for a refused caller or 500 with the error in the server log, never a stack trace.
 */
public final class Downloads {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private Downloads() {
    }

    /** {@code 20261207T205537Z}: the time in a download's file name. */
    public static String stamp(Instant now) {
        return STAMP.format(now);
    }

    /** The headers of a download: its type, an attachment with {@code fileName}, no cache, no sniffing. */
    public static void attachment(HttpServletResponse res, String contentType, String fileName) {
        res.setCharacterEncoding("UTF-8");
        res.setContentType(contentType);
        res.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        res.setHeader("Cache-Control", "no-store");
        res.setHeader("X-Content-Type-Options", "nosniff");
    }

    /** A plain-text answer (a refused parameter, a failure): status, one line of words. */
    public static void plain(HttpServletResponse res, int status, String message) throws IOException {
        res.setStatus(status);
        res.setContentType("text/plain; charset=UTF-8");
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Cache-Control", "no-store");
        res.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A failure of the download {@code what}: 403 with {@code refused} for a caller the services refused (no role,
     * or a clinic role without a clinic), else 500 with {@code failed}, logged with its trace. Once bytes of the
     * file are sent, the response cannot become an error any more: it is aborted instead, so that a truncated file
     * is never mistaken for a complete one.
     */
    public static void fail(HttpServletResponse res, RuntimeException e, Logger log, String what, String refused,
                            String failed) throws IOException {
        boolean isRefusal = causedBy(e, EJBAccessException.class) || causedBy(e, MissingClinicException.class);
        if (!isRefusal) {
            log.log(Level.SEVERE, what + " failed", e);
        }
        if (res.isCommitted()) {
            throw new IllegalStateException(what + " failed after the response was committed", e);
        }
        res.resetBuffer();
        res.setHeader("Content-Disposition", null);
        plain(res, isRefusal ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                isRefusal ? refused : failed);
    }

    /** The portal's base URL as the request reached it (scheme, host, port and context path), for links in files. */
    public static String baseUrl(HttpServletRequest req) {
        String url = req.getRequestURL().toString();
        return url.substring(0, url.indexOf(req.getRequestURI())) + req.getContextPath();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
