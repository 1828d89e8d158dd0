package org.custos.portal.trail.web;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custos.portal.compliance.export.CsvWriter;
import org.custos.portal.security.Roles;
import org.custos.portal.trail.application.TrailService;
import org.custos.portal.trail.domain.TrailFilter;

/**
 * The trail as CSV (GET {@code /trail/export/entries.csv?user=…&action=…&clinic=…&from=…&to=…}, the trail page's
 * filter parameters): regulators only (web.xml's {@code /trail/*} constraint, this servlet's constraint and
 * {@link TrailService}'s roles). A parameter that cannot be read answers 400 with a plain-text message before
 * anything is read; the download is an attachment, recorded on the trail, streamed newest first, at most
 * {@link TrailService#MAX_EXPORT} rows.
 */
@WebServlet(name = "trailExport", urlPatterns = "/trail/export/entries.csv")
@ServletSecurity(@HttpConstraint(rolesAllowed = Roles.REGULATOR))
public class TrailExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(TrailExportServlet.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @EJB
    transient TrailService trail;

    transient Clock clock = Clock.systemUTC();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        List<String> problems = new ArrayList<>();
        TrailFilter filter = TrailFilter.of(req.getParameter("user"), req.getParameter("action"),
                req.getParameter("clinic"), req.getParameter("from"), req.getParameter("to"), problems);
        if (!problems.isEmpty()) {
            plain(res, HttpServletResponse.SC_BAD_REQUEST, String.join("\n", problems));
            return;
        }
        try {
            trail.recordExport(filter);
        } catch (RuntimeException e) {
            fail(res, e);
            return;
        }
        res.setCharacterEncoding("UTF-8");
        res.setContentType("text/csv; charset=UTF-8; header=present");
        res.setHeader("Content-Disposition", "attachment; filename=\"custos-trail-" + STAMP.format(clock.instant())
                + ".csv\"");
        res.setHeader("Cache-Control", "no-store");
        res.setHeader("X-Content-Type-Options", "nosniff");
        OutputStream body = new BufferedOutputStream(res.getOutputStream(), 1 << 16);
        try {
            CsvWriter csv = new CsvWriter(body, TrailCsv.HEADER);
            trail.export(filter, e -> {
                try {
                    csv.row(TrailCsv.row(e));
                    return true;
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            });
            // closed only after every row: a failure half-way must not look like a complete file
            csv.close();
        } catch (RuntimeException e) {
            fail(res, e);
        }
    }

    /** 403 for a refused caller, else 500; plain text, never a stack trace on the page. */
    private static void fail(HttpServletResponse res, RuntimeException e) throws IOException {
        boolean refused = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            refused |= t instanceof EJBAccessException;
        }
        if (!refused) {
            LOG.log(Level.SEVERE, "trail export failed", e);
        }
        if (res.isCommitted()) {
            throw new IllegalStateException("trail export failed after the response was committed", e);
        }
        res.resetBuffer();
        res.setHeader("Content-Disposition", null);
        plain(res, refused ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                refused ? "access denied: the trail is the regulator's" : "the export failed; the error is in the "
                        + "server log");
    }

    static void plain(HttpServletResponse res, int status, String message) throws IOException {
        res.setStatus(status);
        res.setContentType("text/plain; charset=UTF-8");
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Cache-Control", "no-store");
        res.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
