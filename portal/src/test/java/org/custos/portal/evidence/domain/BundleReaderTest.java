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
                .isInstanceOf(BundleRejectedException.class).hasMessageContaining("more than 4 files");
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
                .extracting(e -> ((BundleRejectedException) e).reason()).isIn(Reason.WRONG_CLINIC, Reason.BAD_ENTRY);
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
}
