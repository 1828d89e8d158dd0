package org.custos.portal.evidence.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.custos.portal.evidence.domain.AccessLogTable;
import org.custos.portal.evidence.domain.AuditEventReader;
import org.custos.portal.evidence.domain.BundleLimits;
import org.custos.portal.evidence.domain.BundleProgress;
import org.custos.portal.evidence.domain.BundleReader;
import org.custos.portal.evidence.domain.BundleRejectedException;
import org.custos.portal.evidence.domain.BundleRejectedException.Reason;
import org.custos.portal.evidence.domain.EvidenceBundle;
import org.custos.portal.evidence.domain.TestBundles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@link BundleFuzzTest} found, each pinned by its minimal input and by the generator seed that found it: the
 * defect is fixed at its root and must stay fixed.
 */
class BundleFuzzFindingsTest {

    private static Throwable read(byte[] zip, boolean parallel) {
        ExecutorService pool = parallel ? Executors.newFixedThreadPool(2) : null;
        try (EvidenceBundle ignored = new BundleReader(BundleLimits.defaults(), pool).read(
                new ByteArrayInputStream(zip), TestBundles.CLINIC, BundleProgress.NONE)) {
            return null;
        } catch (RuntimeException e) {
            return e;
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /**
     * Finding 1 (seed -81, FHIR_ENTRY): an extension that is not a JSON object made HAPI's parser throw a
     * NullPointerException, which escaped the reader (on the parser pool it ended the upload as a defect, not a
     * refusal). Now BAD_ENTRY.
     */
    @ParameterizedTest
    @ValueSource(strings = {"[null]", "[1]", "[\"x\"]", "[[]]", "[true]"})
    void anExtensionThatIsNotAnObjectIsABadEntry(String extension) throws Exception {
        String entry = TestBundles.simpleEntry(0).replaceFirst("\"extension\":\\[\\{[^\\]]*\\}\\]",
                "\"extension\":" + java.util.regex.Matcher.quoteReplacement(extension));
        assertThat(entry).contains("\"extension\":" + extension);
        assertThatThrownBy(() -> new AuditEventReader().readEntry(0, entry.getBytes(StandardCharsets.UTF_8),
                TestBundles.CLINIC, new AccessLogTable()))
                .isInstanceOf(BundleRejectedException.class)
                .extracting(e -> ((BundleRejectedException) e).reason()).isEqualTo(Reason.BAD_ENTRY);
        Map<String, byte[]> files = TestBundles.files(2);
        files.put(EvidenceBundle.entryPath(0), entry.getBytes(StandardCharsets.UTF_8));
        byte[] zip = TestBundles.zip(TestBundles.manifest(TestBundles.CLINIC, files), files);
        for (boolean parallel : new boolean[] {false, true}) {
            assertThat(read(zip, parallel)).isInstanceOf(BundleRejectedException.class)
                    .extracting(e -> ((BundleRejectedException) e).reason()).isEqualTo(Reason.BAD_ENTRY);
        }
    }

    @Test
    void theSeedThatFoundTheExtensionDefectIsRefused() {
        BundleMutator.Mutant m = BundleMutator.mutate(-81L);
        assertThat(m.kind()).isEqualTo(BundleMutator.Kind.FHIR_ENTRY);
        assertThat(read(m.zip(), true)).isInstanceOf(BundleRejectedException.class);
        assertThat(read(m.zip(), false)).isInstanceOf(BundleRejectedException.class);
    }

    /**
     * Finding 2 (seed 16657805360214, FHIR_ENTRY, in the 10,000-input run): an extension URL given twice (the
     * break-glass flag at the top, or the data category on the record entity) made HAPI's
     * {@code getExtensionByUrl} throw an IllegalArgumentException ("must have only one match"), which escaped the
     * reader. Now BAD_ENTRY.
     */
    @ParameterizedTest
    @ValueSource(strings = {"urn:custos:fhir:StructureDefinition/break-glass",
        "urn:custos:fhir:StructureDefinition/data-category"})
    void aRepeatedExtensionIsABadEntry(String url) throws Exception {
        String entry = TestBundles.simpleEntry(0);
        int at = entry.indexOf("{\"url\":\"" + url + "\"");
        int end = entry.indexOf('}', at) + 1;
        String repeated = entry.substring(0, end) + "," + entry.substring(at, end) + entry.substring(end);
        assertThatThrownBy(() -> new AuditEventReader().readEntry(0, repeated.getBytes(StandardCharsets.UTF_8),
                TestBundles.CLINIC, new AccessLogTable()))
                .isInstanceOf(BundleRejectedException.class)
                .extracting(e -> ((BundleRejectedException) e).reason()).isEqualTo(Reason.BAD_ENTRY);
        Map<String, byte[]> files = TestBundles.files(2);
        files.put(EvidenceBundle.entryPath(0), repeated.getBytes(StandardCharsets.UTF_8));
        byte[] zip = TestBundles.zip(TestBundles.manifest(TestBundles.CLINIC, files), files);
        for (boolean parallel : new boolean[] {false, true}) {
            assertThat(read(zip, parallel)).isInstanceOf(BundleRejectedException.class)
                    .extracting(e -> ((BundleRejectedException) e).reason()).isEqualTo(Reason.BAD_ENTRY);
        }
    }

    @Test
    void theSeedThatFoundTheRepeatedExtensionIsRefused() {
        BundleMutator.Mutant m = BundleMutator.mutate(16657805360214L);
        assertThat(m.kind()).isEqualTo(BundleMutator.Kind.FHIR_ENTRY);
        assertThat(read(m.zip(), true)).isInstanceOf(BundleRejectedException.class);
        assertThat(read(m.zip(), false)).isInstanceOf(BundleRejectedException.class);
    }

    /**
     * Finding 3 (seed 4104890, DICTIONARY, in the second 10,000-input run): an identifier dictionary nested beyond
     * Jackson's depth limit made the reader's message build a NullPointerException (a limit error has no location).
     * Now BAD_DICTIONARY.
     */
    @Test
    void aDictionaryBeyondTheParsersLimitsIsABadDictionary() throws Exception {
        Map<String, byte[]> files = TestBundles.files(1);
        files.put(BundleReader.IDENTIFIERS, ("{\"format\":\"custos-identifiers/1\",\"identifiers\":"
                + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8));
        byte[] zip = TestBundles.zip(TestBundles.manifest(TestBundles.CLINIC, files), files);
        assertThat(read(zip, false)).isInstanceOf(BundleRejectedException.class)
                .extracting(e -> ((BundleRejectedException) e).reason()).isEqualTo(Reason.BAD_DICTIONARY);
        BundleMutator.Mutant m = BundleMutator.mutate(4104890L);
        assertThat(read(m.zip(), false)).isInstanceOf(BundleRejectedException.class);
    }
}
