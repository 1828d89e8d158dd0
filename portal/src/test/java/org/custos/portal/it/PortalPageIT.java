package org.custos.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The portal in headless Chromium, signing in through the real Keycloak login form as each demo user: what
 * each role sees, what each role is refused (on the server: typed URLs get 403), the trail of sign-ins and
 * sign-outs, logout ending the Keycloak session, error pages without stack traces, and the health endpoint.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalPageIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.portalWar();
    }

    /** The highest Flyway version among the portal's migrations: the schema version the portal must report. */
    private static String newestMigration() {
        try (java.util.stream.Stream<java.nio.file.Path> files =
                     java.nio.file.Files.walk(java.nio.file.Path.of("src/main/resources/db/migration"))) {
            return Integer.toString(files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void regulatorSeesLedgerDatabaseAndTrailOfAllClinics() {
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("regulator", "");
            assertTrue(b.url().endsWith("/home/regulator.xhtml"), b.url());
            assertEquals("regulator", b.text("identity-user"));
            assertEquals("regulator", b.text("identity-role"));
            assertFalse(b.present("identity-clinic"));
            assertEquals(System.getProperty("custos.it.chain-id", "4242"), b.text("ledgerChainId"));
            assertTrue(b.text("ledgerClient").startsWith("anvil/"), b.text("ledgerClient"));
            assertEquals(newestMigration(), b.text("schemaVersion"));
            assertTrue(b.text("trailVerdict").startsWith("intact"), b.text("trailVerdict"));
            assertTrue(b.present("navForm:navTrail"));
            b.screenshot("regulator-home");

            b.open("trail/entries.xhtml");
            assertTrue(b.text("trailForm:entries").contains("SIGN_IN"));
            assertTrue(b.text("trailForm:entries").contains("regulator"));
            b.click("trailForm:verify");
            assertTrue(b.text("trailForm:verdictText").startsWith("intact"), b.text("trailForm:verdictText"));
            b.screenshot("regulator-trail");
        }
    }

    @Test
    void signInAndSignOutAreRecordedAndLogoutEndsTheKeycloakSession() {
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("dpo-north", "");
            assertTrue(b.url().endsWith("/home/dpo.xhtml"), b.url());
            b.signOut();
            // the Keycloak session is gone too: the portal asks for the password again
            b.driver.get(PortalBrowser.BASE);
            assertTrue(b.visible("username").isDisplayed());
        }
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("regulator", "trail/entries.xhtml");
            String trail = b.text("trailForm:entries");
            assertTrue(trail.contains("dpo-north"), trail);
            assertTrue(trail.contains("SIGN_OUT"), trail);
        }
    }

    @Test
    void complianceOfficerSeesOwnClinicAndGets403OnRegulatorPages() {
        try (PortalBrowser north = new PortalBrowser()) {
            north.signIn("officer-north", "");
        }
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("officer-south", "");
            assertTrue(b.url().endsWith("/home/officer.xhtml"), b.url());
            assertEquals("compliance-officer", b.text("identity-role"));
            assertEquals("clinic-south", b.text("identity-clinic"));
            assertEquals("clinic-south", b.text("clinicId"));
            assertFalse(b.present("navForm:navTrail"));
            String ownTrail = b.text("clinicTrail");
            assertTrue(ownTrail.contains("officer-south"), ownTrail);
            assertFalse(ownTrail.contains("officer-north"), "another clinic's entries leaked: " + ownTrail);
            b.screenshot("officer-home");

            for (String regulatorOnly : new String[] {"trail/entries.xhtml", "home/regulator.xhtml", "home/dpo.xhtml"}) {
                b.open(regulatorOnly);
                assertEquals("Access denied", b.text("errorTitle"), regulatorOnly);
            }
            b.screenshot("officer-403");
        }
    }

    @Test
    void dpoSeesOwnClinic() {
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("dpo-north", "");
            assertEquals("dpo", b.text("identity-role"));
            assertEquals("clinic-north", b.text("clinicId"));
            b.open("home/officer.xhtml");
            assertEquals("Access denied", b.text("errorTitle"));
        }
    }

    @Test
    void userWithoutPortalRoleGets403() {
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("visitor", "");
            assertEquals("Access denied", b.text("errorTitle"));
            assertEquals("no portal role", b.text("identity-role"));
            assertFalse(b.present("navForm"));
            b.signOut();
        }
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("regulator", "trail/entries.xhtml");
            String trail = b.text("trailForm:entries");
            assertTrue(trail.contains("visitor"), "the refused user's sign-in must be in the trail: " + trail);
        }
    }

    @Test
    void errorPagesShowNoStackTrace() {
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("regulator", "no-such-page.xhtml");
            assertEquals("Page not found", b.text("errorTitle"));
            String shown = b.text("main");
            assertFalse(shown.contains("Exception"), shown);
            assertFalse(shown.contains("at org."), shown);
            assertFalse(b.source().contains("at org.custos"), "a stack frame reached the page");
        }
    }

    /**
     * Soteria treats a token as expired {@code tokenMinValidity} (10 s) before its end, so a 30 s lifespan
     * gives a 20 s window; then the portal must send the user back to Keycloak, which refuses a disabled user.
     */
    @Test
    void disabledUserLosesAccessWhenTheTokenExpires() throws Exception {
        KeycloakAdmin admin = new KeycloakAdmin();
        admin.setAccessTokenLifespan(30);
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("officer-north", "home/officer.xhtml");
            assertEquals("officer-north", b.text("identity-user"));
            admin.setUserEnabled("officer-north", false);
            // still signed in until the token expires: the portal holds no state Keycloak cannot end
            b.waitUntil(java.time.Duration.ofSeconds(60), d -> {
                d.navigate().refresh();
                return !d.getCurrentUrl().startsWith(PortalBrowser.BASE);
            });
            assertFalse(b.source().contains("identity-user"), "the disabled user still sees the portal");
        } finally {
            admin.setUserEnabled("officer-north", true);
            admin.setAccessTokenLifespan(300);
        }
    }

    @Test
    void healthEndpointReportsDatabaseAndLedger() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + System.getProperty("custos.it.port", "18080") + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"database\""), health.body());
        assertTrue(health.body().contains("\"ledger\""), health.body());
        assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
    }
}
