package org.custos.portal.reports.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * The portal tests' RFC 3161 timestamp authority: the JDK's HTTP server on 127.0.0.1 answering
 * {@code application/timestamp-query} POSTs at {@code /tsa} with tokens signed by a {@link TsaIdentity} (SHA-256,
 * ESSCertIDv2, the chain included; RSA or EC key), at the clock's time. The browser tests run it on {@link #PORT}, where the portal
 * under test is pointed by {@code CUSTOS_REPORTS_TSA_URL=http://127.0.0.1:18318/tsa}. A request that is not a
 * timestamp query is answered 400; the server answers only while the test holds it open.
 */
public final class ReportsTsa implements AutoCloseable {

    public static final int PORT = 18318;
    public static final URI URL = URI.create("http://127.0.0.1:" + PORT + "/tsa");
    private static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.3161.2");

    private final HttpServer server;
    private final AtomicLong serial = new AtomicLong(1);
    private final AtomicLong served = new AtomicLong();

    /** Starts on 127.0.0.1:{@code port} (0: any free port); fails clearly when the port is taken. */
    public ReportsTsa(TsaIdentity identity, Clock clock, int port) throws IOException {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (BindException e) {
            throw new IOException("the test TSA cannot listen on 127.0.0.1:" + port + " (in use?)", e);
        }
        server.createContext("/tsa", exchange -> {
            try (exchange) {
                byte[] answer;
                try {
                    if (!"POST".equals(exchange.getRequestMethod())) {
                        throw new IllegalArgumentException("not a POST");
                    }
                    answer = respond(identity, clock, new TimeStampRequest(exchange.getRequestBody().readAllBytes()));
                } catch (Exception e) {
                    exchange.sendResponseHeaders(400, -1);
                    return;
                }
                // counted before the answer leaves: a client that has read it must see it counted
                served.incrementAndGet();
                exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        });
        server.start();
    }

    private byte[] respond(TsaIdentity identity, Clock clock, TimeStampRequest request) throws Exception {
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
                .build(signatureAlgorithm(identity), identity.key(), identity.chain().get(0)),
                new JcaDigestCalculatorProviderBuilder().build().get(
                        new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)), POLICY);
        tokens.addCertificates(new JcaCertStore(identity.chain()));
        return new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED)
                .generate(request, BigInteger.valueOf(serial.getAndIncrement()), Date.from(clock.instant()))
                .getEncoded();
    }

    /** SHA-256 with the TSA key's own algorithm: the test PKI's RSA, or the scripts' EC P-256 TSA keystore. */
    static String signatureAlgorithm(TsaIdentity identity) {
        return switch (identity.key().getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new IllegalArgumentException("the test TSA cannot sign with a "
                    + identity.key().getAlgorithm() + " key");
        };
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }

    /** Timestamps issued so far. */
    public long served() {
        return served.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
