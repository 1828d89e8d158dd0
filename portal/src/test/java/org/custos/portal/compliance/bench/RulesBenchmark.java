package org.custos.portal.compliance.bench;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.RulesEngine;
import org.custos.portal.evidence.domain.BundleLimits;
import org.custos.portal.evidence.domain.BundleProgress;
import org.custos.portal.evidence.domain.BundleReader;
import org.custos.portal.evidence.domain.BundleVerification;
import org.custos.portal.evidence.domain.BundleVerifier;
import org.custos.portal.evidence.domain.EvidenceBundle;
import org.custos.portal.evidence.domain.LeafStore;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.evidence.domain.TestBundles;
import org.custos.verify.Hashes;
import org.custos.verify.Hex;

/**
 * Benchmarks of docs/performance.md "Rules and bundles" (a harness with a main, like the sync benchmark; run by
 * scripts/bench-rules.sh under -Xmx512m):
 * <ol>
 *   <li>rules: the standard engine over {@code --events} synthetic proven events across {@code --clinics} clinics
 *       (requests, breaches, disclosures, consents, keys, records, in EU/UK/US mixes), best of 3 runs;</li>
 *   <li>bundle: a custos-bundle/1 zip of {@code --entries} BALP AuditEvent entries (generated once into
 *       {@code --dir}) read, FHIR-parsed, hashed and verified against 12 anchored checkpoints (roots, consistency
 *       proofs), then the bundle rules; peak heap reported.</li>
 * </ol>
 */
