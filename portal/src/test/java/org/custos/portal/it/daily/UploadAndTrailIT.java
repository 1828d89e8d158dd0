package org.custos.portal.it.daily;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.custos.portal.it.Deployments;
import org.custos.portal.it.PortalBrowser;
import org.custos.portal.ledger.testing.Anvil;
import org.custos.portal.ledger.testing.DemoFixture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Issue 16 items 1, 2 and 13 as a user sees them, in headless Chromium against the real portal syncing the demo
 * fixture from anvil (clinic-north = fixture clinic 0, clinic-south = clinic 1) with the real Keycloak sign-in:
 * each refusal the upload page can be shown cheaply names its own reason (another clinic's bundle is WRONG_CLINIC
 * for the regulator and for an officer, a text file NOT_A_ZIP, a zip without manifest MISSING_MANIFEST, an edited
 * entry HASH_MISMATCH, an edited entry with its hash updated BAD_ENTRY); a verified bundle's row appears under
 * "Past verifications" without a reload, and the same bundle again says so and keeps one row while the trail
 * shows both verifications; the trail filter narrows the rows and lives in the URL, its CSV download is an
 * attachment with the filtered rows, and no trail cell is clipped.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UploadAndTrailIT {

    private static final Duration VERIFICATION = Duration.ofMinutes(3);

    private static Anvil anvil;
    private static String southBundleSha;

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

    @Test
    @Order(1)
    void eachRefusalSaysItsOwnReasonOnThePage() throws Exception {
        DemoFixture chain = DemoFixture.get();
        String north = chain.clinicIds.get(0);
        String south = chain.clinicIds.get(1);
        Path dir = Files.createTempDirectory("custos-upload-it-");
        try {
            Path text = Files.writeString(dir.resolve("notes.zip"), "a text file, not an evidence bundle\n");
            Path noManifest = write(dir.resolve("no-manifest.zip"), rewrite(bundle(1), (name, bytes) ->
                    name.equals("manifest.json") ? null : bytes));
            Path edited = write(dir.resolve("edited-entry.zip"), rewrite(bundle(1), (name, bytes) ->
                    name.equals("access-log/000003.json") ? replaceFirst(bytes, "\"recorded\"", "\"recorded\" ")
                            : bytes));
            Path invalid = write(dir.resolve("invalid-entry.zip"), invalidEntryWithItsHashUpdated(bundle(1)));

            try (PortalBrowser b = new PortalBrowser()) {
                b.signIn("regulator", "ledger/status.xhtml");
                b.waitUntil(Duration.ofMinutes(3), d -> "synced".equals(b.text("ledgerForm:phase"))
                        && Long.toString(chain.head).equals(b.text("ledgerForm:verifiedNumber")));
                refused(b, south, fixture("bundles/clinic-2.zip"), "WRONG_CLINIC", "another clinic's bundle");
                b.screenshot("upload-refused-wrong-clinic");
                refused(b, south, text, "NOT_A_ZIP", "not a zip archive");
                refused(b, south, noManifest, "MISSING_MANIFEST", "no manifest.json");
                refused(b, south, edited, "HASH_MISMATCH", "does not have the SHA-256 its manifest lists");
                refused(b, south, invalid, "BAD_ENTRY", "not a valid FHIR AuditEvent");
                assertFalse(b.source().contains("docs/evidence-bundle.md"), "a file path of the docs on the page");
            }
            try (PortalBrowser b = new PortalBrowser()) {
                b.signIn("officer-north", "evidence/upload.xhtml");
                assertEquals(north, b.text("uploadForm:ownClinic"));
                assertEquals(north, b.driver.findElement(By.id("uploadForm:ownClinicName")).getAttribute("title"));
                refused(b, null, fixture("bundles/clinic-1.zip"), "WRONG_CLINIC", "another clinic's bundle");
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(2)
    void aVerifiedBundlesRowAppearsWithoutReloadAndTheSameBundleAgainKeepsOneRowAndSaysSo() throws Exception {
        DemoFixture chain = DemoFixture.get();
        String south = chain.clinicIds.get(1);
        Path bundle = fixture("bundles/clinic-1.zip");
        southBundleSha = sha256(Files.readAllBytes(bundle));
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("regulator", "evidence/upload.xhtml");
            assertFalse(b.text("uploadForm:bundles").contains(southBundleSha), "verified before this test");
            chooseClinic(b, south);
            assertEquals("clinic-south", b.text("uploadForm:selectedClinicName"));
            b.chooseFile("uploadForm:bundle", bundle);
            b.visible("uploadForm:bundleHash", VERIFICATION);
            assertEquals(southBundleSha, b.text("uploadForm:bundleHash"));
            assertEquals("clinic-south", b.text("uploadForm:resultClinicName"));
            assertEquals(south, b.driver.findElement(By.id("uploadForm:resultClinicName")).getAttribute("title"));
            assertFalse(b.present("uploadForm:verifiedBefore"), "a first verification called a repeat");
            // no reload: the table the page already shows gets the row
            b.waitUntil(Duration.ofSeconds(20), Duration.ofMillis(250),
                    d -> b.text("uploadForm:bundles").contains(southBundleSha));
            assertEquals(1, rowsWith(b, "uploadForm:bundles", southBundleSha));
            assertTrue(b.text("uploadForm:bundles").contains("clinic-south"), b.text("uploadForm:bundles"));
            assertKeyIdsInsideTheirColumns(b);
            b.screenshot("upload-verified-row");

            b.open("evidence/upload.xhtml");
            chooseClinic(b, south);
            b.chooseFile("uploadForm:bundle", bundle);
            b.visible("uploadForm:verifiedBefore", VERIFICATION);
            String said = b.text("uploadForm:verifiedBefore");
            assertTrue(said.contains("This bundle was verified before: first on") && said.contains("by regulator")
                    && said.contains("verified again"), said);
            assertTrue(b.text("uploadForm:firstVerifiedAt").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC"),
                    b.text("uploadForm:firstVerifiedAt"));
            b.waitUntil(Duration.ofSeconds(20), Duration.ofMillis(250),
                    d -> rowsWith(b, "uploadForm:bundles", southBundleSha) == 1);

            b.open("trail/entries.xhtml?action=BUNDLE_VERIFIED");
            List<String> rows = rowTexts(b, "trailForm:entries").stream()
                    .filter(r -> r.contains(southBundleSha)).toList();
            assertEquals(2, rows.size(), "the trail's verifications of the bundle: " + rows);
            assertTrue(rows.get(0).contains("verified again (first verified"), rows.get(0));
            assertFalse(rows.get(1).contains("verified again"), rows.get(1));
            assertTrue(rows.get(1).replace("\n", " ").matches(".*clinic clinic-south \\(" + south
                    + "\\), \\d+ entries, \\d+ findings?.*"), rows.get(1));
        }
    }

    @Test
    @Order(3)
    void theTrailFilterNarrowsTheRowsLivesInTheUrlAndItsCsvIsTheFilteredRowsAsAnAttachment() throws Exception {
        assertTrue(southBundleSha != null, "the upload test did not run");
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("regulator", "trail/entries.xhtml");
            int all = matching(b);
            assertTrue(all > 5, "too few entries to filter: " + all);

            // the form: a GET whose parameters are the filter, so the URL can be bookmarked
            b.type("filterUser", "regulator");
            ((JavascriptExecutor) b.driver).executeScript(
                    "document.getElementById('filterAction').value = 'BUNDLE_VERIFIED';");
            b.driver.findElement(By.id("filterApply")).click();
            b.waitUntil(Duration.ofSeconds(30), d -> b.url().contains("action=BUNDLE_VERIFIED"));
            assertTrue(b.url().contains("user=regulator"), b.url());
            b.visible("matching");
            int filtered = matching(b);
            assertTrue(filtered >= 2 && filtered < all, filtered + " of " + all);
            List<String> rows = rowTexts(b, "trailForm:entries");
            assertEquals(filtered, rows.size(), "one page holds the filtered rows");
            rows.forEach(r -> assertTrue(r.contains("BUNDLE_VERIFIED") && r.contains("regulator"), r));
            assertEquals("BUNDLE_VERIFIED", new org.openqa.selenium.support.ui.Select(
                    b.driver.findElement(By.id("filterAction"))).getFirstSelectedOption().getAttribute("value"));
            String href = b.driver.findElement(By.id("exportCsv")).getAttribute("href");
            assertTrue(href.endsWith("/custos/trail/export/entries.csv?user=regulator&action=BUNDLE_VERIFIED"), href);
            b.screenshot("trail-filtered");

            // the bookmark: the same URL in a fresh page gives the same rows
            b.open("trail/entries.xhtml?user=regulator&action=BUNDLE_VERIFIED");
            assertEquals(filtered, matching(b));

            // a bad part of a bookmark is said in words and left out
            b.open("trail/entries.xhtml?action=BUNDLE_VERIFIED&from=yesterday");
            assertTrue(b.text("filterProblems").contains("The from date must be a day as yyyy-MM-dd"),
                    b.text("filterProblems"));
            assertEquals(filtered, matching(b));

            String cookies = portalCookies(b);
            HttpResponse<String> csv = get(href, cookies);
            assertEquals(200, csv.statusCode(), csv.body());
            String disposition = csv.headers().firstValue("Content-Disposition").orElse("");
            assertTrue(disposition.matches("attachment; filename=\"custos-trail-\\d{8}T\\d{6}Z\\.csv\""), disposition);
            assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            List<String> lines = Arrays.stream(csv.body().split("\r\n")).filter(l -> !l.isEmpty()).toList();
            assertEquals("seq,occurred_at_utc,user,roles,clinic,action,object_type,object_id,detail,entry_hash,"
                    + "prev_hash", lines.get(0));
            assertEquals(filtered, lines.size() - 1, csv.body());
            lines.subList(1, lines.size()).forEach(l -> assertTrue(l.contains(",regulator,")
                    && l.contains(",BUNDLE_VERIFIED,bundle,"), l));
            assertEquals(2, lines.stream().filter(l -> l.contains(southBundleSha)).count());

            HttpResponse<String> bad = get(PortalBrowser.BASE + "trail/export/entries.csv?to=2026-02-30", cookies);
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("The to date must be a day as yyyy-MM-dd"), bad.body());

            // the download is on the trail, and no entry of the trail is clipped
            b.open("trail/entries.xhtml");
            String newest = rowTexts(b, "trailForm:entries").get(0);
            assertTrue(newest.contains("EXPORT_DOWNLOADED") && newest.contains("trail.csv")
                    && newest.contains("action=BUNDLE_VERIFIED"), newest);
            assertNothingClipped(b, "trailForm:entries");
            b.screenshot("trail-unfiltered");
        }
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("officer-north", "evidence/upload.xhtml");
            String cookies = portalCookies(b);
            HttpResponse<String> denied = get(PortalBrowser.BASE + "trail/export/entries.csv", cookies);
            assertEquals(403, denied.statusCode());
            assertFalse(denied.body().contains("BUNDLE_VERIFIED"), "trail rows for an officer");
        }
    }

    // ---- helpers of this test ----

    /** Uploads {@code file} (as clinic {@code clinic} when a regulator) and waits for the refusal with {@code code}. */
    private static void refused(PortalBrowser b, String clinic, Path file, String code, String words) {
        b.open("evidence/upload.xhtml");
        int before = b.driver.findElements(By.cssSelector("[id='uploadForm:bundles'] tbody tr[data-ri]")).size();
        if (clinic != null) {
            chooseClinic(b, clinic);
        }
        b.chooseFile("uploadForm:bundle", file);
        b.visible("uploadForm:rejectedMessage", VERIFICATION);
        String message = b.text("uploadForm:rejectedMessage");
        assertTrue(message.startsWith("Bundle refused (" + code + "): ") && message.contains(words)
                && message.endsWith("Nothing was stored."), file.getFileName() + ": " + message);
        assertFalse(b.present("uploadForm:bundleHash"));
        assertEquals(before, b.driver.findElements(By.cssSelector("[id='uploadForm:bundles'] tbody tr[data-ri]"))
                .size(), "a refused bundle added a row");
    }

    private static void chooseClinic(PortalBrowser b, String clinic) {
        b.selectOne("uploadForm:clinic", clinic);
        b.waitUntil(Duration.ofSeconds(30), d -> clinic.equals(b.text("uploadForm:selectedClinic")));
    }

    private static int matching(PortalBrowser b) {
        String m = b.text("matching");
        assertTrue(m.matches("\\d+ entr(y|ies)"), m);
        return Integer.parseInt(m.substring(0, m.indexOf(' ')));
    }

    private static List<String> rowTexts(PortalBrowser b, String table) {
        return b.driver.findElements(By.cssSelector("[id='" + table + "'] tbody tr[data-ri]")).stream()
                .map(WebElement::getText).toList();
    }

    private static int rowsWith(PortalBrowser b, String table, String text) {
        return (int) rowTexts(b, table).stream().filter(r -> r.contains(text)).count();
    }

    /** Every cell of the table shows all of its content (nothing cut off by the column's width). */
    private static void assertNothingClipped(PortalBrowser b, String table) {
        Object clipped = ((JavascriptExecutor) b.driver).executeScript(
                "var out = [];"
                        + "document.querySelectorAll(\"[id='\" + arguments[0] + \"'] tbody td\").forEach(function (td) {"
                        + "  td.querySelectorAll('span').forEach(function (s) {"
                        + "    if (s.offsetParent !== null && (s.scrollWidth > td.clientWidth + 1"
                        + "        || s.getBoundingClientRect().right > td.getBoundingClientRect().right + 1)) {"
                        + "      out.push(s.textContent); } });"
                        + "  if (td.scrollWidth > td.clientWidth + 1) { out.push(td.textContent); } });"
                        + "return out;", table);
        assertEquals(List.of(), clipped, "clipped cells");
    }

    private static void assertKeyIdsInsideTheirColumns(PortalBrowser b) {
        assertNothingClipped(b, "uploadForm:checks");
        assertNothingClipped(b, "uploadForm:bundles");
    }

    /** The portal session's cookies of the browser (as SessionConcurrencyIT sends them). */
    private static String portalCookies(PortalBrowser b) {
        return b.driver.manage().getCookies().stream()
                .filter(c -> c.getPath() == null || "/".equals(c.getPath()) || c.getPath().startsWith("/custos"))
                .map(c -> c.getName() + "=" + c.getValue()).sorted().collect(Collectors.joining("; "));
    }

    private static HttpResponse<String> get(String url, String cookies) throws Exception {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).timeout(Duration.ofSeconds(60))
                        .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Path fixture(String path) {
        return Path.of(System.getProperty("custos.fixture.dir", "../consortium/fixtures/demo")).resolve(path);
    }

    private static byte[] bundle(int clinic) throws IOException {
        return Files.readAllBytes(fixture("bundles/clinic-" + clinic + ".zip"));
    }

    private static Path write(Path p, byte[] bytes) throws IOException {
        return Files.write(p, bytes);
    }

    /** Changes a file's bytes. */
    private interface Edit {
        /** The new content of {@code name}, or null to leave it out. */
        byte[] apply(String name, byte[] bytes);
    }

    /** The zip with every file passed through {@code edit}, in the same order. */
    private static byte[] rewrite(byte[] zip, Edit edit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip));
             ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] content = edit.apply(e.getName(), in.readAllBytes());
                if (content != null) {
                    z.putNextEntry(new ZipEntry(e.getName()));
                    z.write(content);
                    z.closeEntry();
                }
            }
        }
        return out.toByteArray();
    }

    /** Entry 3 replaced by JSON that is no AuditEvent, and the manifest listing the new file's SHA-256. */
    private static byte[] invalidEntryWithItsHashUpdated(byte[] zip) throws Exception {
        byte[][] old = new byte[1][];
        rewrite(zip, (name, bytes) -> {
            if (name.equals("access-log/000003.json")) {
                old[0] = bytes;
            }
            return bytes;
        });
        byte[] replacement = "{\"resourceType\":\"Patient\",\"id\":\"access-000003\"}".getBytes(StandardCharsets.UTF_8);
        String oldHash = sha256(old[0]);
        String newHash = sha256(replacement);
        UnaryOperator<byte[]> manifest = m -> {
            String s = new String(m, StandardCharsets.UTF_8);
            assertTrue(s.contains(oldHash), "the manifest does not list entry 3's hash");
            return s.replace(oldHash, newHash).getBytes(StandardCharsets.UTF_8);
        };
        return rewrite(zip, (name, bytes) -> name.equals("access-log/000003.json") ? replacement
                : name.equals("manifest.json") ? manifest.apply(bytes) : bytes);
    }

    private static byte[] replaceFirst(byte[] bytes, String what, String with) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(s.contains(what), what);
        return s.replaceFirst(java.util.regex.Pattern.quote(what), with).getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return "0x" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
