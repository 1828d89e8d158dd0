package org.custos.portal.compliance.export;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.custos.portal.compliance.web.ExportServlet;
import org.junit.jupiter.api.Test;

/**
 * The servlet's answers before anything is read: an unknown export is 404 and a bad parameter 400, both in
 * plain text naming the problem, no stack trace, no download headers. The servlet here has no service: reaching
 * it would fail, so these answers prove that checking comes first.
 */
class ExportServletTest {

    @Test
    void aMalformedSubjectIs400WithAPlainMessage() throws Exception {
        Answer a = get("/disclosures.csv", Map.of("subject", new String[] {"alice@example.org"}));
        assertThat(a.status).isEqualTo(400);
        assertThat(a.headers.get("Content-Type")).startsWith("text/plain");
        assertThat(a.body()).isEqualTo("subject: expected the data subject's pseudonym as on chain (0x and 64 hex "
                + "digits)\n");
        assertThat(a.headers).doesNotContainKey("Content-Disposition");
    }

    @Test
    void aMissingSubjectIs400() throws Exception {
        Answer a = get("/disclosures.fhir.json", Map.of());
        assertThat(a.status).isEqualTo(400);
        assertThat(a.body()).startsWith("subject: required");
    }

    @Test
    void aBadFindingsFilterIs400NamingIt() throws Exception {
        Answer a = get("/findings.fhir.json", Map.of("severity", new String[] {"<b>S9</b>"}));
        assertThat(a.status).isEqualTo(400);
        assertThat(a.body()).isEqualTo("severity: expected one of S1, S2, S3, S4\n");
        Answer clinic = get("/findings.csv", Map.of("clinic", new String[] {"clinic-north"}));
        assertThat(clinic.status).isEqualTo(400);
        assertThat(clinic.body()).startsWith("clinic: expected an on-chain clinic id");
    }

    @Test
    void anUnknownExportIs404() throws Exception {
        Answer a = get("/findings.xlsx", Map.of());
        assertThat(a.status).isEqualTo(404);
        assertThat(a.headers.get("Content-Type")).startsWith("text/plain");
        assertThat(a.body()).startsWith("no such export");
        assertThat(get(null, Map.of()).status).isEqualTo(404);
    }

    /** What the servlet answered. */
    static final class Answer {
        int status = 200;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        String body() {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static Answer get(String pathInfo, Map<String, String[]> params) throws Exception {
        HttpServletRequest req = (HttpServletRequest) Proxy.newProxyInstance(loader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> switch (m.getName()) {
                    case "getMethod" -> "GET";
                    case "getPathInfo" -> pathInfo;
                    case "getParameterMap" -> params;
                    case "getProtocol" -> "HTTP/1.1";
                    case "getRequestURI" -> "/custos/compliance/export" + pathInfo;
                    case "getContextPath" -> "/custos";
                    case "getRequestURL" -> new StringBuffer("http://localhost/custos/compliance/export" + pathInfo);
                    case "getDateHeader" -> -1L;
                    case "getHeader" -> null;
                    default -> throw new UnsupportedOperationException("request." + m.getName());
                });
        Answer answer = new Answer();
        ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) {
                answer.out.write(b);
            }
        };
        HttpServletResponse res = (HttpServletResponse) Proxy.newProxyInstance(loader(),
                new Class<?>[] {HttpServletResponse.class}, (p, m, args) -> {
                    switch (m.getName()) {
                        case "setStatus" -> answer.status = (Integer) args[0];
                        case "setContentType" -> answer.headers.put("Content-Type", (String) args[0]);
                        case "setHeader" -> answer.headers.put((String) args[0], (String) args[1]);
                        case "setCharacterEncoding" -> answer.headers.put("charset", (String) args[0]);
                        case "getOutputStream" -> {
                            return stream;
                        }
                        case "isCommitted" -> {
                            return false;
                        }
                        default -> throw new UnsupportedOperationException("response." + m.getName());
                    }
                    return null;
                });
        new ExportServlet().service(req, res);
        return answer;
    }

    private static ClassLoader loader() {
        return ExportServletTest.class.getClassLoader();
    }
}
