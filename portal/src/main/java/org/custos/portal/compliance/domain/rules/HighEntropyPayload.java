package org.custos.portal.compliance.domain.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.evidence.domain.ProvenEvent;

/**
 * GDPR-MIN-03: no ciphertext-like blob on-chain. Every value of every proven event of the clinic that is 0x-hex
 * longer than 64 bytes whose empirical entropy is at least {@value #MIN_ENTROPY_RATIO} of the most its length
 * allows (min(8, log2 n) bits per byte: random or encrypted bytes reach about 0.95, text about 0.7; likely
 * ciphertext or compressed personal data) is a finding (key: transaction, log index and field). The consortium's
 * contracts declare only fixed 32-byte words and small integers, so on the consortium's own schema this cannot
 * fire; it guards a schema that adds {@code bytes} fields. Everything else (every transaction's input, every log
 * of any contract) is covered by the sync's ledger-wide scan ({@code PayloadScanner}: ABI {@code bytes} and raw
 * stretches, hashes, signatures and bytecode excluded), whose hits attributed to this clinic, or for the consortium
 * scope to no clinic, give one finding per transaction and place ({@link LedgerWideHits}), except in transactions
 * already reported here by event field.
 */
public final class HighEntropyPayload extends CatalogueRule {

    static final int MAX_BYTES = 64;
    static final double MIN_ENTROPY_RATIO = 0.85;

    public HighEntropyPayload() {
        super("GDPR-MIN-03", 2, "GDPR Art 5(1)(c); EDPB Guidelines 02/2025 para 104", Severity.S2, Scope.ALL,
                false);
    }

    @Override
    public boolean ledgerWide() {
        return true;
    }

    @Override
    public void evaluate(ClinicFacts f, List<Finding> out) {
        java.util.Set<String> reported = new java.util.HashSet<>();
        for (ProvenEvent e : f.events()) {
            for (Map.Entry<String, String> field : e.fields().entrySet()) {
                String value = field.getValue();
                if (value == null || value.length() <= 2 + 2 * MAX_BYTES) {
                    continue;   // at most 64 bytes (or not hex at all): decoding every 32-byte word costs for nothing
                }
                byte[] bytes = hex(value);
                if (bytes == null || bytes.length <= MAX_BYTES) {
                    continue;
                }
                double entropy = bitsPerByte(bytes);
                if (entropy < MIN_ENTROPY_RATIO * Math.min(8, Math.log(bytes.length) / Math.log(2))) {
                    continue;
                }
                reported.add(e.txHash().toLowerCase(java.util.Locale.ROOT));
                Map<String, String> objects = new TreeMap<>();
                objects.put("event", e.name());
                objects.put("field", field.getKey());
                objects.put("bytes", Integer.toString(bytes.length));
                objects.put("bitsPerByte", String.format(java.util.Locale.ROOT, "%.2f", entropy));
                out.add(finding(f, "field:" + e.txHash() + "/" + e.logIndex() + "/" + field.getKey(),
                        "High-entropy " + bytes.length + "-byte value in " + e.name() + "." + field.getKey()
                                + " (likely ciphertext)", objects, new ArrayList<>(List.of(EvidenceRef.event(e.name(),
                                e))), null, null));
            }
        }
        LedgerWideHits.evaluate(this, f, reported, out);
    }

    /** The bytes of a 0x-hex string of even length, or null when the value is not one. */
    static byte[] hex(String v) {
        if (v == null || v.length() < 4 || !v.startsWith("0x") || v.length() % 2 != 0) {
            return null;
        }
        byte[] out = new byte[(v.length() - 2) / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(v.charAt(2 + 2 * i), 16);
            int lo = Character.digit(v.charAt(3 + 2 * i), 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    /** Empirical Shannon entropy of the byte values, bits per byte (0..8). */
    static double bitsPerByte(byte[] bytes) {
        int[] counts = new int[256];
        for (byte b : bytes) {
            counts[b & 0xff]++;
        }
        double h = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / bytes.length;
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        return h;
    }
}
