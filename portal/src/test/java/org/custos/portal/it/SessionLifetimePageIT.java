package org.custos.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Issue 13, E13: a regulator's form outlives the access token. With access tokens of {@link #LIFESPAN} seconds
 * (set through Keycloak's admin API for this test), a status change typed on a page and saved after the token
 * expired is saved (the portal refreshed the tokens); once the Keycloak session has been ended, or the portal
 * session is gone, the same ajax action says "Your session has ended; sign in again" in the page, nothing is
 * saved, and the typed reason is kept: shown, and filled in again after signing in again. Before the fix the
 * ajax request was redirected to Keycloak, the browser dropped it, and the reason was lost without a word.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionLifetimePageIT {

    /**
     * Seconds an access token lives during this test. Jakarta Security treats a token as expired
     * {@code tokenMinValidity} (10 s) before its end, so 20 s leaves a 10 s window for a page to load on a token.
     */
    private static final int LIFESPAN = 20;
    private static final String ENDED = "Your session has ended; sign in again.";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.portalWar(SessionFixtureFinding.class);
    }

    @BeforeAll
    static void shortTokens() throws Exception {
        new KeycloakAdmin().setAccessTokenLifespan(LIFESPAN);
    }

    @AfterAll
    static void usualTokens() throws Exception {
        new KeycloakAdmin().setAccessTokenLifespan(300);
    }

    @Test
    void aStatusChangeSavedAfterTheAccessTokenExpiredIsSaved() {
        String key = SessionFixtureFinding.finding("refreshed").key();
        String reason = "Confirmed with the clinic while the token expired, ticket REG-" + System.nanoTime();
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("regulator", findingPath(key));
            assertEquals("OPEN", b.text("status"));
            b.selectOne("findingForm:newStatus", "ACCEPTED");
            b.type("findingForm:reason", reason);
            waitPastTokenLifetime(Instant.now());
            b.clickCentred("findingForm:save");
            b.waitUntil(Duration.ofSeconds(30), d -> "ACCEPTED".equals(b.text("status")));
            assertTrue(b.text("statusReason").contains(reason), b.text("statusReason"));
            assertFalse(b.driver.findElement(By.id("sessionEnded")).isDisplayed(), "told the session ended");
            b.screenshot("session-refreshed-save");

            b.open("trail/entries.xhtml");
            assertEquals("regulator", b.text("identity-user"));
            String trail = b.text("trailForm:entries");
            assertTrue(trail.contains("OPEN -> ACCEPTED: " + reason), trail);
        }
    }

    @Test
    void whenTheKeycloakSessionEndsAnAjaxActionSaysSoAndKeepsTheTypedReason() throws Exception {
        String key = SessionFixtureFinding.finding("ended").key();
        String reason = "Typed before the session ended, ticket REG-" + System.nanoTime();
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("regulator", findingPath(key));
            b.selectOne("findingForm:newStatus", "ACCEPTED");
            b.type("findingForm:reason", reason);
            new KeycloakAdmin().logoutUser("regulator");
            // the portal asks Keycloak only when its tokens have expired: until then it cannot know
            waitPastTokenLifetime(Instant.now());
            b.clickCentred("findingForm:save");
            assertEndedAndKept(b, reason);
            b.screenshot("session-ended-message");

            b.driver.findElement(By.id("sessionEndedSignIn")).click();
            b.signInOnForm("regulator");
            assertEquals("OPEN", b.text("status"), "a change was saved after the session ended");
            assertEquals(reason, b.driver.findElement(By.id("findingForm:reason")).getAttribute("value"));
            assertTrue(b.visible("sessionRestored").isDisplayed());

            // and the restored reason saves normally in the new session
            b.selectOne("findingForm:newStatus", "ACCEPTED");
            b.clickCentred("findingForm:save");
            b.waitUntil(Duration.ofSeconds(30), d -> "ACCEPTED".equals(b.text("status")));
            assertTrue(b.text("statusReason").contains(reason), b.text("statusReason"));
        }
    }

    /** A portal session that timed out (here: its cookie dropped) is told in words too, without any waiting. */
    @Test
    void anAjaxActionWithoutAPortalSessionSaysSo() {
        String key = SessionFixtureFinding.finding("timed-out").key();
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("regulator", findingPath(key));
            String reason = "Typed in a session that timed out " + System.nanoTime();
            b.type("findingForm:reason", reason);
            b.driver.manage().deleteCookieNamed("JSESSIONID");
            b.clickCentred("findingForm:save");
            assertEndedAndKept(b, reason);
        }
    }

    private static void assertEndedAndKept(PortalBrowser b, String reason) {
        assertEquals(ENDED, b.text("sessionEndedTitle"));
        assertTrue(b.text("sessionEndedText").contains(reason), b.text("sessionEndedText"));
        assertEquals(reason, b.driver.findElement(By.id("findingForm:reason")).getAttribute("value"),
                "the typed reason left the form");
        assertEquals("OPEN", b.text("status"));
    }

    private static String findingPath(String key) {
        return "compliance/finding.xhtml?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    /**
     * Waits until every token issued up to {@code lastRequest} has expired: {@link #LIFESPAN} seconds and one more
     * after it. Any earlier request of the page may have refreshed the tokens, so the wait starts at the last one.
     * The one wait on time in the browser tests, because an expiry is what is tested; it is bounded by LIFESPAN.
     */
    private static void waitPastTokenLifetime(Instant lastRequest) {
        Duration left = Duration.between(Instant.now(), lastRequest.plusSeconds(LIFESPAN + 1L));
        if (!left.isNegative()) {
            try {
                Thread.sleep(left.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the token to expire", e);
            }
        }
    }
}
