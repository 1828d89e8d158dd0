package org.custos.reports.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A local RFC 3161 timestamp authority for tests: the JDK's HTTP server on 127.0.0.1, a free port, answering
 * {@code application/timestamp-query} POSTs with tokens signed by the test PKI's TSA key (SHA-256, ESSCertIDv2,
 * the TSA certificate and the CA included). Its time comes from the given clock.
 */
public final class LocalTsa implements AutoCloseable {

    private static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.3161.1");

    private final HttpServer server;
    private final AtomicLong serial = new AtomicLong(1);
    private final AtomicLong served = new AtomicLong();

    public LocalTsa(TestPki pki, Clock clock) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tsa", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                byte[] answer;
                try {
                    answer = respond(pki, clock, new TimeStampRequest(body));
                } catch (Exception e) {
                    exchange.sendResponseHeaders(400, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
                served.incrementAndGet();
            }
        });
        server.start();
    }

    private byte[] respond(TestPki pki, Clock clock, TimeStampRequest request) throws Exception {
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", pki.tsaKeys.getPrivate(), pki.tsa),
                new JcaDigestCalculatorProviderBuilder().build().get(
                        new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)), POLICY);
        tokens.addCertificates(new JcaCertStore(List.<X509Certificate>of(pki.tsa, pki.ca)));
        TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        TimeStampResponse response = responses.generate(request, BigInteger.valueOf(serial.getAndIncrement()),
                Date.from(clock.instant()));
        return response.getEncoded();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }

    public long served() {
        return served.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
