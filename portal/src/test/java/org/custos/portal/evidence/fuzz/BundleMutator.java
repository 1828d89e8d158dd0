package org.custos.portal.evidence.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.custos.portal.evidence.domain.BundleReader;
import org.custos.portal.evidence.domain.BundleVerifier;
import org.custos.portal.evidence.domain.EvidenceBundle;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.evidence.domain.TestBundles;
import org.custos.verify.Hashes;
import org.custos.verify.Hex;
import org.custos.verify.merkle.MerkleTree;

/**
 * The committed generator of mutated evidence bundles: {@link #mutate(long)} turns a seed into one {@link Mutant}
 * (a kind, the zip, and the clinic's proven events for the verifier), always the same for the same seed, so a
 * finding is replayed from its seed alone. Starts from a valid {@code custos-bundle/1} of 1 to 4 entries (with,
 * at random, an identifier dictionary, a signed tree head, a KMS receipt, a consent, an access policy and a
 * break-glass review) and damages it in one of the ways of {@link Kind}.
 */
public final class BundleMutator {

    /** The ways a bundle is damaged. */
    public enum Kind {
        BYTE_FLIP, TRUNCATE, SPLICE, WRONG_SIZE, DUPLICATE, NESTED_ZIP, BOMB, HUGE_DECLARED, TRAVERSAL, BAD_UTF8_NAME,
        MANIFEST, FHIR_ENTRY, DICTIONARY, VERIFIED_FILE
    }

    /** One mutated upload: its kind, zip and the events the verifier judges it against. */
    public record Mutant(long seed, Kind kind, byte[] zip, List<ProvenEvent> events) {
        @Override
        public String toString() {
            return "Mutant[seed=" + seed + ", kind=" + kind + ", " + zip.length + " bytes]";
        }
    }

    static final String CLINIC = TestBundles.CLINIC;
    private static final String[] TRAVERSALS = {"../manifest.json", "../../etc/passwd", "/manifest.json",
        "/etc/passwd", "access-log/../manifest.json", "documents/..\\..\\x-v1.md", "C:\\windows\\x-v1.md",
        "c:/x", "documents//ropa-v1.json", "./manifest.json", "documents/./ropa-v1.json", "\\\\server\\share",
        "documents/", "", "access-log/000000.json/", "manifest.json\u0000.txt", "access-log/\u2215..\u2215x",
        "access-log/000000.json ", " manifest.json", "MANIFEST.JSON", "access-log/0000001.json",
        "access-log/99999999.json", "access-log/-00001.json", "documents/ropa-v1.json\n", "..", ".", "/"};

    private BundleMutator() {
    }

    public static Mutant mutate(long seed) {
        Random r = new Random(seed);
        Kind kind = Kind.values()[r.nextInt(Kind.values().length)];
        Map<String, byte[]> files = base(r);
        byte[] zip = damage(kind, files, CLINIC, r);
        return new Mutant(seed, kind, zip, events(files, r));
    }

    /**
     * A mutated zip of {@code files} (a valid bundle of {@code clinic}, manifest not included; changed in place
     * when the mutation edits a file): the upload browser test damages the demo fixture's real bundles with it.
     */
    public static byte[] mutate(long seed, Kind kind, Map<String, byte[]> files, String clinic) {
        return damage(kind, new LinkedHashMap<>(files), clinic, new Random(seed));
    }

    private static byte[] damage(Kind kind, Map<String, byte[]> files, String clinic, Random r) {
        return switch (kind) {
            case BYTE_FLIP -> flip(zip(files, clinic), r);
            case TRUNCATE -> {
                byte[] z = zip(files, clinic);
                yield java.util.Arrays.copyOf(z, r.nextInt(z.length));
            }
            case SPLICE -> splice(zip(files, clinic), r);
            case WRONG_SIZE -> wrongSize(files, clinic, r);
            case DUPLICATE -> duplicate(files, clinic, r);
            case NESTED_ZIP -> nested(files, clinic, r);
            case BOMB -> bomb(files, clinic, r);
            case HUGE_DECLARED -> hugeDeclared(files, clinic, r);
            case TRAVERSAL -> renamed(files, clinic, r, TRAVERSALS[r.nextInt(TRAVERSALS.length)]
                    .getBytes(StandardCharsets.UTF_8));
            case BAD_UTF8_NAME -> renamed(files, clinic, r, badName(r));
            case MANIFEST -> {
                byte[] manifest = TestBundles.manifest(clinic, files).getBytes(StandardCharsets.UTF_8);
                yield zipWithManifest(JsonMutator.mutate(manifest, r), files);
            }
            case FHIR_ENTRY -> {
                List<String> targets = new ArrayList<>(files.keySet().stream()
                        .filter(p -> p.startsWith("access-log/") || p.startsWith("consents/")).toList());
                String target = targets.get(r.nextInt(targets.size()));
                files.put(target, JsonMutator.mutate(files.get(target), r));
                yield zip(files, clinic);
            }
            case DICTIONARY -> {
                files.put(BundleReader.IDENTIFIERS, JsonMutator.mutate(files.getOrDefault(BundleReader.IDENTIFIERS,
                        dictionary()), r));
                yield zip(files, clinic);
            }
            case VERIFIED_FILE -> {
                List<String> targets = files.keySet().stream().filter(p -> !p.startsWith("access-log/")
                        && !p.startsWith("consents/") && !p.startsWith("identifiers/")).toList();
                String target = targets.get(r.nextInt(targets.size()));
                files.put(target, r.nextInt(4) == 0 ? random(r, r.nextInt(300))
                        : JsonMutator.mutate(files.get(target), r));
                yield zip(files, clinic);
            }
        };
    }

