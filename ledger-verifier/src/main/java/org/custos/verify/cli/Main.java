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
 *       [--transcript OUT.json] [--trust-store FILE] [--timeout SECONDS] [--connect-timeout SECONDS]
 *       [--max-response-mib N]
 * transcript FILE [--checkpoint HASH] [--rpc URL [--trust-store FILE] [--timeout SECONDS] ...]
 * </pre>
 * Exit status: 0 everything verified, 1 a check failed (the first failure is printed with block, check, expected
 * and actual), 2 usage error, unreadable input or a node error, and also any unexpected failure of the tool itself
 * (printed as "internal error", never as a verdict): a script can tell a rejection (1) from a crash (2); 3
 * ({@code transcript} only) every check passed but the checkpoint the transcript anchors itself to was not
 * confirmed: neither compared with a {@code --checkpoint} pinned out of band nor with a node's block
 * ({@code --rpc}). A transcript rewritten from some block on with its checkpoint replaced is self-consistent; only
 * the anchor tells it apart, so it is never reported as 0 unconfirmed.
 *
 * <p>The node's credentials and trust store come from the environment ({@link RpcSettings#AUTHORIZATION_ENV},
 * {@link RpcSettings#TRUST_STORE_ENV}, {@link RpcSettings#TRUST_STORE_PASSWORD_ENV}), not from arguments.
 */
public final class Main {

    public static final int VERIFIED = 0;
    public static final int REJECTED = 1;
    public static final int ERROR = 2;
    /** {@code transcript}: self-consistent, but its anchor (checkpoint) was not confirmed. */
    public static final int UNANCHORED = 3;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs a command in-process with the process environment; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.getenv(), out, err);
    }

    /**
     * Runs a command in-process; {@code env} stands for the environment (node credentials, trust store). Never
     * throws: every failure that is not a verdict is printed on one line to {@code err} and returns {@link #ERROR}.
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        try {
            if (args.length >= 2 && args[0].equals("transcript")) {
                return transcript(Path.of(args[1]), options(args, 2), env, out);
            }
            if (args.length >= 1 && args[0].equals("range")) {
                return range(options(args, 1), env, out);
            }
            err.println(usage());
            return ERROR;
        } catch (IllegalArgumentException e) {
            // may quote the input; keeps only the line breaks of a usage text
            err.println("error: " + String.valueOf(e.getMessage()).replaceAll("[\\p{Cc}&&[^\\n]]", " "));
            return ERROR;
        } catch (JsonRpcClient.RpcException e) {
            err.println("node error: " + e.getMessage());
            return ERROR;
        } catch (IOException e) {
            err.println("I/O error: " + OneLine.of(e.getMessage(), 300));
            return ERROR;
        } catch (RuntimeException | Error e) {
            // last resort: a defect of this tool or an input no limit caught; never reported as a verdict
            err.println("internal error (not a verdict): " + e.getClass().getName()
                    + (e.getMessage() == null ? "" : ": " + OneLine.of(e.getMessage(), 200)));
            return ERROR;
        }
    }

    private static int transcript(Path file, Map<String, List<String>> options, Map<String, String> env,
            PrintStream out) throws IOException {
        for (String name : options.keySet()) {
            if (!TRANSCRIPT_OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "\n" + usage());
            }
        }
        if (Files.size(file) > MAX_TRANSCRIPT_BYTES) {
            throw new IllegalArgumentException("the transcript is larger than " + (MAX_TRANSCRIPT_BYTES >> 20)
                    + " MiB: " + Files.size(file) + " bytes");
        }
        Map<String, Object> transcript = TranscriptFile.members(file);
        EvidenceReport report;
        try (TranscriptFile.Blocks blocks = TranscriptFile.blocks(file)) {
            report = TranscriptVerifier.verify(transcript, blocks, RECEIPT_READER);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        @SuppressWarnings("unchecked")
        ChainParameters anchor = TranscriptVerifier.parameters((Map<String, ?>) transcript.get("chain"));
        out.println("anchored to: checkpoint block " + anchor.checkpointNumber() + " "
                + anchor.checkpointHash().toHex() + " (" + anchor.consensus() + "), as the transcript states it");
        out.println(report);
        if (!report.verified()) {
            return REJECTED;
        }
        if (options.containsKey("checkpoint")) {
            Bytes pinned = Bytes.fromHex(required(options, "checkpoint"));
            if (pinned.length() != 32) {
                throw new IllegalArgumentException("--checkpoint must be a 32-byte block hash");
            }
            if (!pinned.equals(anchor.checkpointHash())) {
                out.println("FAILED anchor: CHECKPOINT_MISMATCH (the transcript's checkpoint is not the pinned one)"
                        + "\n  expected: " + pinned.toHex() + " (--checkpoint)\n  actual:   "
                        + anchor.checkpointHash().toHex() + " (transcript)");
                return REJECTED;
            }
            out.println("anchor CONFIRMED: equal to --checkpoint");
        }
        if (options.containsKey("rpc")) {
            String url = required(options, "rpc");
            EvidenceReport node = AnchorCheck.againstNode(anchor, url(url), settings(options, env));
            if (!node.verified()) {
                out.println("FAILED anchor: the node's block " + anchor.checkpointNumber() + " is not the "
                        + "transcript's checkpoint: " + node);
                return REJECTED;
            }
            out.println("anchor CONFIRMED: the node at " + url + " serves block " + anchor.checkpointNumber()
                    + " with that hash (recomputed from its header)");
        }
        if (!options.containsKey("checkpoint") && !options.containsKey("rpc")) {
            out.println("anchor NOT CONFIRMED: self-consistent, anchor not confirmed; compare the checkpoint above "
                    + "with one pinned out of band (--checkpoint HASH) or confirm it with a node (--rpc URL)");
            return UNANCHORED;
        }
        return VERIFIED;
    }

    /** KMS receipts' content: strict JSON, at most 1 MiB, valid UTF-8. */
    private static final TranscriptVerifier.JsonReader RECEIPT_READER = bytes -> Json.parse(bytes, 1L << 20);

    /** The largest transcript file read (a million full blocks' headers fit in a tenth of it). */
    static final long MAX_TRANSCRIPT_BYTES = 256L << 20;

    private static final java.util.Set<String> TRANSCRIPT_OPTIONS = java.util.Set.of("checkpoint", "rpc",
            "trust-store", "timeout", "connect-timeout", "max-response-mib");

    private static int range(Map<String, List<String>> options, Map<String, String> env, PrintStream out)
            throws IOException {
        List<Bytes> validators = new ArrayList<>();
        for (String v : optional(options, "validators", "").split(",")) {
            if (!v.isBlank()) {
                validators.add(Bytes.fromHex(v.trim()));
            }
        }
        long from = number(options, "from", null);
        long to = number(options, "to", null);
        ChainParameters parameters = new ChainParameters(required(options, "consensus"), BigInteger.valueOf(from),
                Bytes.fromHex(required(options, "checkpoint")), validators,
                number(options, "epoch-length", 30000L));
        List<RangeFetcher.ProofRequest> proofs = new ArrayList<>();
        for (String spec : options.getOrDefault("proof", List.of())) {
            String[] parts = spec.split(":");
            List<Bytes> slots = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                Bytes slot = Bytes.fromHex(parts[i]);
                if (slot.length() != 32) {
                    throw new IllegalArgumentException("--proof storage slots are 32 bytes (0x + 64 hex digits): "
                            + parts[i]);
                }
                slots.add(slot);
            }
            proofs.add(new RangeFetcher.ProofRequest(Bytes.fromHex(parts[0]), slots));
        }
        long started = System.nanoTime();
        Map<String, Object> transcript;
        try (JsonRpcClient client = new JsonRpcClient(url(required(options, "rpc")), settings(options, env))) {
            transcript = new RangeFetcher(client, batch(options)).fetch(parameters, from, to, proofs);
        }
        long fetched = System.nanoTime();
        EvidenceReport report = TranscriptVerifier.verify(transcript);
        long verified = System.nanoTime();
        out.println("anchored to: checkpoint block " + from + " " + parameters.checkpointHash().toHex() + " ("
                + parameters.consensus() + "), given with --checkpoint");
        out.println(report);
        boolean bodiesMissing = report.verified() && report.headerOnly() > 0;
        if (bodiesMissing) {
            // range asks every block with its full transactions: a block without a list is the node withholding it
            out.println("FAILED: EVIDENCE_MISSING: " + report.headerOnly() + " blocks came without the transaction "
                    + "list that was asked for (eth_getBlockByNumber with full transactions)");
        }
        double seconds = (verified - started) / 1e9;
        out.printf("range %d..%d: fetch %.3f s, verify %.3f s, %.0f blocks/s end to end%n", from, to,
                (fetched - started) / 1e9, (verified - fetched) / 1e9, (to - from + 1) / Math.max(seconds, 1e-9));
        if (options.containsKey("transcript")) {
            Path path = Path.of(required(options, "transcript"));
            Files.writeString(path, Json.write(transcript), StandardCharsets.UTF_8);
            out.println("transcript written to " + path);
        }
        return report.verified() && !bodiesMissing ? VERIFIED : REJECTED;
    }

    /** The node's settings: environment first, then the options (which never carry credentials). */
    static RpcSettings settings(Map<String, List<String>> options, Map<String, String> env) {
        RpcSettings settings = RpcSettings.fromEnvironment(env).withTimeouts(
                seconds(options, "connect-timeout", RpcSettings.DEFAULT_CONNECT_TIMEOUT),
                seconds(options, "timeout", RpcSettings.DEFAULT_DEADLINE));
        if (options.containsKey("trust-store")) {
            settings = settings.withTrustStore(Path.of(required(options, "trust-store")));
        }
        if (options.containsKey("max-response-mib")) {
            long mib = number(options, "max-response-mib", null);
            if (mib < 1 || mib > RpcSettings.MAX_RESPONSE_BYTES_CEILING >> 20) {
                throw new IllegalArgumentException("--max-response-mib must be between 1 and "
                        + (RpcSettings.MAX_RESPONSE_BYTES_CEILING >> 20));
            }
            settings = settings.withMaxResponseBytes(mib << 20);
        }
        return settings;
    }

    private static int batch(Map<String, List<String>> options) {
        long batch = number(options, "batch", 100L);
        if (batch < 1 || batch > 100_000) {
            throw new IllegalArgumentException("--batch must be between 1 and 100000");
        }
        return (int) batch;
    }

    private static URI url(String text) {
        try {
            return new URI(text);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("--rpc: not a URL: " + OneLine.of(e.getMessage(), 200));
        }
    }

    private static long number(Map<String, List<String>> options, String name, Long fallback) {
        String text = fallback == null ? required(options, name) : optional(options, name, fallback.toString());
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + ": not a whole number: " + OneLine.of(text, 40));
        }
    }

    /** A positive number of seconds, fractions allowed ({@code 0.5}). */
    private static Duration seconds(Map<String, List<String>> options, String name, Duration fallback) {
        if (!options.containsKey(name)) {
            return fallback;
        }
        String text = required(options, name);
        try {
            long millis = new java.math.BigDecimal(text.trim()).movePointRight(3).longValueExact();
            if (millis > 0 && millis <= Duration.ofDays(1).toMillis()) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + ": not a number of seconds between 0.001 and 86400: "
                + OneLine.of(text, 40));
    }

    private static Map<String, List<String>> options(String[] args, int start) {
        Map<String, List<String>> options = new HashMap<>();
        for (int i = start; i < args.length; i += 2) {
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
                        [--trust-store CA.pem|STORE.p12] [--timeout SECONDS] [--connect-timeout SECONDS]
                        [--max-response-mib N]
                  transcript FILE [--checkpoint HASH] [--rpc URL] (with --rpc: the same node options)
                exit status: 0 verified, 1 a check failed, 2 usage/input/node error or internal error,
                             3 transcript self-consistent but its checkpoint not confirmed
                environment (never put credentials in arguments):
                  CUSTOS_RPC_AUTHORIZATION         Authorization header for the node, e.g. "Bearer <JWT>"
                  CUSTOS_RPC_TRUST_STORE           trust store when --trust-store is not given
                  CUSTOS_RPC_TRUST_STORE_PASSWORD  password of a PKCS12/JKS trust store""";
    }
}
