package org.custos.portal.reports.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.custos.portal.reports.infrastructure.ReportTrustAnchor;

/**
 * {@code GET /reports/trust-anchor.pem}: the CA certificate(s) the portal's reports chain to, so that anyone handed
 * a report can check it with {@code verify-report}, DSS or a PDF reader. Public (web.xml): the reader of a report is
 * often not a portal user (an inspector, a court, the data subject), and a CA certificate is public by nature; it
 * reveals nothing about the portal's data. Not configured: 404 with the reason; configured but unreadable: 503.
 */
@WebServlet(name = "reportTrustAnchor", urlPatterns = "/reports/trust-anchor.pem")
public class TrustAnchorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ReportTrustAnchor trustAnchor;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        ReportTrustAnchor.Anchor anchor;
        try {
            anchor = trustAnchor.load();
        } catch (ReportTrustAnchor.Unavailable e) {
            plain(res, e.configured() ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : HttpServletResponse.SC_NOT_FOUND,
                    "no trust anchor published: " + e.getMessage());
            return;
        }
        byte[] body = anchor.pem().getBytes(StandardCharsets.US_ASCII);
        res.setContentType("application/x-pem-file");
        res.setHeader("Content-Disposition", "attachment; filename=\"custos-reports-trust-anchor.pem\"");
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Cache-Control", "no-store");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }

    static void plain(HttpServletResponse res, int status, String message) throws IOException {
        res.setStatus(status);
        res.setContentType("text/plain; charset=UTF-8");
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Cache-Control", "no-store");
        res.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
