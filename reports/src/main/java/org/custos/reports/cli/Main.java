package org.custos.reports.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custos.reports.verify.ReportVerificationResult;
import org.custos.reports.verify.SignedReportVerifier;
import org.custos.verify.cli.Json;
import org.custos.verify.cli.JsonRpcClient;
import org.custos.verify.cli.RpcSettings;

/**
 * {@code verify-report FILE --trust CA.pem [--trust CA2.pem ...] [--rpc URL]}
 *
 * <p>Checks the report's signature strictly ({@link SignedReportVerifier}) and, with {@code --rpc}, re-verifies
 * the embedded evidence with ledger-verifier and compares it with the node's chain ({@link NodeCrossCheck}).
 * Exit status: 0 everything holds, 1 a check failed, 2 usage error, unreadable input or node error.
 */
public final class Main {

    public static final int VERIFIED = 0;
    public static final int REJECTED = 1;
    public static final int ERROR = 2;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, Clock.systemUTC()));
    }

    public static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        try {
            if (args.length < 2 || !args[0].equals("verify-report")) {
                throw new IllegalArgumentException("expected verify-report FILE --trust CA.pem [--rpc URL]");
            }
            Path file = Path.of(args[1]);
            List<X509Certificate> anchors = new ArrayList<>();
            String rpc = null;
            for (int i = 2; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + args[i] + " needs a value");
                }
                switch (args[i]) {
                    case "--trust" -> anchors.addAll(certificates(Path.of(args[i + 1])));
                    case "--rpc" -> rpc = args[i + 1];
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (anchors.isEmpty()) {
                throw new IllegalArgumentException("at least one --trust CA.pem is required");
            }
            return verify(Files.readAllBytes(file), anchors, rpc, out, clock);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage() + "\n" + usage());
            return ERROR;
        } catch (IOException e) {
            err.println("I/O error: " + e.getMessage());
            return ERROR;
        }
    }

    private static int verify(byte[] pdf, List<X509Certificate> anchors, String rpc, PrintStream out, Clock clock)
            throws IOException {
        ReportVerificationResult result = new SignedReportVerifier(anchors, clock).verify(pdf);
        out.println("signature: " + result);
        if (!result.verified()) {
            return REJECTED;
        }
        out.println("evidence anchored to: " + anchor(result.evidence())
                + " (covered by the signature; compare it with the checkpoint you pinned)");
        if (rpc == null) {
            out.println("evidence: hash matches the printed SHA-256 (not re-verified against a node: no --rpc)");
            return VERIFIED;
        }
        NodeCrossCheck.Outcome outcome;
        try (JsonRpcClient node = new JsonRpcClient(URI.create(rpc),
                RpcSettings.fromEnvironment(System.getenv()))) {
            Object json = Json.parse(new String(result.evidence(), StandardCharsets.UTF_8));
            outcome = NodeCrossCheck.check(Json.object(json), node);
        } catch (IllegalArgumentException | ClassCastException e) {
            outcome = new NodeCrossCheck.Outcome(false, "the embedded evidence is not a valid custos-evidence/1 "
                    + "transcript: " + e.getMessage());
        }
        out.println("evidence: " + (outcome.agrees() ? "VERIFIED " : "REJECTED ") + outcome.description());
        return outcome.agrees() ? VERIFIED : REJECTED;
    }

    /** The checkpoint the embedded transcript anchors itself to, as its {@code chain} member states it. */
    static String anchor(byte[] evidence) {
        try {
            Map<String, Object> chain = Json.object(Json.object(Json.parse(
                    new String(evidence, StandardCharsets.UTF_8))).get("chain"));
            Map<String, Object> checkpoint = Json.object(chain.get("checkpoint"));
            Object number = checkpoint.get("number");
            String decimal = number instanceof String s && s.matches("0x[0-9a-f]{1,16}")
                    ? new java.math.BigInteger(s.substring(2), 16).toString() : String.valueOf(number);
            return "checkpoint block " + decimal + " " + checkpoint.get("hash") + " (" + chain.get("consensus") + ")";
        } catch (IllegalArgumentException | ClassCastException e) {
            return "no checkpoint (the embedded evidence is not a custos-evidence/1 transcript)";
        }
    }

    private static List<X509Certificate> certificates(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            List<X509Certificate> list = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                list.add((X509Certificate) c);
            }
            if (list.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + pem);
            }
            return list;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read certificates from " + pem + ": " + e.getMessage(), e);
        }
    }

    static String usage() {
        return "usage: verify-report FILE --trust CA.pem [--trust CA2.pem ...] [--rpc URL]\n"
                + "exit status: 0 everything holds, 1 a check failed, 2 usage or I/O error";
    }
}
