package org.custos.portal.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.custos.portal.it.Deployments;
import org.custos.portal.it.PortalBrowser;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WindowType;

/**
 * Issue 17, item 2 and item 3's health endpoint, against the real portal, Keycloak and Chromium (docs/security.md,
 * "Sessions" and "Health"):
 * <ul>
 * <li>the session cookie, as the portal sends it ({@code Set-Cookie} of a real response) and as the browser keeps
 * it after sign-in: {@code HttpOnly}, {@code SameSite=Lax}, and not {@code Secure} over plain HTTP (not
 * configured);</li>
 * <li>a new session id at sign-in: the id the browser held before sign-in, and an id planted by someone else
 * before the victim signed in, are not signed in afterwards;</li>
 * <li>sign-out in one tab takes the other tab of the same browser to the signed-out page without any action there,
 * and that tab's next page asks for the password (the portal and Keycloak sessions have ended); the signed-out page
 * opened by itself moves no tab;</li>
 * <li>{@code /health}, {@code /health/live}, {@code /health/ready} answer anyone with the checks' names and UP or
 * DOWN only (Payara writes an empty {@code data} object for each check: it must stay empty).</li>
 * </ul>
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionSecurityIT {

    private static final String ROOT = "http://localhost:" + System.getProperty("custos.it.port", "18080");
    private static final String COOKIE = "JSESSIONID";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.portalWar();
    }

    @Test
    void theSessionCookieSentBeforeSignInIsHttpOnlyAndSameSiteLaxAndNotSecureOverHttp() throws Exception {
        HttpResponse<String> answer = get(PortalBrowser.BASE + "compliance/findings.xhtml", null);
        assertTrue(answer.statusCode() == 302 || answer.statusCode() == 303, "to sign-in: " + answer.statusCode());
        String setCookie = sessionSetCookie(answer);
        Set<String> attributes = attributes(setCookie);
        assertTrue(attributes.contains("httponly"), setCookie);
        assertTrue(attributes.contains("samesite=lax"), setCookie);
        assertFalse(attributes.contains("secure"), "Secure over plain HTTP without CUSTOS_SECURE_COOKIES: " + setCookie);
        assertTrue(attributes.contains("path=/custos"), setCookie);
    }

    @Test
    void signingInGivesTheBrowserANewSessionIdAndTheOldOneIsNotSignedIn() throws Exception {
        try (PortalBrowser b = new PortalBrowser()) {
            b.driver.get(PortalBrowser.BASE + "ledger/status.xhtml");
            b.visible("username");
            Map<String, Object> before = browserCookie(b);
            assertNotNull(before, "the OpenID mechanism keeps its state in a session before sign-in");
            b.signInOnForm("regulator");
            Map<String, Object> after = browserCookie(b);
            assertNotNull(after);
            assertNotEquals(before.get("value"), after.get("value"), "the session id did not change at sign-in");
            for (Map<String, Object> cookie : List.of(before, after)) {
                assertEquals(Boolean.TRUE, cookie.get("httpOnly"), cookie.toString());
                assertEquals("Lax", cookie.get("sameSite"), cookie.toString());
                assertEquals(Boolean.FALSE, cookie.get("secure"), cookie.toString());
            }
            assertSignedIn((String) after.get("value"), "ledger/status.xhtml", "regulator");
            assertNotSignedIn((String) before.get("value"), "ledger/status.xhtml");
            // and the browser goes on in its new session
            b.open("ledger/status.xhtml");
            assertEquals("regulator", b.text("identity-user"));
        }
    }

    /** Session fixation: an attacker's session id planted in the victim's browser never becomes signed in. */
    @Test
    void aSessionIdPlantedBeforeSignInIsNotSignedInAfterIt() throws Exception {
        String page = "compliance/findings.xhtml";
        String planted = cookieValue(sessionSetCookie(get(PortalBrowser.BASE + page, null)));
        try (PortalBrowser b = new PortalBrowser()) {
            b.driver.get(PortalBrowser.BASE + "signed-out.xhtml");
            b.driver.manage().addCookie(new Cookie.Builder(COOKIE, planted).path("/custos").isHttpOnly(true).build());
            b.signIn("officer-north", page);
            assertEquals("officer-north", b.text("identity-user"));
            String own = (String) browserCookie(b).get("value");
            assertNotEquals(planted, own, "the planted session id was kept through sign-in");
            assertNotSignedIn(planted, page);
            assertSignedIn(own, page, "officer-north");
        }
    }

    @Test
    void signingOutInOneTabTakesTheOtherTabToTheSignedOutPage() {
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("dpo-north", "compliance/findings.xhtml");
            String first = b.driver.getWindowHandle();
            b.driver.switchTo().newWindow(WindowType.TAB);
            b.open("dpo/requests.xhtml");
            assertEquals("dpo-north", b.text("identity-user"));
            String second = b.driver.getWindowHandle();

            // the signed-out page opened by itself (e.g. a link from another site) moves no tab
            b.driver.switchTo().newWindow(WindowType.TAB);
            b.driver.get(PortalBrowser.BASE + "signed-out.xhtml");
            b.visible("signedOutTitle");
            b.driver.close();
            b.driver.switchTo().window(second);
            assertTrue(b.url().contains("dpo/requests.xhtml"), b.url());
            assertEquals("dpo-north", b.text("identity-user"));

            b.driver.switchTo().window(first);
            b.signOut();
            b.driver.switchTo().window(second);
            // no action in this tab: it was told by the tab that signed out
            b.visible("signedOutTitle", Duration.ofSeconds(20));
            assertTrue(b.url().endsWith("/custos/signed-out.xhtml"), b.url());
            assertFalse(b.present("identity-user"));
            // its next action asks for the password: the portal session and the Keycloak session have ended
            b.driver.get(PortalBrowser.BASE + "dpo/requests.xhtml");
            b.visible("username");
            assertFalse(b.url().startsWith(PortalBrowser.BASE), b.url());
        }
    }

    @Test
    void healthAnswersAnyoneWithNamesAndStatusOnly() throws Exception {
        assertStatusOnly("/health/live", Set.of("portal"), true);
        assertStatusOnly("/health/ready", Set.of("database", "ledger"), false);
        assertStatusOnly("/health", Set.of("portal", "database", "ledger"), false);
    }

    private static void assertStatusOnly(String path, Set<String> names, boolean mustBeUp) throws Exception {
        HttpResponse<String> answer = get(ROOT + path, null);
        String body = answer.body();
        assertTrue(answer.statusCode() == 200 || (!mustBeUp && answer.statusCode() == 503),
                path + " " + answer.statusCode() + " " + body);
        JsonNode root = new ObjectMapper().readTree(body);
        assertEquals(Set.of("status", "checks"), fieldNames(root), path + ": " + body);
        assertTrue(Set.of("UP", "DOWN").contains(root.get("status").asText()), body);
        Set<String> seen = new HashSet<>();
        for (JsonNode check : root.get("checks")) {
            // Payara writes "data": {} for a check without data; anything in it would be shown to anyone
            JsonNode data = check.get("data");
            assertTrue(data == null || (data.isObject() && data.isEmpty()), path + ": a check with data: " + check);
            Set<String> keys = fieldNames(check);
            keys.remove("data");
            assertEquals(Set.of("name", "status"), keys, path + ": a check with more: " + check);
            assertTrue(Set.of("UP", "DOWN").contains(check.get("status").asText()), check.toString());
            seen.add(check.get("name").asText());
        }
        assertEquals(names, seen, path + ": " + body);
        String lower = body.toLowerCase(Locale.ROOT);
        for (String leak : List.of("endpoint", "chainid", "head", "schema", "product", "trail", "version",
                "error", "h2", "postgres", "jdbc", "http", "payara", "exception")) {
            assertFalse(lower.contains(leak), path + " shows '" + leak + "': " + body);
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertSignedIn(String sessionId, String page, String user) throws Exception {
        HttpResponse<String> answer = get(PortalBrowser.BASE + page, sessionId);
        assertEquals(200, answer.statusCode(), "with the new session id");
        assertTrue(answer.body().contains("id=\"identity-user\">" + user + "<"), "not signed in as " + user);
    }

    private static void assertNotSignedIn(String sessionId, String page) throws Exception {
        HttpResponse<String> answer = get(PortalBrowser.BASE + page, sessionId);
        String location = answer.headers().firstValue("Location").orElse("");
        assertTrue(answer.statusCode() == 302 || answer.statusCode() == 303,
                "the old session id still reaches the page: " + answer.statusCode());
        assertTrue(location.contains("/protocol/openid-connect/auth"), "not sent to sign-in: " + location);
        assertFalse(answer.body().contains("identity-user"));
    }

    private static HttpResponse<String> get(String url, String sessionId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (sessionId != null) {
            request.header("Cookie", COOKIE + "=" + sessionId);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The one Set-Cookie header of the session cookie in {@code answer}. */
    private static String sessionSetCookie(HttpResponse<String> answer) {
        List<String> found = new ArrayList<>();
        for (String header : answer.headers().allValues("Set-Cookie")) {
            if (header.startsWith(COOKIE + "=")) {
                found.add(header);
            }
        }
        assertEquals(1, found.size(), "session cookies set: " + answer.headers().allValues("Set-Cookie"));
        return found.get(0);
    }

    private static String cookieValue(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        return pair.substring(pair.indexOf('=') + 1);
    }

    /** The attributes of a Set-Cookie header, lower-case, without spaces ("httponly", "samesite=lax", ...). */
    private static Set<String> attributes(String setCookie) {
        Set<String> out = new HashSet<>();
        String[] parts = setCookie.split(";");
        for (int i = 1; i < parts.length; i++) {
            out.add(parts[i].trim().toLowerCase(Locale.ROOT).replace(" ", ""));
        }
        return out;
    }

    /** The portal's session cookie as the browser keeps it (whatever page it shows), or null. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> browserCookie(PortalBrowser b) {
        Map<String, Object> answer = b.driver.executeCdpCommand("Network.getCookies",
                Map.of("urls", List.of(PortalBrowser.BASE)));
        for (Map<String, Object> cookie : (List<Map<String, Object>>) answer.get("cookies")) {
            if (COOKIE.equals(cookie.get("name"))) {
                return cookie;
            }
        }
        return null;
    }
}
