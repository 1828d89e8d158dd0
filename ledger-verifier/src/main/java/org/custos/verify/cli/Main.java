package org.custos.verify.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custos.verify.Bytes;
import org.custos.verify.evidence.ChainParameters;
import org.custos.verify.evidence.EvidenceReport;
import org.custos.verify.evidence.TranscriptVerifier;

/**
 * The command-line re-verifier.
 *
 * <pre>
 * range --rpc URL --from N --to M --checkpoint HASH --consensus qbft|ibft2|clique|dev
 *       [--validators 0x..,0x..] [--epoch-length L] [--batch B] [--proof ADDRESS[:SLOT:SLOT...]]...
 *       [--transcript OUT.json]
 * transcript FILE
 * </pre>
 * Exit status: 0 everything verified, 1 a check failed (the first failure is printed with block, check, expected
 * and actual), 2 usage error, unreadable input or a node error.
 */
public final class Main {

    public static final int VERIFIED = 0;
    public static final int REJECTED = 1;
    public static final int ERROR = 2;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command in-process; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 2 && args[0].equals("transcript")) {
                return transcript(Path.of(args[1]), out);
            }
            if (args.length >= 1 && args[0].equals("range")) {
                return range(options(args), out);
            }
            err.println(usage());
            return ERROR;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return ERROR;
        } catch (IOException e) {
            err.println("I/O error: " + e.getMessage());
            return ERROR;
        }
    }

    private static int transcript(Path file, PrintStream out) throws IOException {
        Object json = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        if (!(json instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("a transcript is a JSON object");
        }
        @SuppressWarnings("unchecked")
        EvidenceReport report = TranscriptVerifier.verify((Map<String, ?>) json);
        out.println(report);
        return report.verified() ? VERIFIED : REJECTED;
    }

    private static int range(Map<String, List<String>> options, PrintStream out) throws IOException {
        List<Bytes> validators = new ArrayList<>();
        for (String v : optional(options, "validators", "").split(",")) {
            if (!v.isBlank()) {
                validators.add(Bytes.fromHex(v.trim()));
            }
        }
        long from = Long.parseLong(required(options, "from"));
        long to = Long.parseLong(required(options, "to"));
        ChainParameters parameters = new ChainParameters(required(options, "consensus"), BigInteger.valueOf(from),
                Bytes.fromHex(required(options, "checkpoint")), validators,
                Long.parseLong(optional(options, "epoch-length", "30000")));
        List<RangeFetcher.ProofRequest> proofs = new ArrayList<>();
        for (String spec : options.getOrDefault("proof", List.of())) {
            String[] parts = spec.split(":");
            List<Bytes> slots = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                slots.add(Bytes.fromHex(parts[i]));
            }
            proofs.add(new RangeFetcher.ProofRequest(Bytes.fromHex(parts[0]), slots));
        }
        long started = System.nanoTime();
        Map<String, Object> transcript;
        try (JsonRpcClient client = new JsonRpcClient(URI.create(required(options, "rpc")), Duration.ofSeconds(5),
                Duration.ofSeconds(60))) {
            transcript = new RangeFetcher(client, Integer.parseInt(optional(options, "batch", "100")))
                    .fetch(parameters, from, to, proofs);
        }
        long fetched = System.nanoTime();
        EvidenceReport report = TranscriptVerifier.verify(transcript);
        long verified = System.nanoTime();
        out.println(report);
        double seconds = (verified - started) / 1e9;
        out.printf("range %d..%d: fetch %.3f s, verify %.3f s, %.0f blocks/s end to end%n", from, to,
                (fetched - started) / 1e9, (verified - fetched) / 1e9, (to - from + 1) / Math.max(seconds, 1e-9));
        if (options.containsKey("transcript")) {
            Path path = Path.of(required(options, "transcript"));
            Files.writeString(path, Json.write(transcript), StandardCharsets.UTF_8);
            out.println("transcript written to " + path);
        }
        return report.verified() ? VERIFIED : REJECTED;
    }

    private static Map<String, List<String>> options(String[] args) {
        Map<String, List<String>> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs at '" + args[i] + "'\n" + usage());
            }
            options.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, List<String>> options, String name) {
        List<String> values = options.get(name);
        if (values == null) {
            throw new IllegalArgumentException("missing --" + name + "\n" + usage());
        }
        return values.get(values.size() - 1);
    }

    private static String optional(Map<String, List<String>> options, String name, String fallback) {
        return options.containsKey(name) ? required(options, name) : fallback;
    }

    static String usage() {
        return """
                usage:
                  range --rpc URL --from N --to M --checkpoint HASH --consensus qbft|ibft2|clique|dev
                        [--validators 0x..,0x..] [--epoch-length L] [--batch B]
                        [--proof ADDRESS[:SLOT:SLOT...]]... [--transcript OUT.json]
                  transcript FILE""";
    }
}