public final class RulesBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>(Map.of("--events", "1000000", "--clinics", "50",
                "--entries", "1000000", "--dir", "target/bench-rules", "--only", "all"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        Path dir = Path.of(opts.get("--dir"));
        Files.createDirectories(dir);
        if (!opts.get("--only").equals("bundle")) {
            rules(Integer.parseInt(opts.get("--events")), Integer.parseInt(opts.get("--clinics")));
        }
        if (!opts.get("--only").equals("rules")) {
            bundle(Integer.parseInt(opts.get("--entries")), dir);
        }
    }

    static String w(long n) {
        return "0x" + String.format("%064x", n);
    }

    /**
     * The engine runs per clinic (the application loads one clinic's events at a time), so each clinic's events
     * are generated, then timed through the engine, then dropped: the timed part is the rules alone.
     */
    private static void rules(int total, int clinics) {
        RulesEngine engine = RulesEngine.standard();
        Instant asOf = Instant.parse("2027-01-01T00:00:00Z");
        long best = Long.MAX_VALUE;
        long findings = 0;
        long events = 0;
        for (int run = 0; run < 3; run++) {
            long timed = 0;
            findings = 0;
            events = 0;
            for (int c = 0; c < clinics; c++) {
                List<ProvenEvent> clinicEvents = clinic(c, total / clinics);
                events += clinicEvents.size();
                long t0 = System.nanoTime();
                List<Finding> f = engine.evaluate(new ClinicFacts(w(0xC000 + c), clinicEvents, null, null, asOf));
                timed += System.nanoTime() - t0;
                findings += f.size();
            }
            best = Math.min(best, timed);
        }
        System.out.printf("rules: %d events, %d clinics: best of 3 %.2f s (%d findings)%n", events, clinics,
                best / 1e9, findings);
        // where the time goes: each rule alone over the same events (one run, after the warm-up above)
        Map<String, Long> perRule = new LinkedHashMap<>();
        for (int c = 0; c < clinics; c++) {
            List<ProvenEvent> clinicEvents = clinic(c, total / clinics);
            ClinicFacts facts = new ClinicFacts(w(0xC000 + c), clinicEvents, null, null, asOf);
            for (org.custos.portal.compliance.domain.Rule rule : engine.rules()) {
                RulesEngine alone = new RulesEngine(List.of(rule));
                long t0 = System.nanoTime();
                alone.evaluate(facts);
                perRule.merge(rule.id(), System.nanoTime() - t0, Long::sum);
            }
        }
        perRule.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(e -> System.out.printf("  %-14s %.2f s%n", e.getKey(), e.getValue() / 1e9));
    }

    private static List<ProvenEvent> clinic(int c, int perEach) {
        long id = 1;
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        String clinic = w(0xC000 + c);
        List<ProvenEvent> events = new ArrayList<>();
        int jurisdiction = c % 3;
        events.add(ev(id++, "ClinicAdmitted", clinic, start, "jurisdiction", Integer.toString(jurisdiction),
                "hipaaCoveredEntity", Boolean.toString(jurisdiction == 2), "writer", "0x" + "11".repeat(20),
                "kmsAttestationKey", "0x" + "22".repeat(20), "logSigner", "0x" + "33".repeat(20)));
        int n = 0;
        while (events.size() < perEach) {
            Instant t = start.plusSeconds(60L * n);
            long k = (long) c << 32 | n;
            switch (n % 10) {
                case 0 -> events.add(ev(id++, "KeyRegistered", clinic, t, "keyId", w(k), "subjectPseudonym",
                        w(k / 10), "keyCommitment", w(k + 1)));
                case 1 -> events.add(ev(id++, "RecordCommitted", clinic, t, "recordId", w(k), "commitment",
                        w(k + 2), "scheme", "1", "keyId", w(k - 1), "purposeId", "1", "basisCode", "257",
                        "dataCategory", Integer.toString(1 + n % 4)));
                case 2 -> events.add(ev(id++, "ConsentGranted", clinic, t, "consentId", w(k), "subjectPseudonym",
                        w(k / 10), "purposeId", "1", "policyHash", w(7), "expiry", "0"));
                case 3 -> events.add(ev(id++, "RequestReceived", clinic, t, "requestId", w(k), "subjectPseudonym",
                        w(k / 10), "requestType", Integer.toString(n % 4), "regime",
                        Integer.toString(Math.min(jurisdiction, 2))));
                case 4 -> events.add(ev(id++, "RequestAnswered", clinic, t.plusSeconds(86400L * (n % 40)),
                        "requestId", w(k - 1), "outcome", "0", "legalGround", "0", "replyHash", w(k)));
                case 5 -> events.add(ev(id++, "BreachDetected", clinic, t, "breachId", w(k), "awareAt",
                        Long.toString(t.getEpochSecond() - 3600), "affectedCount", Integer.toString(n % 1000),
                        "risk", Integer.toString(n % 3)));
                case 6 -> events.add(ev(id++, "BreachNotified", clinic, t.plusSeconds(3600L * (n % 100)),
                        "breachId", w(k - 1), "audience", Integer.toString(n % 4), "noticeHash", w(k)));
                case 7 -> events.add(ev(id++, "DisclosureRecorded", clinic, t, "disclosureId", w(k),
                        "subjectPseudonym", w(k / 10), "recipientId", n % 97 == 0 ? w(0) : w(k + 5),
                        "purposeId", "2", "dataCategory", "3"));
                case 8 -> events.add(ev(id++, "KeyDestroyed", clinic, t.plusSeconds(86400L * (n % 50)), "keyId",
                        w(k - 8), "kmsDeletionReceiptHash", w(k)));
                default -> events.add(ev(id++, "ConsentRevoked", clinic, t, "consentId", w(k - 7),
                        "subjectPseudonym", w(k / 10), "purposeId", "1"));
            }
            n++;
        }
        return events;
    }

    private static ProvenEvent ev(long id, String name, String clinic, Instant t, String... kv) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("clinicId", clinic);
        for (int i = 0; i < kv.length; i += 2) {
            fields.put(kv[i], kv[i + 1]);
        }
        return new ProvenEvent(id * 1_000_000L, name, clinic, fields, id, 0, 0, w(id), t, w(id + 1));
    }

    private static void bundle(int entries, Path dir) throws Exception {
        Path zip = dir.resolve("bundle-" + entries + ".zip");
        Path anchors = dir.resolve("bundle-" + entries + ".anchors");
        if (!Files.exists(zip) || !Files.exists(anchors)) {
            generate(entries, zip, anchors);
        }
        List<ProvenEvent> events = new ArrayList<>();
        events.add(ev(1, "ClinicAdmitted", TestBundles.CLINIC, Instant.parse("2025-01-01T00:00:00Z"),
                "jurisdiction", "2", "hipaaCoveredEntity", "true", "writer", "0x" + "11".repeat(20),
                "kmsAttestationKey", "0x" + "22".repeat(20), "logSigner", "0x" + "33".repeat(20)));
        long id = 2;
        for (String line : Files.readAllLines(anchors)) {
            String[] p = line.split(" ");
            events.add(ev(id++, "AuditCheckpoint", TestBundles.CLINIC, Instant.parse("2025-12-28T00:00:00Z"),
                    "treeSize", p[0], "rootHash", p[1]));
        }
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        java.util.concurrent.ExecutorService parsers = java.util.concurrent.Executors.newFixedThreadPool(2);
        long t0 = System.nanoTime();
        try (InputStream in = Files.newInputStream(zip);
             EvidenceBundle b = new BundleReader(BundleLimits.defaults(), parsers).read(in, TestBundles.CLINIC,
                     BundleProgress.NONE)) {
            long t1 = System.nanoTime();
            BundleVerification v = new BundleVerifier().verify(b, events);
            long t2 = System.nanoTime();
            List<Finding> f = RulesEngine.standard().evaluate(new ClinicFacts(TestBundles.CLINIC, events, b, v,
                    Instant.parse("2026-03-01T00:00:00Z")));
            long t3 = System.nanoTime();
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf("bundle: %d entries, %.1f MB zip: read+parse+hash %.2f s, verify %d checkpoints "
                            + "%.2f s (all match: %s), bundle rules %.2f s (%d findings), total %.2f s; heap peak "
                            + "%.0f MB (max %.0f MB)%n", b.entries(), Files.size(zip) / 1e6, (t1 - t0) / 1e9,
                    v.checkpoints().size(), (t2 - t1) / 1e9, !v.malformedLog(), (t3 - t2) / 1e9, f.size(),
                    (t3 - t0) / 1e9, peak / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
        } finally {
            parsers.shutdownNow();
        }
    }

    private static void generate(int entries, Path zipFile, Path anchors) throws Exception {
        List<String> rows = new ArrayList<>();
        StringBuilder manifest = new StringBuilder("{\"clinic\":\"" + TestBundles.CLINIC + "\",\"files\":[");
        try (LeafStore leaves = new LeafStore();
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(zipFile), 1 << 20);
             ZipOutputStream zip = new ZipOutputStream(out)) {
            Path manifestTmp = Files.createTempFile("bench-manifest", ".json");
            try (OutputStream m = new BufferedOutputStream(Files.newOutputStream(manifestTmp), 1 << 20)) {
                m.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < entries; i++) {
                    String recorded = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(20L * i).toString()
                            .replace("Z", "+00:00");
                    byte[] e = TestBundles.entry(i, TestBundles.CLINIC, recorded, i % 3 == 0 ? "nurse" : "physician",
                            "TREAT", false, w(1000 + i % 5000), w(100000 + i % 20000), 1 + i % 4, w(9000 + i % 5000))
                            .getBytes(StandardCharsets.UTF_8);
                    leaves.addEntry(i, e);
                    zip.putNextEntry(new ZipEntry(String.format("access-log/%06d.json", i)));
                    zip.write(e);
                    zip.closeEntry();
                    m.write(((i == 0 ? "" : ",") + "{\"path\":\"" + String.format("access-log/%06d.json", i)
                            + "\",\"role\":\"access-log-entry\",\"sha256\":\"" + Hex.encodePrefixed(Hashes.sha256(e))
                            + "\"}").getBytes(StandardCharsets.UTF_8));
                }
                m.write("],\"format\":\"custos-bundle/1\"}".getBytes(StandardCharsets.UTF_8));
            }
            zip.putNextEntry(new ZipEntry("manifest.json"));
            Files.copy(manifestTmp, zip);
            zip.closeEntry();
            Files.delete(manifestTmp);
            for (int k = 1; k <= 12; k++) {
                long size = (long) entries * k / 12;
                rows.add(size + " " + Hex.encodePrefixed(leaves.root(size)));
            }
        }
        Files.write(anchors, rows);
    }
}
