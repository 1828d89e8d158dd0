package org.custos.portal.reports.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.portal.reports.application.RegisterService;
import org.custos.portal.reports.domain.IssuedReport;
import org.custos.portal.reports.domain.ReportKind;
import org.custos.portal.reports.infrastructure.ReportTrustAnchor;
import org.junit.jupiter.api.Test;

/** The download and trust-anchor servlets' answers: status, headers, body; the service decides scope. */
class ReportServletsTest {

    private static final byte[] PDF = "%PDF-1.7 signed".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aReportInScopeIsAnAttachmentThatIsNeverSniffedOrCached() throws Exception {
        Response res = new Response();
        download(Optional.of(new RegisterService.Download(row()))).doGet(request("CUSTOS-1"), res.proxy());
        assertThat(res.status).isEqualTo(200);
        assertThat(res.headers).containsEntry("Content-Type", "application/pdf")
                .containsEntry("Content-Disposition", "attachment; filename=\"CUSTOS-1.pdf\"")
                .containsEntry("X-Content-Type-Options", "nosniff").containsEntry("Cache-Control", "no-store");
        assertThat(res.body.toByteArray()).isEqualTo(PDF);
    }

    @Test
    void unknownOutOfScopeAndAmbiguousIdsAreThe404Page() throws Exception {
        for (String[] ids : new String[][] {{"CUSTOS-2"}, null, {"CUSTOS-1", "CUSTOS-2"}}) {
            Response res = new Response();
            download(Optional.empty()).doGet(request(ids), res.proxy());
            assertThat(res.error).isEqualTo(404);
            assertThat(res.body.size()).isZero();
        }
    }

    @Test
    void theTrustAnchorIsServedAsPem() throws Exception {
        Response res = new Response();
        anchor(() -> new ReportTrustAnchor.Anchor(List.of(), "-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n",
                "test")).doGet(request(), res.proxy());
        assertThat(res.status).isEqualTo(200);
        assertThat(res.headers).containsEntry("Content-Type", "application/x-pem-file")
                .containsEntry("Content-Disposition", "attachment; filename=\"custos-reports-trust-anchor.pem\"")
                .containsEntry("X-Content-Type-Options", "nosniff");
        assertThat(res.body.toString(StandardCharsets.US_ASCII)).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void noTrustAnchorIs404AndAnUnreadableOne503WithTheReason() throws Exception {
        Response missing = new Response();
        anchor(() -> {
            throw unavailable(false, "no trust anchor is configured");
        }).doGet(request(), missing.proxy());
        assertThat(missing.status).isEqualTo(404);
        assertThat(missing.body.toString(StandardCharsets.UTF_8)).contains("no trust anchor is configured");
        Response broken = new Response();
        anchor(() -> {
            throw unavailable(true, "the trust anchor file is not a PEM certificate file");
        }).doGet(request(), broken.proxy());
        assertThat(broken.status).isEqualTo(503);
        assertThat(broken.headers).containsEntry("Content-Type", "text/plain; charset=UTF-8");
    }

    interface AnchorSource {
        ReportTrustAnchor.Anchor load() throws ReportTrustAnchor.Unavailable;
    }

    private static ReportTrustAnchor.Unavailable unavailable(boolean configured, String message) {
        try {
            var c = ReportTrustAnchor.Unavailable.class.getDeclaredConstructor(boolean.class, String.class);
            c.setAccessible(true);
            return c.newInstance(configured, message);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TrustAnchorServlet anchor(AnchorSource source) {
        TrustAnchorServlet servlet = new TrustAnchorServlet();
        servlet.trustAnchor = new ReportTrustAnchor() {
            @Override
            public Anchor load() throws Unavailable {
                return source.load();
            }
        };
        return servlet;
    }

    private static ReportDownloadServlet download(Optional<RegisterService.Download> answer) {
        ReportDownloadServlet servlet = new ReportDownloadServlet();
        servlet.register = new RegisterService() {
            @Override
            public Optional<Download> download(String id) {
                return answer;
            }

            @Override
            public boolean writePdf(String id, java.io.OutputStream out) throws java.io.IOException {
                if (answer.isEmpty()) {
                    return false;
                }
                out.write(PDF);
                return true;
            }
        };
        return servlet;
    }

    private static IssuedReport row() {
        return new IssuedReport("CUSTOS-1", ReportKind.CLINIC_AUDIT, "0x" + "01".repeat(32), null, "u", "regulator",
                Instant.parse("2026-12-07T10:00:00Z"), "ab".repeat(32), "cd".repeat(32), PDF.length, "PAdES-B-B", 1,
                "ef".repeat(32));
    }

    private static HttpServletRequest request(String... ids) {
        return (HttpServletRequest) Proxy.newProxyInstance(ReportServletsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> {
                    if (m.getName().equals("getParameterValues")) {
                        return ids;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    /** Records what a servlet sets and writes. */
    static final class Response {
        int status = 200;
        Integer error;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        HttpServletResponse proxy() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(ReportServletsTest.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> {
                        switch (m.getName()) {
                            case "setStatus" -> status = (Integer) a[0];
                            case "sendError" -> error = (Integer) a[0];
                            case "setContentType" -> headers.put("Content-Type", (String) a[0]);
                            case "setHeader" -> headers.put((String) a[0], (String) a[1]);
                            case "getOutputStream" -> {
                                return out;
                            }
                            case "setContentLength", "setContentLengthLong" -> {
                                // the body's length is checked through the body
                            }
                            default -> throw new UnsupportedOperationException(m.getName());
                        }
                        return null;
                    });
        }
    }
}
