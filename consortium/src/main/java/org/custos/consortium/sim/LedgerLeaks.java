package org.custos.consortium.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.custos.consortium.chain.ChainWriter;
import org.custos.consortium.chain.LogEmitter;
import org.custos.consortium.chain.TimeControl;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Personal data written to the ledger outside the consortium's contracts (issue 13 D11), planted on purpose so that
 * the portal's ledger-wide scan is scored: plain transactions to an address that is no contract, a contract outside
 * the consortium ({@link LogEmitter}, whose log repeats each call's input) and that contract's creation code, in
 * every encoding the scan reads (ASCII, ABI string, UTF-16LE, UTF-16BE, hex in text, base64 in text, a zero-padded
 * word) and two ciphertext-like blobs (raw and ABI {@code bytes}). Senders: clinic 0's and clinic 1's registered
 * writers (the findings are theirs) and the consortium's admin, which is no clinic's writer (consortium scope,
 * regulators only). The clean clinic never sends one.
 *
 * <p>They are sent after the deployment and the writers' funding, before the planned writes, each in its own block
 * at {@code setup + 1 h + 60 s * i} ({@link SimulationRun}), so the planned writes remain the chain's last
 * transactions. Their ground truth ({@link #json}, {@code ledger-wide.json}) lists one entry per transaction and
 * place (its input, its creation code, or its log), the finding the portal must produce, keyed
 * {@code rule|clinic or consortium|tx:<hash>/<place>}.
 */
public final class LedgerLeaks {

    /** Not a contract: calls to it just carry their input. */
    public static final String OUTSIDE_ADDRESS = "0x000000000000000000000000000000000000c0de";
    /** The scope of findings no clinic's writer caused (the portal's consortium scope). */
    public static final String CONSORTIUM = "consortium";

    /** Where a transaction carries personal data, and what the portal must report there. */
    public record Place(String place, String rule, String dataKind, String encoding) {
    }

    /** Who sends what to where: {@code to} is {@link #OUTSIDE_ADDRESS}, "emitter" or null (a creation). */
    public record Leak(int sender, String to, String data, List<Place> places) {
    }

    private LedgerLeaks() {
    }

    /** The planted cases of a plan (deterministic in its seed); needs two clinics that are not clean. */
    public static List<Leak> plan(Plan plan) {
        int clinics = plan.clinics().size() - plan.parameters().cleanClinics();
        if (clinics < 2) {
            throw new IllegalArgumentException("ledger leaks need two clinics that are not clean");
        }
        SplittableRandom random = new SplittableRandom(plan.parameters().seed() ^ 0x1ea4L);
        int admin = PlannedWrite.ADMIN;
        String email0 = Simulator.email(0, 3);
        String email1 = Simulator.email(1, 5);
        List<Leak> leaks = new ArrayList<>();
        // the emitter's creation code, with a constructor argument (an ABI string) that no code reads
        leaks.add(new Leak(admin, null, LogEmitter.CREATION + hex(word(0x20)) + abiString("owner contact "
                + Simulator.email(2, 1)), List.of(new Place("creation", "GDPR-MIN-01", "e-mail address", "ASCII/UTF-8"))));
        leaks.add(new Leak(0, OUTSIDE_ADDRESS, hex(ascii("Patient " + email0 + " asked to move the appointment")),
                List.of(new Place("input", "GDPR-MIN-01", "e-mail address", "ASCII/UTF-8"))));
        leaks.add(new Leak(0, "emitter", "3d7403a3" + hex(word(0x20)) + abiString("discharged, NHS 943 476 5919, ward 4"),
                echoed("GDPR-MIN-01", "NHS number", "ASCII/UTF-8 in ABI string/bytes", "ASCII/UTF-8")));
        leaks.add(new Leak(0, OUTSIDE_ADDRESS, hex(random(119, random)),
                List.of(new Place("input", "GDPR-MIN-03", "ciphertext-like blob", "binary"))));
        leaks.add(new Leak(1, OUTSIDE_ADDRESS, hex("call back on +44 7700 900123".getBytes(StandardCharsets.UTF_16LE)),
                List.of(new Place("input", "GDPR-MIN-01", "phone number", "UTF-16LE"))));
        leaks.add(new Leak(1, "emitter", "a1b2c3d4" + hex(word(0x20))
                + abiBytes(("please contact the patient at " + email1 + " about the results")
                        .getBytes(StandardCharsets.UTF_16BE)),
                echoed("GDPR-MIN-01", "e-mail address", "UTF-16BE", "UTF-16BE")));
        leaks.add(new Leak(1, "emitter", "5f3e8b21" + hex(paddedWord(ascii(email1))) + hex(word(2)),
                echoed("GDPR-MIN-01", "e-mail address", "ASCII/UTF-8", "ASCII/UTF-8")));
        leaks.add(new Leak(admin, OUTSIDE_ADDRESS, hex(ascii("0x" + hex(ascii("refund to " + email0)))),
                List.of(new Place("input", "GDPR-MIN-01", "e-mail address", "hex text (ASCII)"))));
        leaks.add(new Leak(admin, "emitter", "3d7403a3" + hex(word(0x20)) + abiString("payout "
                + Base64.getEncoder().encodeToString(ascii("IBAN GB82WEST12345698765432."))),
                echoed("GDPR-MIN-01", "IBAN", "base64 text (ASCII)", "base64 text (ASCII)")));
        leaks.add(new Leak(admin, "emitter", "c0ffee01" + hex(word(0x20)) + abiBytes(random(150, random)),
                echoed("GDPR-MIN-03", "ciphertext-like blob", "binary", "binary")));
        return leaks;
    }

    /** A call to the emitter: the input and the emitter's log (block-wide index 0: one transaction per block). */
    private static List<Place> echoed(String rule, String kind, String inputEncoding, String logEncoding) {
        return List.of(new Place("input", rule, kind, inputEncoding), new Place("log:0", rule, kind, logEncoding));
    }

    /**
     * Sends the cases, each in its own block at {@code time + 60 s * i}, and returns their receipts (same order).
     * The emitter is the first case's creation. A reverted case is a bug of the simulator and stops the run.
     */
    public static List<TransactionReceipt> send(List<Leak> leaks, ChainWriter admin, List<ChainWriter> writers,
                                                TimeControl clock, long time) {
        List<TransactionReceipt> receipts = new ArrayList<>();
        String emitter = null;
        for (int i = 0; i < leaks.size(); i++) {
            Leak leak = leaks.get(i);
            ChainWriter sender = leak.sender() == PlannedWrite.ADMIN ? admin : writers.get(leak.sender());
            clock.setNextBlockTimestamp(time + 60L * i);
            String to = "emitter".equals(leak.to()) ? emitter : leak.to();
            if ("emitter".equals(leak.to()) && emitter == null) {
                throw new IllegalStateException("the emitter is created by an earlier case");
            }
            TransactionReceipt receipt = sender.sendData(to, "0x" + leak.data());
            if (!receipt.isStatusOK()) {
                throw new IllegalStateException("ledger leak " + i + " reverted in tx " + receipt.getTransactionHash());
            }
            if (leak.to() == null) {
                emitter = receipt.getContractAddress();
            }
            receipts.add(receipt);
        }
        return receipts;
    }

    /** The ground truth ({@code ledger-wide.json}): fixed key order, no wall-clock content. */
    public static String json(Plan plan, List<Leak> leaks, List<TransactionReceipt> receipts, long time) {
        StringBuilder out = new StringBuilder("{\n  \"consortiumScope\": \"" + CONSORTIUM + "\",\n  \"findings\": [");
        String separator = "\n";
        for (int i = 0; i < leaks.size(); i++) {
            Leak leak = leaks.get(i);
            TransactionReceipt receipt = receipts.get(i);
            String clinic = leak.sender() == PlannedWrite.ADMIN ? CONSORTIUM
                    : Simulator.hex(plan.clinics().get(leak.sender()).clinicId());
            for (Place place : leak.places()) {
                out.append(separator).append("    {\"rule\": \"").append(place.rule()).append("\", \"clinic\": \"")
                        .append(clinic).append("\", \"clinicIndex\": ").append(leak.sender())
                        .append(", \"tx\": \"").append(receipt.getTransactionHash()).append("\", \"place\": \"")
                        .append(place.place()).append("\",\n      \"block\": ").append(receipt.getBlockNumber())
                        .append(", \"time\": \"").append(Instant.ofEpochSecond(time + 60L * i))
                        .append("\", \"to\": ").append(leak.to() == null ? "null" : "\"" + ("emitter".equals(leak.to())
                                ? "emitter" : leak.to()) + "\"")
                        .append(", \"dataKind\": \"").append(place.dataKind()).append("\", \"encoding\": \"")
                        .append(place.encoding()).append("\"}");
                separator = ",\n";
            }
        }
        return out.append("\n  ]\n}\n").toString();
    }

    public static void write(Plan plan, List<Leak> leaks, List<TransactionReceipt> receipts, long time, Path dir)
            throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("ledger-wide.json"), json(plan, leaks, receipts, time), StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static byte[] word(long value) {
        byte[] w = new byte[32];
        for (int i = 0; i < 8; i++) {
            w[31 - i] = (byte) (value >>> (8 * i));
        }
        return w;
    }

    private static byte[] paddedWord(byte[] content) {
        return java.util.Arrays.copyOf(content, 32);
    }

    private static String abiString(String text) {
        return abiBytes(ascii(text));
    }

    private static String abiBytes(byte[] content) {
        return hex(word(content.length)) + hex(java.util.Arrays.copyOf(content, (content.length + 31) / 32 * 32));
    }

    private static byte[] random(int n, SplittableRandom random) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }
}
