package org.custos.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import java.io.StringWriter;
import java.util.Properties;
import org.custos.portal.ledger.testing.Anvil;
import org.custos.portal.ledger.testing.DemoFixture;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;

/**
 * Issue 13, E12: signed-in users under concurrent use. Eight sessions, each signed in once through the real
 * Keycloak form in Chromium (five regulators, two compliance officers of different clinics, a DPO), then many
 * requests in flight at once per session and across sessions, over plain HTTP with each session's cookie, while
 * anonymous visitors ask for the public signed-out page (as people signing in, out and health probes do in
 * production). Every signed-in answer must be 200 and name its own user with its own role: before the fix 7-13 %
 * of the regulators' answers were the 403 page with "regulator · no portal role" (Payara lost the session's
 * groups in a race on a security context that threads without one of their own share, such as threads that just
 * served an anonymous request; see {@code SessionMechanismDecorator}); one request at a time never showed it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionConcurrencyIT {

    private static final Pattern USER = Pattern.compile("id=\"identity-user\">([^<]*)<");
    private static final Pattern ROLE = Pattern.compile("id=\"identity-role\">([^<]*)<");
    /** Requests each loop sends one after another; loops of one session run at the same time. */
    private static final int REQUESTS_PER_LOOP = 8;
    private static final Duration BOUND = Duration.ofMinutes(4);
    /** Loops of anonymous requests for the public signed-out page, in flight with the sessions' loops. */
    private static final int ANONYMOUS_LOOPS = 10;
    private static final String PUBLIC_PAGE = "signed-out.xhtml";

    private record Session(String user, String role, String page, int loops, String cookies) {
    }

    private static final Pattern TITLE = Pattern.compile("id=\"errorTitle\">([^<]*)<");
    private static Anvil anvil;

    /** The portal as the demo runs it: syncing the demo chain, so the clinics page lists (and counts) clinics. */
    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        DemoFixture chain = DemoFixture.get();
        anvil = Anvil.startFixture(chain.stateFile);
        Properties config = new Properties();
        config.putAll(chain.config(anvil.url()));
        config.put("custos.ledger.clinics", "clinic-north=" + chain.clinicIds.get(0) + ",clinic-south="
                + chain.clinicIds.get(1));
        StringWriter text = new StringWriter();
        config.store(text, "the demo's ledger settings (scripts/lib/portal.sh) for this test's anvil");
        return Deployments.portalWar()
                .addAsResource(new StringAsset(text.toString()), "META-INF/microprofile-config.properties");
    }

    @AfterAll
    static void stopAnvil() throws InterruptedException {
        if (anvil != null) {
            anvil.close();
        }
    }

    @Test
    void everyConcurrentAnswerIsOkAndNamesItsOwnUserAndRole() throws Exception {
        DemoFixture chain = DemoFixture.get();
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("regulator", "ledger/status.xhtml");
            b.waitUntil(Duration.ofMinutes(3), d -> "synced".equals(b.text("ledgerForm:phase"))
                    && Long.toString(chain.head).equals(b.text("ledgerForm:verifiedNumber")));
        }
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sessions.add(signIn("regulator", "regulator", "ledger/clinics.xhtml", 10));
        }
        sessions.add(signIn("officer-north", "compliance-officer", "compliance/findings.xhtml", 8));
        sessions.add(signIn("officer-south", "compliance-officer", "compliance/findings.xhtml", 8));
        sessions.add(signIn("dpo-north", "dpo", "compliance/findings.xhtml", 8));
        assertEquals(sessions.size(), sessions.stream().map(Session::cookies).distinct().count(),
                "each sign-in must have its own session");

        int loops = sessions.stream().mapToInt(Session::loops).sum() + ANONYMOUS_LOOPS;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(30)).build();
        ExecutorService pool = Executors.newFixedThreadPool(loops);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger answers = new AtomicInteger();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        try {
            for (Session s : sessions) {
                for (int loop = 0; loop < s.loops(); loop++) {
                    pool.submit(() -> {
                        start.await();
                        for (int r = 0; r < REQUESTS_PER_LOOP; r++) {
                            String problem = check(s, http.send(request(s), HttpResponse.BodyHandlers.ofString()));
                            answers.incrementAndGet();
                            if (problem != null) {
                                wrong.add(problem);
                            }
                        }
                        return null;
                    });
                }
            }
            Session anonymous = new Session(null, null, PUBLIC_PAGE, ANONYMOUS_LOOPS, null);
            for (int loop = 0; loop < ANONYMOUS_LOOPS; loop++) {
                pool.submit(() -> {
                    start.await();
                    for (int r = 0; r < REQUESTS_PER_LOOP; r++) {
                        HttpResponse<String> answer =
                                http.send(request(anonymous), HttpResponse.BodyHandlers.ofString());
                        answers.incrementAndGet();
                        if (answer.statusCode() != 200) {
                            wrong.add("anonymous on " + PUBLIC_PAGE + ": HTTP " + answer.statusCode());
                        }
                    }
                    return null;
                });
            }
            start.countDown();
            pool.shutdown();
            assertTrue(pool.awaitTermination(BOUND.toSeconds(), TimeUnit.SECONDS),
                    "the requests did not finish within " + BOUND);
        } finally {
            pool.shutdownNow();
        }
        int expected = loops * REQUESTS_PER_LOOP;
        assertEquals(expected, answers.get(), "requests that got no answer (an exception in a loop)");
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + expected + " answers were wrong, e.g. "
                + wrong.stream().limit(5).collect(Collectors.joining("; ")));
    }

    /** Signs in through the real Keycloak form and keeps the portal session's cookies; the browser then closes. */
    private static Session signIn(String user, String role, String page, int loops) {
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn(user, page);
            assertEquals(user, b.text("identity-user"));
            assertEquals(role, b.text("identity-role"));
            String cookies = b.driver.manage().getCookies().stream()
                    .filter(c -> c.getPath() == null || "/".equals(c.getPath()) || c.getPath().startsWith("/custos"))
                    .map(c -> c.getName() + "=" + c.getValue()).sorted().collect(Collectors.joining("; "));
            assertTrue(b.driver.manage().getCookies().stream().map(Cookie::getName).anyMatch("JSESSIONID"::equals),
                    "no session cookie after sign-in");
            return new Session(user, role, page, loops, cookies);
        }
    }

    private static HttpRequest request(Session s) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(PortalBrowser.BASE + s.page()))
                .timeout(Duration.ofSeconds(90)).GET();
        return s.cookies() == null ? b.build() : b.header("Cookie", s.cookies()).build();
    }

    /** Null when the answer is right, else what was wrong with it. */
    private static String check(Session s, HttpResponse<String> answer) {
        String user = first(USER, answer.body());
        String role = first(ROLE, answer.body());
        if (answer.statusCode() == 200 && s.user().equals(user) && s.role().equals(role)) {
            return null;
        }
        return s.user() + " on " + s.page() + ": HTTP " + answer.statusCode() + " \"" + first(TITLE, answer.body())
                + "\", header \"" + user + " · " + role + "\"";
    }

    private static String first(Pattern p, String body) {
        Matcher m = p.matcher(body);
        return m.find() ? m.group(1).trim() : null;
    }
}
