package org.custos.portal.it.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * {@link ReportsBrowser}'s downloads, on their own (no portal): headless Chromium saves a PDF served as an attachment
 * (as {@code /reports/download} serves reports) into the browser's own download directory, byte for byte, whether
 * it follows a link or is sent to the URL; and {@link ReportsBrowser#download} returns only once the file is whole.
 */
class ChromiumDownloadIT {

    private static final byte[] PDF = pdf(3 * 1024 * 1024);
    private static HttpServer server;
    private static String base;

    @BeforeAll
    static void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                boolean page = exchange.getRequestURI().getPath().equals("/page");
                byte[] body = page ? "<html><body><a id='get' href='/download?id=R-1'>download</a><div id='footer'>"
                        .getBytes(StandardCharsets.UTF_8) : PDF;
                exchange.getResponseHeaders().set("Content-Type", page ? "text/html" : "application/pdf");
                if (!page) {
                    exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"R-1.pdf\"");
                }
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void aPdfAttachmentBehindALinkIsSavedWhole() throws Exception {
        try (ReportsBrowser b = new ReportsBrowser()) {
            b.driver.get(base + "/page");
            Path file = b.download(() -> b.driver.findElement(By.id("get")).click(), "R-1.pdf", Duration.ofMinutes(1));
            assertThat(file.getParent()).isEqualTo(b.downloads);
            assertThat(Files.readAllBytes(file)).isEqualTo(PDF);
        }
    }

    @Test
    void aPdfAttachmentOpenedByUrlIsSavedNotShown() throws Exception {
        try (ReportsBrowser b = new ReportsBrowser()) {
            Path file = b.download(() -> b.driver.get(base + "/download?id=R-1"), "R-1.pdf", Duration.ofMinutes(1));
            assertThat(Files.readAllBytes(file)).isEqualTo(PDF);
        }
    }

    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }
}
