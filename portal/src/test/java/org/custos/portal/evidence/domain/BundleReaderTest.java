package org.custos.portal.evidence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.custos.portal.evidence.domain.BundleRejectedException.Reason;
import org.custos.verify.Hashes;
import org.custos.verify.Hex;
import org.custos.verify.merkle.MerkleTree;
import org.junit.jupiter.api.Test;

/** The bundle reader on a valid bundle and on each kind of bad upload: a clear reason, no leftover files. */
class BundleReaderTest {

    private static final BundleLimits LIMITS = new BundleLimits(10L << 20, 50L << 20, 1L << 20, 1L << 20, 1000,
            100.0, 1L << 20);

    private final BundleReader reader = new BundleReader(LIMITS);

    private EvidenceBundle read(byte[] zip, String clinic) {
        return reader.read(new ByteArrayInputStream(zip), clinic, BundleProgress.NONE);
    }

    private void rejected(byte[] zip, Reason reason, String message) {
        long before = tempFiles();
        assertThatThrownBy(() -> read(zip, TestBundles.CLINIC)).isInstanceOf(BundleRejectedException.class)
                .hasMessageContaining(message).extracting(e -> ((BundleRejectedException) e).reason())
                .isEqualTo(reason);
        assertThat(tempFiles()).as("no temporary file left behind").isEqualTo(before);
    }

