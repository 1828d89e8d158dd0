package org.custos.portal.dpo.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custos.portal.dpo.application.RequestQueueService;
import org.custos.portal.dpo.domain.DsrRequest;
import org.custos.portal.dpo.domain.DsrRequestProjection;
import org.custos.portal.dpo.domain.DsrRequestQuery;
import org.custos.portal.dpo.domain.RequestEvents;
import org.junit.jupiter.api.Test;

/**
 * {@code /dpo/requests.csv}: a bad parameter is a plain 400 naming it before the service is asked (nothing on the
 * trail, no download headers); a good one is recorded on the trail first, then streamed as RFC 4180 CSV with one row
 * per request the service returns, every row as wide as the header.
 */
class RequestsCsvServletTest {

    private final List<String> calls = new ArrayList<>();

    @Test
    void aBadParameterIs400AndAsksNothing() throws Exception {
        Answer a = get(Map.of("state", new String[] {"<script>alert(1)</script>"}));
        assertThat(a.status).isEqualTo(400);
        assertThat(a.headers.get("Content-Type")).startsWith("text/plain");
        assertThat(a.body()).startsWith("state: expected one of OPEN, ON_TRACK");
        assertThat(a.headers).doesNotContainKey("Content-Disposition");
        assertThat(calls).isEmpty();
    }

    @Test
    void aDownloadIsRecordedThenStreamed() throws Exception {
        Answer a = get(Map.of("type", new String[] {"ERASURE"}, "clinic", new String[] {RequestEvents.SOUTH}));
        assertThat(a.status).isEqualTo(200);
        assertThat(a.headers.get("Content-Type")).startsWith("text/csv");
        assertThat(a.headers.get("Content-Disposition")).matches("attachment; filename=\"custos-requests-\\d{8}T\\d{6}Z\\.csv\"");
        assertThat(calls).containsExactly("record requests.csv ERASURE " + RequestEvents.SOUTH + " type=ERASURE",
                "export ERASURE");
        String[] lines = a.body().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo(String.join(",", RequestCsv.HEADER));
        assertThat(lines[1]).startsWith(RequestEvents.NORTH + "," + RequestEvents.id(1) + ","
                + RequestEvents.subject(1) + ",ERASURE,GDPR,GDPR Art 12(3),2025-01-31T10:00:00Z,");
        assertThat(lines[1]).contains(",ANSWERED_LATE,,1,2026-01-01T00:00:00Z,http://localhost/custos/ledger/event"
                + ".xhtml?id=10,http://localhost/custos/dpo/request.xhtml?id=" + RequestEvents.id(1) + "&clinic="
                + RequestEvents.NORTH);
        assertThat(lines[2]).as("HIPAA erasure: no deadline, empty cells").contains(",HIPAA,,")
                .contains(",OPEN_NO_DEADLINE,,,");
        assertThat(lines[0]).as("the clinic's name is the last column").endsWith(",request_url,clinic_name");
        assertThat(lines[1]).as("no name configured: an empty name, the id stays in the first column").endsWith(",");
        for (int i = 1; i < lines.length; i++) {
            assertThat(lines[i].split(",", -1)).hasSize(RequestCsv.HEADER.size());
        }
    }

    /** A service that answers from two projected rows and notes what it was asked. */
    private RequestQueueService fake() {
        RequestEvents e = new RequestEvents(RequestEvents.NORTH)
                .received(1, Instant.parse("2025-01-31T10:00:00Z"), 1, 0)
                .answered(1, Instant.parse("2025-02-28T10:00:01Z"), 0)
                .received(2, Instant.parse("2025-02-01T00:00:00Z"), 1, 2);
        List<DsrRequest> rows = DsrRequestProjection.project(RequestEvents.NORTH, e.list(),
                Instant.parse("2026-01-01T00:00:00Z"));
        return new RequestQueueService() {
            @Override
            public void recordDownload(String file, DsrRequestQuery q, String filters) {
                calls.add("record " + file + " " + q.requestType() + " " + q.clinicId() + " " + filters);
            }

            @Override
            public long export(DsrRequestQuery q, Sink sink) throws IOException {
                calls.add("export " + q.requestType());
                for (DsrRequest r : rows) {
                    sink.accept(r);
                }
                return rows.size();
            }
        };
    }

    static final class Answer {
        int status = 200;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        String body() {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private Answer get(Map<String, String[]> params) throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        HttpServletRequest req = (HttpServletRequest) Proxy.newProxyInstance(loader,
                new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> switch (m.getName()) {
                    case "getMethod" -> "GET";
                    case "getParameterMap" -> params;
                    case "getParameter" -> params.containsKey((String) args[0]) ? params.get((String) args[0])[0]
                            : null;
                    case "getProtocol" -> "HTTP/1.1";
                    case "getRequestURI" -> "/custos/dpo/requests.csv";
                    case "getContextPath" -> "/custos";
                    case "getRequestURL" -> new StringBuffer("http://localhost/custos/dpo/requests.csv");
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
        HttpServletResponse res = (HttpServletResponse) Proxy.newProxyInstance(loader,
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
        RequestsCsvServlet servlet = new RequestsCsvServlet();
        servlet.queue = fake();
        servlet.service(req, res);
        return answer;
    }
}
