package org.custos.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The answer to a Faces ajax request whose session has ended: a partial response (HTTP 200, as Faces and PrimeFaces
 * expect) whose one change runs {@code CustosSession.ended()} from {@code resources/js/custos-session.js}, which
 * shows "Your session has ended" in the page, keeps what the user typed and offers to sign in again. Nothing of
 * the request is processed. On a page without that script the browser reloads the page, which leads to sign-in.
 */
final class SessionEndedResponse {

    static final String BODY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<partial-response><changes><eval><![CDATA["
            + "if (window.CustosSession) { CustosSession.ended(); } else { window.location.reload(); }"
            + "]]></eval></changes></partial-response>";

    private SessionEndedResponse() {
    }

    /** A request sent by Faces' or PrimeFaces' ajax (including PrimeFaces uploads). */
    static boolean isFacesAjax(HttpServletRequest request) {
        return "partial/ajax".equalsIgnoreCase(request.getHeader("Faces-Request"));
    }

    static void write(HttpServletResponse response) throws IOException {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/xml;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