    /** A valid bundle's files (manifest not included). */
    static Map<String, byte[]> base(Random r) {
        int entries = 1 + r.nextInt(4);
        Map<String, byte[]> files = new LinkedHashMap<>(TestBundles.files(entries));
        if (r.nextBoolean()) {
            files.put(BundleReader.IDENTIFIERS, dictionary());
        }
        if (r.nextBoolean()) {
            files.put("checkpoints/000000.json", ("{\"clinic\":\"" + CLINIC + "\",\"rootHash\":\""
                    + Hex.encodePrefixed(root(files, entries)) + "\",\"treeSize\":" + entries
                    + ",\"time\":1736000000}").getBytes(StandardCharsets.UTF_8));
            files.put("checkpoints/000000.sig", random(r, 65));
        }
        if (r.nextBoolean()) {
            files.put("kms-receipts/000000.json", ("{\"clinic\":\"" + CLINIC + "\",\"keyId\":\""
                    + TestBundles.word(0x1001) + "\",\"deletedAt\":\"2025-02-10T00:00:00Z\"}")
                    .getBytes(StandardCharsets.UTF_8));
            files.put("kms-receipts/000000.sig", random(r, 65));
        }
        if (r.nextBoolean()) {
            files.put("consents/000000.json", ("{\"resourceType\":\"Consent\",\"status\":\"active\","
                    + "\"identifier\":[{\"system\":\"urn:custos:consent-id\",\"value\":\"" + TestBundles.word(3)
                    + "\"}]}").getBytes(StandardCharsets.UTF_8));
        }
        if (r.nextBoolean()) {
            files.put("documents/access-policy-v1.json", ("{\"clinic\":\"" + CLINIC + "\",\"format\":"
                    + "\"custos-access-policy/1\",\"roles\":[{\"categories\":[1,2],\"role\":\"physician\"}]}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (r.nextBoolean()) {
            files.put("documents/break-glass-review-v1.md", ("| access-log/000000.json | access-000000 | a | b | c | "
                    + Hex.encodePrefixed(Hashes.sha256(files.get(EvidenceBundle.entryPath(0)))) + " |\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    static byte[] dictionary() {
        return "{\"format\":\"custos-identifiers/1\",\"identifiers\":[\"MRN-0001\",\"MRN-0002\"]}"
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The clinic's events for these files: admission, a checkpoint over some (or too many) entries with the true
     * root or another one, every document anchored under a random type, the receipt's key destroyed, a consent
     * policy.
     */
    static List<ProvenEvent> events(Map<String, byte[]> files, Random r) {
        List<ProvenEvent> events = new ArrayList<>();
        long entries = files.keySet().stream().filter(p -> p.startsWith("access-log/")).count();
        event(events, "ClinicAdmitted", Map.of("logSigner", "0x" + "11".repeat(20), "kmsAttestationKey",
                "0x" + "22".repeat(20)));
        for (int k = 0; k < 1 + r.nextInt(2); k++) {
            int size = r.nextInt((int) entries + 2);
            String root = r.nextInt(3) == 0 ? TestBundles.word(r.nextInt()) : Hex.encodePrefixed(root(files, size));
            event(events, "AuditCheckpoint", Map.of("treeSize", Integer.toString(size), "rootHash", root));
        }
        int[] types = {BundleVerifier.DOC_ROPA_JSON, BundleVerifier.DOC_POLICY_JSON, BundleVerifier.DOC_REVIEW};
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (!f.getKey().startsWith("access-log/")) {
                event(events, "DocumentAnchored", Map.of("docHash", sha(f.getValue()), "docType",
                        Integer.toString(types[r.nextInt(types.length)]), "version", "1"));
            }
            if (f.getKey().endsWith(".json") && f.getKey().startsWith("kms-receipts/")) {
                event(events, "KeyDestroyed", Map.of("keyId", TestBundles.word(0x1001), "kmsDeletionReceiptHash",
                        sha(f.getValue())));
            }
        }
        event(events, "ConsentGranted", Map.of("policyHash", sha(files.getOrDefault("documents/ropa-v1.json",
                new byte[0]))));
        return events;
    }

    private static void event(List<ProvenEvent> events, String name, Map<String, String> fields) {
        long n = events.size() + 1;
        events.add(new ProvenEvent(n, name, CLINIC, fields, n, 0, 0, TestBundles.word((int) n),
                Instant.ofEpochSecond(1_736_000_000L + n), TestBundles.word((int) n + 1)));
    }

    private static byte[] root(Map<String, byte[]> files, int size) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            byte[] entry = files.get(EvidenceBundle.entryPath(i));
            leaves.add(MerkleTree.leafHash(entry == null ? new byte[0] : entry));
        }
        return MerkleTree.rootHash(leaves);
    }

    private static String sha(byte[] b) {
        return Hex.encodePrefixed(Hashes.sha256(b));
    }

    static byte[] zip(Map<String, byte[]> files, String clinic) {
        return zipWithManifest(TestBundles.manifest(clinic, files).getBytes(StandardCharsets.UTF_8), files);
    }

    private static byte[] zipWithManifest(byte[] manifest, Map<String, byte[]> files) {
        ZipForge forge = new ZipForge();
        forge.add(BundleReader.MANIFEST.getBytes(StandardCharsets.UTF_8), manifest);
        files.forEach((name, data) -> forge.add(name.getBytes(StandardCharsets.UTF_8), data));
        return forge.bytes();
    }

    private static ZipForge forge(Map<String, byte[]> files, String clinic, Random r) {
        ZipForge forge = new ZipForge();
        List<Map.Entry<String, byte[]>> all = new ArrayList<>(files.entrySet());
        all.add(Map.entry(BundleReader.MANIFEST, TestBundles.manifest(clinic, files).getBytes(StandardCharsets.UTF_8)));
        java.util.Collections.shuffle(all, r);
        for (Map.Entry<String, byte[]> f : all) {
            ZipForge.Entry e = forge.add(f.getKey().getBytes(StandardCharsets.UTF_8), f.getValue());
            e.method = r.nextBoolean() ? ZipForge.DEFLATED : ZipForge.STORED;
        }
        return forge;
    }

    private static byte[] flip(byte[] zip, Random r) {
        byte[] out = zip.clone();
        for (int i = 0; i < 1 + r.nextInt(16); i++) {
            out[r.nextInt(out.length)] ^= (byte) (1 + r.nextInt(255));
        }
        return out;
    }

    private static byte[] splice(byte[] zip, Random r) {
        int at = r.nextInt(zip.length);
        if (r.nextBoolean()) {
            byte[] insert = random(r, 1 + r.nextInt(64));
            byte[] out = new byte[zip.length + insert.length];
            System.arraycopy(zip, 0, out, 0, at);
            System.arraycopy(insert, 0, out, at, insert.length);
            System.arraycopy(zip, at, out, at + insert.length, zip.length - at);
            return out;
        }
        int n = Math.min(1 + r.nextInt(64), zip.length - at);
        byte[] out = new byte[zip.length - n];
        System.arraycopy(zip, 0, out, 0, at);
        System.arraycopy(zip, at + n, out, at, zip.length - at - n);
        return out;
    }

    private static byte[] wrongSize(Map<String, byte[]> files, String clinic, Random r) {
        ZipForge forge = forge(files, clinic, r);
        ZipForge.Entry e = forge.entries().get(r.nextInt(forge.entries().size()));
        long[] wrong = {0, 1, e.data.length - 1L, e.data.length + 1L, e.data.length * 2L, 0xffffffffL, 0x7fffffffL};
        switch (r.nextInt(4)) {
            case 0 -> e.declaredSize = wrong[r.nextInt(wrong.length)];
            case 1 -> e.declaredCompressed = wrong[r.nextInt(wrong.length)];
            case 2 -> e.declaredCrc = r.nextLong() & 0xffffffffL;
            default -> {
                e.method = ZipForge.DEFLATED;
                e.descriptor = true;
                e.declaredSize = wrong[r.nextInt(wrong.length)];
            }
        }
        return forge.bytes();
    }

    private static byte[] duplicate(Map<String, byte[]> files, String clinic, Random r) {
        ZipForge forge = forge(files, clinic, r);
        ZipForge.Entry e = forge.entries().get(r.nextInt(forge.entries().size()));
        byte[] data = r.nextBoolean() ? e.data : JsonMutator.mutate(e.data, r);
        forge.add(e.name.clone(), data).method = r.nextBoolean() ? ZipForge.DEFLATED : ZipForge.STORED;
        return forge.bytes();
    }

    private static byte[] nested(Map<String, byte[]> files, String clinic, Random r) {
        byte[] inner = zip(base(r), CLINIC);
        String[] names = {"documents/nested-v1.json", EvidenceBundle.entryPath(0), BundleReader.IDENTIFIERS,
            "consents/000000.json", "nested.zip", "checkpoints/000000.json"};
        String name = names[r.nextInt(names.length)];
        files.put(name, inner);
        if (r.nextBoolean()) {
            return zip(files, clinic);
        }
        return zipWithManifest(inner, files);
    }

    private static byte[] bomb(Map<String, byte[]> files, String clinic, Random r) {
        ZipForge forge = forge(files, clinic, r);
        String[] names = {BundleReader.MANIFEST, EvidenceBundle.entryPath(files.size() + 5), "documents/ropa-v1.json",
            BundleReader.IDENTIFIERS, "consents/000009.json", "bomb.bin"};
        int bombs = r.nextInt(5) == 0 ? 2 + r.nextInt(40) : 1;
        for (int i = 0; i < bombs; i++) {
            String name = bombs > 1 ? EvidenceBundle.entryPath(100 + i) : names[r.nextInt(names.length)];
            long size = r.nextBoolean() ? (1L << 20) + r.nextInt(1 << 20) : 1L + r.nextInt(64 << 20);
            ZipForge.Entry e = forge.add(ZipForge.bomb(name.getBytes(StandardCharsets.UTF_8), size,
                    (byte) (r.nextBoolean() ? 0 : ' ')));
            if (r.nextBoolean()) {
                // declares small, is huge (the header lies; the descriptor tells the truth, or does not)
                e.descriptor = r.nextBoolean();
                e.declaredSize = (long) r.nextInt(1000);
            }
        }
        return forge.bytes();
    }

    private static byte[] hugeDeclared(Map<String, byte[]> files, String clinic, Random r) {
        ZipForge forge = forge(files, clinic, r);
        ZipForge.Entry e = forge.entries().get(r.nextInt(forge.entries().size()));
        e.method = ZipForge.DEFLATED;
        e.declaredSize = 0xffffffffL;
        e.declaredCompressed = r.nextBoolean() ? 0xffffffffL : null;
        if (r.nextBoolean()) {
            // a ZIP64 extended information field declaring exabytes
            java.nio.ByteBuffer extra = java.nio.ByteBuffer.allocate(20).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            extra.putShort((short) 1).putShort((short) 16).putLong(Long.MAX_VALUE - r.nextInt(10))
                    .putLong(r.nextBoolean() ? Long.MAX_VALUE : e.data.length);
            e.extra = extra.array();
        }
        return forge.bytes();
    }

    private static byte[] renamed(Map<String, byte[]> files, String clinic, Random r, byte[] name) {
        ZipForge forge = forge(files, clinic, r);
        if (r.nextBoolean()) {
            forge.entries().get(r.nextInt(forge.entries().size())).name = name;
        } else {
            forge.add(name, random(r, r.nextInt(100)));
        }
        if (r.nextInt(4) == 0) {
            forge.entries().forEach(e -> e.utf8Flag = false);
        }
        return forge.bytes();
    }

    private static byte[] badName(Random r) {
        byte[][] bad = {{(byte) 0xc0, (byte) 0xaf}, {(byte) 0xff}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            {(byte) 0xe2, (byte) 0x82}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {0x2e, 0x2e, (byte) 0xc0, (byte) 0xaf}, {0}};
        String prefix = r.nextBoolean() ? "documents/" : "access-log/00000";
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] b = r.nextInt(3) == 0 ? random(r, 1 + r.nextInt(40)) : bad[r.nextInt(bad.length)];
        byte[] out = new byte[p.length + b.length];
        System.arraycopy(p, 0, out, 0, p.length);
        System.arraycopy(b, 0, out, p.length, b.length);
        return out;
    }

    static byte[] random(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}
