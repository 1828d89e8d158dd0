package org.custos.portal.dpo.web;

import jakarta.ejb.EJB;
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
import java.time.Clock;
import java.util.logging.Logger;
import org.custos.portal.compliance.export.BadExportRequestException;
import org.custos.portal.compliance.export.CsvWriter;
import org.custos.portal.compliance.export.Downloads;
import org.custos.portal.compliance.export.PortalLinks;
import org.custos.portal.dpo.application.RequestQueueService;
import org.custos.portal.dpo.domain.DsrRequestQuery;
import org.custos.portal.ledger.application.ClinicNames;
import org.custos.portal.ledger.domain.ClinicDirectory;
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
            Downloads.plain(res, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        Downloads.attachment(res, "text/csv; charset=UTF-8; header=present",
                "custos-requests-" + Downloads.stamp(clock.instant()) + ".csv");
        PortalLinks links = new PortalLinks(Downloads.baseUrl(req));
        try {
            // the scope and the trail first: a clinic-bound user without a clinic is refused before any byte
            queue.recordDownload("requests.csv", q, describe(req));
            OutputStream body = new BufferedOutputStream(res.getOutputStream(), 1 << 16);
            CsvWriter csv = new CsvWriter(body, RequestCsv.HEADER);
            ClinicDirectory clinics = names == null ? ClinicDirectory.empty() : names.directory();
            queue.export(q, r -> csv.row(RequestCsv.row(r, links, clinics)));
            csv.close();
        } catch (RuntimeException e) {
            Downloads.fail(res, e, LOG, "requests.csv",
                    "access denied: this download needs a portal role and, for clinic roles, a clinic",
                    "the download failed; the error is in the server log");
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

}
