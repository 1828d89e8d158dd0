package org.custos.portal.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;
import org.primefaces.csp.CspException;

/**
 * A Faces post that does not carry its page's CSP nonce (a forged post: another session's or a made-up
 * {@code jakarta.faces.ViewState}, so PrimeFaces finds no nonce state to check the post against) gets the 400 page
 * instead of the 500 that PrimeFaces' exception would otherwise become. Nothing of the post was applied: PrimeFaces
 * refuses it before the view is restored. Any other exception passes on unchanged. Found by TenantCrawlerIT's
 * anti-forgery replays once the CSP mode was on (docs/security.md, "Response headers and CSP").
 */
public class ForgedPostFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ForgedPostFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(req, res);
        } catch (ServletException | RuntimeException e) {
            if (!missingNonce(e) || res.isCommitted()) {
                throw e;
            }
            LOG.fine(() -> "post refused: " + req.getMethod() + " " + req.getRequestURI() + " without its CSP nonce");
            res.sendError(HttpServletResponse.SC_BAD_REQUEST);
        }
    }

    static boolean missingNonce(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof CspException) {
                return true;
            }
        }
        return false;
    }
}
