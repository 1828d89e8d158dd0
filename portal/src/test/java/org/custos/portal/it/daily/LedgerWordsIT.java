package org.custos.portal.it.daily;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.custos.portal.compliance.export.PortalHttp;
import org.custos.portal.compliance.export.PortalHttp.Answer;
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

/**
 * Issue 16 items 4, 5 and 9 on the ledger pages, as the signed-in regulator and compliance officer get them over
 * HTTP from the real portal syncing the demo fixture from anvil (real Keycloak sign-in): the status code and the
 * words of each page for missing, malformed, out-of-range and another clinic's ids; the portal's page for an
 * address over 8 KiB; event fields in words with their raw codes; clinics by name with the id on hover.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerWordsIT {

    private static final String SOUTH_NAME = "South Clinic";
    private static final String NO_CLINIC = "0x" + "0".repeat(64);
    private static final Pattern ADMITTED_EVENT =
            Pattern.compile("event\\.xhtml\\?id=(\\d+)\"[^>]*>ClinicAdmitted<");
    private static final Pattern ANY_EVENT = Pattern.compile("event\\.xhtml\\?id=(\\d+)\"");
    private static final Pattern FIELDS_JSON = Pattern.compile("id=\"eventFieldsJson\"[^>]*>([^<]*)<");
    private static final Pattern NOT_FOUND_TEXT = Pattern.compile("<p id=\"notFoundText\">(.*?)</p>", Pattern.DOTALL);

    private static Anvil anvil;
    /** An event of clinic-south, found by the regulator, asked for by officer-north. */
    private static long southEvent = -1;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        DemoFixture chain = DemoFixture.get();
        anvil = Anvil.startFixture(chain.stateFile);
        Properties config = Deployments.demoConfig(chain, anvil.url());
        config.put("custos.clinic.names", chain.clinicIds.get(1) + "=" + SOUTH_NAME);
        return Deployments.portalWar(config, "the demo's ledger settings for this test's anvil, and one clinic name");
    }

    @AfterAll
    static void stopAnvil() throws InterruptedException {
        if (anvil != null) {
            anvil.close();
        }
    }

    private static PortalHttp signIn(String user) throws Exception {
        return new PortalHttp(PortalBrowser.BASE, user, PortalBrowser.password());
    }

    private static volatile boolean synced;

    /** Waits until the ledger page says the sync has verified the fixture's head (a browser condition, no sleeps). */
    private static void awaitHead(long head) {
        if (synced) {
            return;
        }
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("regulator", "ledger/status.xhtml");
            b.waitUntil(Duration.ofMinutes(3), d -> "synced".equals(b.text("ledgerForm:phase"))
                    && Long.toString(head).equals(b.text("ledgerForm:verifiedNumber")));
        }
        synced = true;
    }

    @Test
    @Order(1)
    void regulatorGetsClearWordsAndTheRightStatusForEveryKindOfBadId() throws Exception {
        DemoFixture chain = DemoFixture.get();
        PortalHttp regulator = signIn("regulator");
        awaitHead(chain.head);

        Answer beyond = regulator.get("ledger/block.xhtml?number=" + (chain.head + 1000));
        assertEquals(404, beyond.status());
        assertTrue(beyond.body().contains("was not found: it is not in the verified index"), beyond.body());
        Answer huge = regulator.get("ledger/block.xhtml?number=99999999999999999999999");
        assertEquals(400, huge.status());
        assertTrue(huge.body().contains("The block number must be a whole number"), huge.body());
        Answer word = regulator.get("ledger/block.xhtml?number=abc");
        assertEquals(400, word.status());
        assertTrue(word.body().contains("The block number must be a whole number"), word.body());
        Answer negative = regulator.get("ledger/block.xhtml?number=-1");
        assertEquals(400, negative.status());
        assertTrue(negative.body().contains("The block number must be 0 or more"), negative.body());
        Answer none = regulator.get("ledger/block.xhtml");
        assertEquals(400, none.status());
        assertTrue(none.body().contains("Which block?"), none.body());

        Answer noEvent = regulator.get("ledger/event.xhtml?id=999999999999999");
        assertEquals(404, noEvent.status());
        assertTrue(noEvent.body().contains("Event not found"), noEvent.body());
        Answer badEvent = regulator.get("ledger/event.xhtml?id=%3Ci%3Ezq%3C%2Fi%3E");
        assertEquals(400, badEvent.status());
        assertTrue(badEvent.body().contains("The event id must be a whole number"), badEvent.body());
        assertFalse(badEvent.body().contains("<i>zq"), "the bad id reached the page unescaped");

        Answer zzz = regulator.get("ledger/clinic.xhtml?clinic=zzz");
        assertEquals(400, zzz.status());
        assertTrue(zzz.body().contains("Not a clinic id: expected 0x and 64 hex digits."), zzz.body());
        assertFalse(zzz.body().contains("Your clinic"), "a regulator was told about their own clinic");
        assertFalse(zzz.body().contains("no on-chain clinic id configured"), zzz.body());

        Answer absent = regulator.get("ledger/clinic.xhtml?clinic=" + NO_CLINIC);
        assertEquals(404, absent.status());
        assertTrue(absent.body().contains("Not a member of the consortium: the registry has no entry for this clinic."
                + " The proof of absence verified"), absent.body());
        assertFalse(absent.body().contains("id=\"admitted\""), "Admitted yes/no shown for a clinic that is no member");
        assertTrue(absent.body().contains("id=\"membershipVerdict\""), "the proof itself is still shown");
    }

    @Test
    @Order(2)
    void regulatorReadsEventFieldsInWordsWithTheirRawCodesAndClinicsByName() throws Exception {
        DemoFixture chain = DemoFixture.get();
        String south = chain.clinicIds.get(1);
        PortalHttp regulator = signIn("regulator");
        awaitHead(chain.head);

        Answer clinics = regulator.get("ledger/clinics.xhtml");
        assertEquals(200, clinics.status());
        assertTrue(namedLink(south).matcher(clinics.body()).find(), clinics.body());

        Answer clinic = regulator.get("ledger/clinic.xhtml?clinic=" + south);
        assertEquals(200, clinic.status());
        assertTrue(clinic.body().contains(SOUTH_NAME), "the clinic's name");
        assertTrue(clinic.body().contains("id=\"member\">yes<"), clinic.body());
        // ClinicAdmitted of a US clinic: ConsortiumRegistry.Jurisdiction 2, in words and raw
        assertTrue(clinic.body().contains("jurisdiction: US (2)"), clinic.body());
        Matcher admitted = ADMITTED_EVENT.matcher(clinic.body());
        assertTrue(admitted.find(), "no ClinicAdmitted listed first: " + clinic.body());
        Matcher any = ANY_EVENT.matcher(clinic.body());
        assertTrue(any.find());
        southEvent = Long.parseLong(any.group(1));

        Answer event = regulator.get("ledger/event.xhtml?id=" + admitted.group(1));
        assertEquals(200, event.status());
        String body = event.body();
        assertTrue(body.contains(">Meaning<") && body.contains(">Raw value<"), body);
        assertTrue(body.matches("(?s).*>jurisdiction</td>\\s*<td>US</td>\\s*"
                + "<td><span class=\"custos-hash\">2</span></td>.*"), body);
        assertTrue(namedLink(south).matcher(body).find(), "clinic by name, id on hover");
        Matcher json = FIELDS_JSON.matcher(body);
        assertTrue(json.find(), body);
        assertTrue(json.group(1).replace("&quot;", "\"").contains("\"jurisdiction\":\"2\""),
                "the decoded JSON stays for the expert: " + json.group(1));

        Answer block = regulator.get("ledger/block.xhtml?number=" + Long.parseLong(admitted.group(1)) / 1_000_000L);
        assertEquals(200, block.status());
        assertTrue(block.body().contains("jurisdiction: US (2)"), block.body());
        assertTrue(block.body().matches("(?s).*\\d+ transactions?, \\d+ events?.*"), "counts in words");
    }

    @Test
    @Order(3)
    void anOfficerGetsTheSame404AndWordsForAnotherClinicsEventAsForNoEvent() throws Exception {
        DemoFixture chain = DemoFixture.get();
        assertTrue(southEvent > 0, "runs after the regulator's test found a clinic-south event");
        PortalHttp officer = signIn("officer-north");
        awaitHead(chain.head);
        long missing = southEvent + 999_999L * 1_000_000L;

        Answer others = officer.get("ledger/event.xhtml?id=" + southEvent);
        Answer nothing = officer.get("ledger/event.xhtml?id=" + missing);
        assertEquals(404, others.status());
        assertEquals(404, nothing.status());
        assertEquals(notFoundText(nothing).replace(Long.toString(missing), "N"),
                notFoundText(others).replace(Long.toString(southEvent), "N"));
        assertFalse(others.body().contains(chain.clinicIds.get(1)), "the other clinic's id reached the page");
        assertFalse(others.body().contains(SOUTH_NAME), "the other clinic's name reached the page");

        Answer beyond = officer.get("ledger/block.xhtml?number=" + (chain.head + 1000));
        assertEquals(404, beyond.status());

        Answer zzz = officer.get("ledger/clinic.xhtml?clinic=zzz");
        assertEquals(400, zzz.status());
        assertTrue(zzz.body().contains("Not a clinic id: expected 0x and 64 hex digits."), zzz.body());
        assertFalse(zzz.body().contains("no on-chain clinic id configured"), zzz.body());
        // the DPO workspace's request page: a request that does not exist, a malformed and a missing id
        for (String query : new String[] {"?id=" + NO_CLINIC, "?id=zzz", ""}) {
            Answer request = officer.get("dpo/request.xhtml" + query);
            assertEquals(404, request.status(), "dpo/request.xhtml" + query);
            assertTrue(request.body().contains("Request not found"), request.body());
        }
        // another clinic's page and a clinic that does not exist: the same refusal
        assertEquals(403, officer.get("ledger/clinic.xhtml?clinic=" + chain.clinicIds.get(1)).status());
        assertEquals(403, officer.get("ledger/clinic.xhtml?clinic=" + NO_CLINIC).status());
    }

    /**
     * As a browser asks (HTTP/1.1; the JDK client's h2c upgrade would put the address in an HTTP/2 header block
     * instead, which no browser does over plain http): the signed-in browser's cookies, a 9 and a 20 KiB query.
     */
    @Test
    @Order(4)
    void anAddressOver8KiBGetsThePortalsPageWithA414() throws Exception {
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("officer-north", "ledger/status.xhtml");
            String cookies = b.driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            for (int kib : new int[] {9, 20}) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(PortalBrowser.BASE
                                + "ledger/status.xhtml?q=" + "x".repeat(kib * 1024))).header("Cookie", cookies).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(414, answer.statusCode(), kib + " KiB");
                assertTrue(answer.body().contains("Address too long"), kib + " KiB: " + answer.body());
                assertTrue(answer.body().contains("id=\"footer\""), "the portal's layout, not a bare listener answer");
            }
            HttpResponse<String> fine = http.send(HttpRequest.newBuilder(URI.create(PortalBrowser.BASE
                    + "ledger/status.xhtml?q=" + "x".repeat(7 * 1024))).header("Cookie", cookies).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, fine.statusCode());
            assertTrue(fine.body().contains("Verified ledger"), "7 KiB: the page itself");

            b.open("ledger/status.xhtml?q=" + "x".repeat(20 * 1024));
            assertEquals("Address too long", b.text("errorTitle"));
        }
    }

    /** A link showing the clinic's name with its full id as the title (hover). */
    private static Pattern namedLink(String clinicId) {
        return Pattern.compile("<a [^>]*title=\"" + clinicId + "\"[^>]*>" + SOUTH_NAME + "</a>");
    }

    private static String notFoundText(Answer a) {
        Matcher m = NOT_FOUND_TEXT.matcher(a.body());
        assertTrue(m.find(), a.body());
        return m.group(1);
    }
}
