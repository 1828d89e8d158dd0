package org.custos.portal.dpo.web;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custos.portal.compliance.export.BadExportRequestException;
import org.custos.portal.compliance.export.CsvWriter;
import org.custos.portal.compliance.export.PortalLinks;
import org.custos.portal.dpo.application.RequestQueueService;
import org.custos.portal.dpo.domain.DsrRequestQuery;
import org.custos.portal.ledger.application.ClinicNames;
import org.custos.portal.ledger.domain.ClinicDirectory;
import org.custos.portal.security.MissingClinicException;
import org.custos.portal.security.Roles;

/**
 * {@code /dpo/requests.csv}: the request queue as CSV (RFC 4180, UTF-8, formula cells neutralised by {@link
 * CsvWriter}), with the queue page's filters as strict parameters ({@link RequestsParameters#strict}: a typo is a 400
 * that names it, never a wider download). Scoped by the service like the page: regulators every clinic or the one
 * asked for, officers and DPOs their own clinic whatever {@code clinic} says. Each download is on the trail before its
 * first byte.
 */
@WebServlet(urlPatterns = "/dpo/requests.csv")
@ServletSecurity(@HttpConstraint(rolesAllowed = {Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO}))
public class RequestsCsvServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RequestsCsvServlet.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @EJB
    transient RequestQueueService queue;

    @Inject
    transient ClinicNames names;

    transient Clock clock = Clock.systemUTC();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        DsrRequestQuery q;
        try {
            q = RequestsParameters.strict(req.getParameterMap());
        } catch (BadExportRequestException e) {
            plain(res, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        res.setCharacterEncoding("UTF-8");
        res.setContentType("text/csv; charset=UTF-8; header=present");
        res.setHeader("Content-Disposition", "attachment; filename=\"custos-requests-"
                + STAMP.format(clock.instant()) + ".csv\"");
        res.setHeader("Cache-Control", "no-store");
        res.setHeader("X-Content-Type-Options", "nosniff");
        PortalLinks links = new PortalLinks(baseUrl(req));
        try {
            // the scope and the trail first: a clinic-bound user without a clinic is refused before any byte
            queue.recordDownload("requests.csv", q, describe(req));
            OutputStream body = new BufferedOutputStream(res.getOutputStream(), 1 << 16);
            CsvWriter csv = new CsvWriter(body, RequestCsv.HEADER);
            ClinicDirectory clinics = names == null ? ClinicDirectory.empty() : names.directory();
            queue.export(q, r -> csv.row(RequestCsv.row(r, links, clinics)));
            csv.close();
        } catch (RuntimeException e) {
            fail(res, e);
        }
    }

    /** The filters as given, for the trail: name=value pairs in a fixed order, printable ASCII only. */
    static String describe(HttpServletRequest req) {
        StringBuilder s = new StringBuilder();
        for (String name : RequestsParameters.NAMES.stream().sorted().toList()) {
            String v = req.getParameter(name);
            if (v != null && !v.isBlank() && !name.equals("clinic")) {
                s.append(s.length() == 0 ? "" : ", ").append(name).append('=')
                        .append(v.length() > 40 ? v.substring(0, 40) : v);
            }
        }
        return s.length() == 0 ? "no filter" : s.toString().replaceAll("[^\\x20-\\x7E]", "?");
    }

    private static void fail(HttpServletResponse res, RuntimeException e) throws IOException {
        boolean refused = causedBy(e, EJBAccessException.class) || causedBy(e, MissingClinicException.class);
        if (!refused) {
            LOG.log(Level.SEVERE, "requests.csv failed", e);
        }
        if (res.isCommitted()) {
            throw new IllegalStateException("requests.csv failed after the response was committed", e);
        }
        res.resetBuffer();
        res.setHeader("Content-Disposition", null);
        plain(res, refused ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                refused ? "access denied: this download needs a portal role and, for clinic roles, a clinic"
                        : "the download failed; the error is in the server log");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static void plain(HttpServletResponse res, int status, String message) throws IOException {
        res.setStatus(status);
        res.setContentType("text/plain; charset=UTF-8");
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Cache-Control", "no-store");
        res.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String baseUrl(HttpServletRequest req) {
        String url = req.getRequestURL().toString();
        return url.substring(0, url.indexOf(req.getRequestURI())) + req.getContextPath();
    }
}
