package org.custos.portal.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.custos.portal.evidence.domain.BundleLimits;
import org.custos.portal.evidence.domain.BundleProgress;
import org.custos.portal.evidence.domain.BundleReader;
import org.custos.portal.evidence.domain.BundleRejectedException;
import org.custos.portal.evidence.domain.EvidenceBundle;
import org.custos.portal.evidence.fuzz.BundleMutator;
import org.custos.portal.evidence.fuzz.BundleMutator.Kind;
import org.custos.portal.it.Deployments;
import org.custos.portal.it.PortalBrowser;
import org.custos.portal.ledger.testing.Anvil;
import org.custos.portal.ledger.testing.DemoFixture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Issue 17 item 4 through the real upload page: the demo fixture's real bundle of clinic-south damaged by the fuzz
 * generator ({@link BundleMutator}: every kind of mutation, two seeds each where it yields a refusal), uploaded in
 * headless Chromium as the regulator. The domain refuses each one in this JVM first (the oracle: its reason); the
 * page must show that refusal's sentence ("Bundle refused (REASON): … Nothing was stored."), never an error page or
 * a 500, no bundle hash, and nothing may be stored: the list of verified bundles and the audit trail are the same
 * after all the uploads as before.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UploadFuzzIT {

    private static final Duration VERIFICATION = Duration.ofMinutes(2);
    private static final int PER_KIND = 2;
    private static Anvil anvil;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        DemoFixture chain = DemoFixture.get();
        anvil = Anvil.startFixture(chain.stateFile);
        Properties config = Deployments.demoConfig(chain, anvil.url());
        return Deployments.portalWar(config, "the demo's ledger settings (scripts/lib/portal.sh) for this test's anvil");
    }

    @AfterAll
    static void stopAnvil() throws InterruptedException {
        if (anvil != null) {
            anvil.close();
        }
    }

    /** A mutant the domain refuses, with that refusal's reason. */
    private record Refused(String name, byte[] zip, BundleRejectedException.Reason reason) {
    }

    @Test
    void mutatedBundlesGetTheirRefusalSentenceAndNothingIsStored() throws Exception {
        DemoFixture chain = DemoFixture.get();
        String south = chain.clinicIds.get(1);
        List<Refused> mutants = mutants(unzip(Files.readAllBytes(fixture("bundles/clinic-1.zip"))), south);
        assertTrue(mutants.size() >= 20, "too few refused mutants: " + mutants.size());
        System.out.println("UploadFuzzIT uploads " + mutants.size() + " mutants: " + mutants.stream()
                .map(m -> m.name() + "=" + m.reason()).toList());
        Path dir = Files.createTempDirectory("custos-upload-fuzz-it-");
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("regulator", "ledger/status.xhtml");
            b.waitUntil(Duration.ofMinutes(3), d -> "synced".equals(b.text("ledgerForm:phase"))
                    && Long.toString(chain.head).equals(b.text("ledgerForm:verifiedNumber")));
            int trailBefore = trailEntries(b);
            b.open("evidence/upload.xhtml");
            List<String> bundlesBefore = bundleRows(b);
            for (Refused m : mutants) {
                Path file = Files.write(dir.resolve(m.name()), m.zip());
                b.open("evidence/upload.xhtml");
                b.selectOne("uploadForm:clinic", south);
                b.waitUntil(Duration.ofSeconds(30), d -> south.equals(b.text("uploadForm:selectedClinic")));
                b.chooseFile("uploadForm:bundle", file);
                b.visible("uploadForm:rejectedMessage", VERIFICATION);
                String message = b.text("uploadForm:rejectedMessage");
                assertTrue(message.startsWith("Bundle refused (" + m.reason() + "): ")
                        && message.endsWith("Nothing was stored."), m.name() + ": " + message);
                assertFalse(b.present("uploadForm:bundleHash"), m.name() + " shows a bundle hash");
                String page = b.source();
                assertFalse(page.contains("HTTP Status 500") || page.contains("Internal Server Error")
                        || page.contains("Something went wrong"), m.name() + " shows an error page");
                assertFalse(b.present("errorTitle"), m.name() + " shows an error page");
                assertTrue(b.url().contains("evidence/upload.xhtml"), m.name() + " left the page: " + b.url());
                assertEquals(bundlesBefore, bundleRows(b), m.name() + " changed the list of verified bundles");
            }
            assertEquals(trailBefore, trailEntries(b), "the uploads changed the audit trail");
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** For each kind, the first {@value #PER_KIND} seeds whose mutant the domain refuses (not every seed damages). */
    private static List<Refused> mutants(Map<String, byte[]> files, String clinic) {
        List<Refused> out = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            int found = 0;
            for (long seed = 1; seed <= 40 && found < PER_KIND; seed++) {
                byte[] zip = BundleMutator.mutate(seed, kind, files, clinic);
                try (EvidenceBundle accepted = new BundleReader(BundleLimits.defaults()).read(
                        new ByteArrayInputStream(zip), clinic, BundleProgress.NONE)) {
                    continue;
                } catch (BundleRejectedException e) {
                    out.add(new Refused("fuzz-" + kind.name().toLowerCase() + "-" + seed + ".zip", zip, e.reason()));
                    found++;
                }
            }
        }
        return out;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (!e.getName().equals(BundleReader.MANIFEST)) {
                    files.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return files;
    }

    private static int trailEntries(PortalBrowser b) {
        b.open("trail/entries.xhtml");
        String m = b.text("matching");
        assertTrue(m.matches("\\d+ entr(y|ies)"), m);
        return Integer.parseInt(m.substring(0, m.indexOf(' ')));
    }

    private static List<String> bundleRows(PortalBrowser b) {
        return b.driver.findElements(By.cssSelector("[id='uploadForm:bundles'] tbody tr[data-ri]")).stream()
                .map(e -> e.getText()).toList();
    }

    private static Path fixture(String path) {
        return Path.of(System.getProperty("custos.fixture.dir", "../consortium/fixtures/demo")).resolve(path);
    }
}
