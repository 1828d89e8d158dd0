package org.custos.portal.trail.web;

import jakarta.ejb.EJB;
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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.custos.portal.compliance.export.CsvWriter;
import org.custos.portal.compliance.export.Downloads;
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

    @EJB
    transient TrailService trail;

    transient Clock clock = Clock.systemUTC();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        List<String> problems = new ArrayList<>();
        TrailFilter filter = TrailFilter.of(req.getParameter("user"), req.getParameter("action"),
                req.getParameter("clinic"), req.getParameter("from"), req.getParameter("to"), problems);
        if (!problems.isEmpty()) {
            Downloads.plain(res, HttpServletResponse.SC_BAD_REQUEST, String.join("\n", problems));
            return;
        }
        try {
            trail.recordExport(filter);
        } catch (RuntimeException e) {
            Downloads.fail(res, e, LOG, "trail export", "access denied: the trail is the regulator's",
                    "the export failed; the error is in the server log");
            return;
        }
        Downloads.attachment(res, "text/csv; charset=UTF-8; header=present",
                "custos-trail-" + Downloads.stamp(clock.instant()) + ".csv");
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
            Downloads.fail(res, e, LOG, "trail export", "access denied: the trail is the regulator's",
                    "the export failed; the error is in the server log");
        }
    }

}