    private static long tempFiles() {
        try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("custos-")).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsAValidBundleAndHashesEveryLeaf() throws IOException {
        byte[] zip = TestBundles.valid(5);
        List<Long> progress = new ArrayList<>();
        try (EvidenceBundle b = reader.read(new ByteArrayInputStream(zip), TestBundles.CLINIC.toUpperCase()
                .replace("0X", "0x"), (bytes, entries) -> progress.add(bytes))) {
            assertThat(b.entries()).isEqualTo(5);
            assertThat(b.clinic()).isEqualTo(TestBundles.CLINIC);
            assertThat(b.sha256()).isEqualTo(Hex.encodePrefixed(Hashes.sha256(zip)));
            assertThat(b.compressedBytes()).isEqualTo(zip.length);
            List<byte[]> leaves = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                leaves.add(MerkleTree.leafHash(TestBundles.simpleEntry(i).getBytes(StandardCharsets.UTF_8)));
            }
            assertThat(b.leaves().root(5)).isEqualTo(MerkleTree.rootHash(leaves));
            assertThat(b.leaves().root(3)).isEqualTo(MerkleTree.rootHash(leaves.subList(0, 3)));
            assertThat(b.accessLog().get(2).role()).isEqualTo("physician");
            assertThat(b.accessLog().get(2).purpose()).isEqualTo(1);
            assertThat(b.files()).containsKey("documents/ropa-v1.json");
            assertThat(progress).isNotEmpty().last().isEqualTo((long) zip.length);
        }
    }

    @Test
    void parsesOnAnExecutorWithTheSameResultAndErrors() throws IOException {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            BundleReader parallel = new BundleReader(LIMITS, pool);
            byte[] zip = TestBundles.valid(300);
            try (EvidenceBundle a = parallel.read(new ByteArrayInputStream(zip), TestBundles.CLINIC,
                    BundleProgress.NONE); EvidenceBundle b = read(zip, TestBundles.CLINIC)) {
                assertThat(a.entries()).isEqualTo(300);
                for (int i = 0; i < 300; i++) {
                    assertThat(a.accessLog().get(i)).isEqualTo(b.accessLog().get(i));
                }
                assertThat(a.leaves().root(300)).isEqualTo(b.leaves().root(300));
            }
            Map<String, byte[]> files = TestBundles.files(300);
            files.put("access-log/000123.json", "{\"resourceType\":\"AuditEvent\"}".getBytes(StandardCharsets.UTF_8));
            byte[] bad = TestBundles.zip(TestBundles.manifest(TestBundles.CLINIC, files), files);
            assertThatThrownBy(() -> parallel.read(new ByteArrayInputStream(bad), TestBundles.CLINIC,
                    BundleProgress.NONE)).isInstanceOf(BundleRejectedException.class)
                    .hasMessageContaining("access-log/000123.json");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void notAZip() {
        rejected("this is not a zip file at all".getBytes(StandardCharsets.UTF_8), Reason.NOT_A_ZIP, "not a zip");
    }

    @Test
    void truncatedZip() throws IOException {
        byte[] zip = TestBundles.valid(3);
        byte[] cut = java.util.Arrays.copyOf(zip, zip.length / 2);
        rejected(cut, Reason.NOT_A_ZIP, "ends early");
    }

    @Test
    void zipBomb() throws IOException {
        Map<String, byte[]> files = TestBundles.files(1);
        files.put("documents/dpia-v1.md", new byte[900_000]);
        files.put("documents/policy-v1.md", new byte[900_000]);
        rejected(TestBundles.zip(TestBundles.manifest(TestBundles.CLINIC, files), files), Reason.ZIP_BOMB,
                "zip bomb");
    }

    @Test
    void oversizeUpload() throws IOException {
        BundleReader small = new BundleReader(new BundleLimits(1000, 50L << 20, 1L << 20, 1L << 20, 1000, 100.0,
                1L << 20));
        byte[] zip = TestBundles.valid(20);
        assertThatThrownBy(() -> small.read(new ByteArrayInputStream(zip), TestBundles.CLINIC, BundleProgress.NONE))
                .isInstanceOf(BundleRejectedException.class).hasMessageContaining("larger than 1000 bytes")
                .extracting(e -> ((BundleRejectedException) e).reason()).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void oversizeEntry() throws IOException {
        Map<String, byte[]> files = TestBundles.files(1);
        byte[] random = new byte[(1 << 20) + 1];
        new java.util.Random(1).nextBytes(random);
        files.put("documents/dpia-v1.md", random);
        rejected(TestBundles.zip(TestBundles.manifest(TestBundles.CLINIC, files), files), Reason.TOO_LARGE,
                "larger than");
    }

    @Test
    void tooManyEntries() throws IOException {
        BundleReader few = new BundleReader(new BundleLimits(10L << 20, 50L << 20, 1L << 20, 1L << 20, 4, 100.0,
                1L << 20));
        byte[] zip = TestBundles.valid(5);
        assertThatThrownBy(() -> few.read(new ByteArrayInputStream(zip), TestBundles.CLINIC, BundleProgress.NONE))
                .isInstanceOf(BundleRejectedException.class).hasMessageContaining("more than 4 files")
                .extracting(e -> ((BundleRejectedException) e).reason()).isEqualTo(Reason.TOO_MANY_ENTRIES);
    }

    @Test
    void pathTraversalAndAbsolutePaths() throws IOException {
        for (String bad : List.of("../etc/passwd", "documents/../../x.md", "/etc/passwd", "C:\\x.md", "a//b.md")) {
            Map<String, byte[]> files = TestBundles.files(1);
            files.put(bad, "x".getBytes(StandardCharsets.UTF_8));
            rejected(TestBundles.zip(TestBundles.manifest(TestBundles.CLINIC, files), files), Reason.UNSAFE_PATH,
                    "path");
        }
    }

    @Test
    void duplicateEntries() throws IOException {
        // the same log entry under two names (000000 and 0000000: one index); ZipOutputStream itself refuses a
        // literally repeated name, which a streaming reader would otherwise see twice as well
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, byte[]> files = TestBundles.files(1);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(TestBundles.manifest(TestBundles.CLINIC, files).getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("access-log/000000.json"));
            zip.write(files.get("access-log/000000.json"));
            zip.putNextEntry(new ZipEntry("access-log/0000000.json"));
            zip.write(files.get("access-log/000000.json"));
        }
        rejected(out.toByteArray(), Reason.DUPLICATE_ENTRY, "appears twice");
    }

    @Test
    void wrongFormat() throws IOException {
        Map<String, byte[]> files = TestBundles.files(2);
        String manifest = TestBundles.manifest(TestBundles.CLINIC, files).replace("custos-bundle/1", "custos-bundle/9");
        rejected(TestBundles.zip(manifest, files), Reason.BAD_MANIFEST, "format must be custos-bundle/1");
        rejected(TestBundles.zip("{not json", files), Reason.BAD_MANIFEST, "not valid JSON");
        rejected(TestBundles.zip(null, files), Reason.MISSING_MANIFEST, "no manifest.json");
    }

    @Test
    void entryThatIsNoAuditEvent() throws IOException {
        Map<String, byte[]> files = TestBundles.files(2);
        files.put("access-log/000001.json", "{\"resourceType\":\"Patient\",\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        rejected(TestBundles.zip(TestBundles.manifest(TestBundles.CLINIC, files), files), Reason.BAD_ENTRY,
                "access-log/000001.json");
    }

    @Test
    void wrongClinic() throws IOException {
        Map<String, byte[]> files = TestBundles.files(2);
        byte[] zip = TestBundles.zip(TestBundles.manifest(TestBundles.CLINIC, files), files);
        assertThatThrownBy(() -> read(zip, TestBundles.OTHER_CLINIC)).isInstanceOf(BundleRejectedException.class)
                .hasMessageContaining("not " + TestBundles.OTHER_CLINIC)
                .extracting(e -> ((BundleRejectedException) e).reason()).isEqualTo(Reason.WRONG_CLINIC);
        Map<String, byte[]> plain = new LinkedHashMap<>(files);
        plain.remove("access-log/000000.json");
        plain.remove("access-log/000001.json");
        byte[] noEntries = TestBundles.zip(TestBundles.manifest(TestBundles.CLINIC, plain), plain);
        assertThatThrownBy(() -> read(noEntries, TestBundles.OTHER_CLINIC)).isInstanceOf(BundleRejectedException.class)
                .hasMessageContaining("not " + TestBundles.OTHER_CLINIC)
                .extracting(e -> ((BundleRejectedException) e).reason()).isEqualTo(Reason.WRONG_CLINIC);
    }

    @Test
    void tamperedFileHash() throws IOException {
        Map<String, byte[]> files = TestBundles.files(3);
        String manifest = TestBundles.manifest(TestBundles.CLINIC, files);
        files.put("access-log/000001.json", TestBundles.simpleEntry(1).replace("staff-01", "staff-99")
                .getBytes(StandardCharsets.UTF_8));
        rejected(TestBundles.zip(manifest, files), Reason.HASH_MISMATCH, "access-log/000001.json");
    }

    @Test
    void unlistedAndMissingFiles() throws IOException {
        Map<String, byte[]> files = TestBundles.files(3);
        String manifest = TestBundles.manifest(TestBundles.CLINIC, files);
        Map<String, byte[]> more = new LinkedHashMap<>(files);
        more.put("documents/dpia-v1.md", "x".getBytes(StandardCharsets.UTF_8));
        rejected(TestBundles.zip(manifest, more), Reason.UNLISTED_FILE, "documents/dpia-v1.md");
        Map<String, byte[]> fewer = new LinkedHashMap<>(files);
        fewer.remove("documents/ropa-v1.json");
        rejected(TestBundles.zip(manifest, fewer), Reason.MISSING_FILE, "documents/ropa-v1.json");
        Map<String, byte[]> unknown = new LinkedHashMap<>(files);
        unknown.put("evil.sh", "x".getBytes(StandardCharsets.UTF_8));
        rejected(TestBundles.zip(manifest, unknown), Reason.UNLISTED_FILE, "evil.sh");
    }

    @Test
    void gapInTheLog() throws IOException {
        Map<String, byte[]> files = TestBundles.files(3);
        files.remove("access-log/000001.json");
        rejected(TestBundles.zip(TestBundles.manifest(TestBundles.CLINIC, files), files), Reason.BAD_MANIFEST,
                "without gaps");
    }

    private byte[] withDictionary(String json) throws IOException {
        Map<String, byte[]> files = TestBundles.files(3);
        files.put(BundleReader.IDENTIFIERS, json.getBytes(StandardCharsets.UTF_8));
        return TestBundles.zip(TestBundles.manifest(TestBundles.CLINIC, files), files);
    }

    @Test
    void readsTheIdentifierDictionaryIntoMemoryOnlyAndKeepsItsBytesOutOfTheFiles() throws IOException {
        try (EvidenceBundle b = read(withDictionary("{\"format\":\"custos-identifiers/1\",\"identifiers\":"
                + "[\"MRN-00-000003\",\"pat000003.c00@mail.example\",\" +44 20 7946 0958 \",\"Zoë-1\"]}"),
                TestBundles.CLINIC)) {
            assertThat(b.identifiers()).containsExactly("MRN-00-000003", "pat000003.c00@mail.example",
                    " +44 20 7946 0958 ", "Zoë-1");
            assertThat(b.files()).doesNotContainKey(BundleReader.IDENTIFIERS).containsKey("documents/ropa-v1.json");
            assertThat(b.files().values()).noneMatch(v -> new String(v, StandardCharsets.UTF_8).contains("MRN-"));
        }
        try (EvidenceBundle b = read(TestBundles.valid(3), TestBundles.CLINIC)) {
            assertThat(b.identifiers()).isEmpty();
        }
        // key order is free, white space allowed
        try (EvidenceBundle b = read(withDictionary("{ \"identifiers\" : [\"a\"],\n \"format\":\"custos-identifiers/1\"}"),
                TestBundles.CLINIC)) {
            assertThat(b.identifiers()).containsExactly("a");
        }
    }

    @Test
    void aMalformedIdentifierDictionaryIsRejectedWithAClearReasonAndNoIdentifierInTheMessage() throws IOException {
        String ok = "\"format\":\"custos-identifiers/1\"";
        rejected(withDictionary("[\"MRN-1\"]"), Reason.BAD_DICTIONARY, "is not a JSON object");
        rejected(withDictionary("{\"format\":\"custos-identifiers/2\",\"identifiers\":[\"x\"]}"),
                Reason.BAD_DICTIONARY, "format must be custos-identifiers/1, not 'custos-identifiers/2'");
        rejected(withDictionary("{\"identifiers\":[\"x\"]}"), Reason.BAD_DICTIONARY,
                "format must be custos-identifiers/1, not missing");
        rejected(withDictionary("{" + ok + "}"), Reason.BAD_DICTIONARY, "has no identifiers array");
        rejected(withDictionary("{" + ok + ",\"identifiers\":[]}"), Reason.BAD_DICTIONARY, "lists no identifier");
        rejected(withDictionary("{" + ok + ",\"identifiers\":\"MRN-1\"}"), Reason.BAD_DICTIONARY,
                "identifiers must be an array");
        rejected(withDictionary("{" + ok + ",\"identifiers\":[\"MRN-1\",7]}"), Reason.BAD_DICTIONARY,
                "identifier 1 is not a string");
        rejected(withDictionary("{" + ok + ",\"identifiers\":[\"MRN-1\",\"  \"]}"), Reason.BAD_DICTIONARY,
                "identifier 1 is empty");
        rejected(withDictionary("{" + ok + ",\"identifiers\":[\"" + "9".repeat(257) + "\"]}"),
                Reason.BAD_DICTIONARY, "identifier 0 is longer than 256 characters");
        rejected(withDictionary("{" + ok + ",\"identifiers\":[\"" + "9".repeat(256) + "\",\"MRN\\u0000-1\"]}"),
                Reason.BAD_DICTIONARY, "identifier 1 contains a control character");
        rejected(withDictionary("{" + ok + ",\"identifiers\":[\"MRN-1\"],\"names\":[\"Jane\"]}"),
                Reason.BAD_DICTIONARY, "unknown field 'names'");
        rejected(withDictionary("{" + ok + "," + ok + ",\"identifiers\":[\"MRN-1\"]}"), Reason.BAD_DICTIONARY,
                "has format twice");
        rejected(withDictionary("{" + ok + ",\"identifiers\":[\"MRN-1\"],\"identifiers\":[\"MRN-2\"]}"),
                Reason.BAD_DICTIONARY, "has identifiers twice");
        rejected(withDictionary("{" + ok + ",\"identifiers\":[\"MRN-1\"]} {}"), Reason.BAD_DICTIONARY,
                "has trailing content");
        rejected(withDictionary("{" + ok + ",\"identifiers\":[\"MRN-1\""), Reason.BAD_DICTIONARY,
                "is not valid JSON");
        assertThatThrownBy(() -> read(withDictionary("{" + ok + ",\"identifiers\":[\"MRN-00-000123\",{}]}"),
                TestBundles.CLINIC)).hasMessageNotContaining("MRN-00-000123");
    }

    @Test
    void theIdentifierDictionaryHasItsOwnSizeAndCountLimits() throws IOException {
        String three = "{\"format\":\"custos-identifiers/1\",\"identifiers\":[\"a\",\"b\",\"c\"]}";
        BundleReader two = new BundleReader(new BundleLimits(10L << 20, 50L << 20, 1L << 20, 1L << 20, 1000, 100.0,
                1L << 20, 1L << 20, 2));
        assertThatThrownBy(() -> two.read(new ByteArrayInputStream(withDictionary(three)), TestBundles.CLINIC,
                BundleProgress.NONE)).isInstanceOf(BundleRejectedException.class)
                .hasMessageContaining("lists more than 2 identifiers");
        StringBuilder big = new StringBuilder("{\"format\":\"custos-identifiers/1\",\"identifiers\":[");
        for (int i = 0; i < 200; i++) {
            big.append(i == 0 ? "" : ",").append("\"MRN-00-").append(String.format("%06d", i)).append('"');
        }
        String json = big.append("]}").toString();
        // larger than the 2 KiB per-entry limit, within the dictionary limit
        assertThat(json.length()).isGreaterThan(2048);
        BundleReader roomy = new BundleReader(new BundleLimits(10L << 20, 50L << 20, 2048, 1L << 20, 1000, 100.0,
                1L << 20, 1L << 20, 1000));
        try (EvidenceBundle b = roomy.read(new ByteArrayInputStream(withDictionary(json)), TestBundles.CLINIC,
                BundleProgress.NONE)) {
            assertThat(b.identifiers()).hasSize(200);
        }
        BundleReader tight = new BundleReader(new BundleLimits(10L << 20, 50L << 20, 1L << 20, 1L << 20, 1000, 100.0,
                1L << 20, 1024, 1000));
        assertThatThrownBy(() -> tight.read(new ByteArrayInputStream(withDictionary(json)), TestBundles.CLINIC,
                BundleProgress.NONE)).isInstanceOf(BundleRejectedException.class)
                .hasMessageContaining("identifiers/dictionary.json' is larger than 1024 bytes")
                .extracting(e -> ((BundleRejectedException) e).reason()).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void aDictionaryNotInTheManifestOrWithAnotherHashIsRefused() throws IOException {
        Map<String, byte[]> files = TestBundles.files(3);
        String manifest = TestBundles.manifest(TestBundles.CLINIC, files);
        files.put(BundleReader.IDENTIFIERS, "{\"format\":\"custos-identifiers/1\",\"identifiers\":[\"a\"]}"
                .getBytes(StandardCharsets.UTF_8));
        rejected(TestBundles.zip(manifest, files), Reason.UNLISTED_FILE,
                "'identifiers/dictionary.json' is in the zip but not in the manifest");
        String listed = TestBundles.manifest(TestBundles.CLINIC, files);
        files.put(BundleReader.IDENTIFIERS, "{\"format\":\"custos-identifiers/1\",\"identifiers\":[\"b\"]}"
                .getBytes(StandardCharsets.UTF_8));
        rejected(TestBundles.zip(listed, files), Reason.HASH_MISMATCH, "does not match its SHA-256");
    }

    /** A zip of the files first and the manifest last (readers must not rely on the manifest coming first). */
    private static byte[] manifestLast(String manifest, Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(BundleReader.MANIFEST));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** Another clinic's whole bundle: its entries name that clinic as observer too (issue 16 item 1). */
    private static Map<String, byte[]> otherClinicsFiles(int n) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            files.put(EvidenceBundle.entryPath(i), TestBundles.entry(i, TestBundles.OTHER_CLINIC,
                    "2025-01-01T10:00:00+00:00", "physician", "TREAT", false, TestBundles.word(1),
                    TestBundles.word(2), 1, null).getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    @Test
    void anotherClinicsBundleIsWrongClinicBeforeItsEntriesAreJudgedWhereverTheManifestStands() throws IOException {
        Map<String, byte[]> files = otherClinicsFiles(40);
        String manifest = TestBundles.manifest(TestBundles.OTHER_CLINIC, files);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            BundleReader parallel = new BundleReader(LIMITS, pool);
            for (byte[] zip : List.of(TestBundles.zip(manifest, files), manifestLast(manifest, files))) {
                rejected(zip, Reason.WRONG_CLINIC, "not " + TestBundles.CLINIC);
                assertThatThrownBy(() -> parallel.read(new ByteArrayInputStream(zip), TestBundles.CLINIC,
                        BundleProgress.NONE)).isInstanceOf(BundleRejectedException.class)
                        .extracting(e -> ((BundleRejectedException) e).reason()).isEqualTo(Reason.WRONG_CLINIC);
            }
        } finally {
            pool.shutdownNow();
        }
        // the manifest naming the clinic last in its own JSON changes nothing
        String clinicLast = "{\"format\":\"custos-bundle/1\",\"files\":" + manifest.substring(
                manifest.indexOf("["), manifest.lastIndexOf("]") + 1) + ",\"clinic\":\"" + TestBundles.OTHER_CLINIC + "\"}";
        rejected(manifestLast(clinicLast, files), Reason.WRONG_CLINIC, "not " + TestBundles.CLINIC);
    }

    @Test
    void anEntryOfAnotherClinicInTheOwnClinicsManifestIsABadEntry() throws IOException {
        Map<String, byte[]> files = TestBundles.files(3);
        files.putAll(otherClinicsFiles(3).entrySet().stream().filter(e -> e.getKey().endsWith("000002.json"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        rejected(manifestLast(TestBundles.manifest(TestBundles.CLINIC, files), files), Reason.BAD_ENTRY,
                "access-log/000002.json: source.observer is not the bundle's clinic");
    }

    @Test
    void theManifestsHashesAreCheckedBeforeEntriesAreJudged() throws IOException {
        Map<String, byte[]> files = TestBundles.files(3);
        String manifest = TestBundles.manifest(TestBundles.CLINIC, files);
        files.put("access-log/000001.json", "{\"resourceType\":\"Patient\",\"id\":\"x\"}"
                .getBytes(StandardCharsets.UTF_8));
        rejected(TestBundles.zip(manifest, files), Reason.HASH_MISMATCH, "access-log/000001.json");
        rejected(manifestLast(manifest, files), Reason.HASH_MISMATCH, "access-log/000001.json");
    }

    @Test
    void anInvalidConsentIsABadEntryAndAnInvalidEntryWithTheManifestLastToo() throws IOException {
        Map<String, byte[]> files = TestBundles.files(2);
        files.put("consents/000000.json", "{\"resourceType\":\"Consent\"}".getBytes(StandardCharsets.UTF_8));
        rejected(TestBundles.zip(TestBundles.manifest(TestBundles.CLINIC, files), files), Reason.BAD_ENTRY,
                "consents/000000.json");
        Map<String, byte[]> bad = TestBundles.files(2);
        bad.put("access-log/000000.json", "[1,2".getBytes(StandardCharsets.UTF_8));
        rejected(manifestLast(TestBundles.manifest(TestBundles.CLINIC, bad), bad), Reason.BAD_ENTRY,
                "access-log/000000.json");
    }
}
