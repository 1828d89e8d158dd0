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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import java.util.Properties;
import org.custos.portal.ledger.testing.Anvil;
import org.custos.portal.ledger.testing.DemoFixture;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;

/**
 * Issue 13, E12: signed-in users under concurrent use, on a portal that synced the demo chain. Eight sessions,
 * each signed in through the real Keycloak form in Chromium (five regulators, two compliance officers of
 * different clinics, a DPO), then many requests in flight at once per session and across sessions, over plain HTTP
 * with each session's cookie, while anonymous visitors ask for the public signed-out page (as people signing in
 * and out do in production): once with everyone signed in first, once with users signing in while the others'
 * loops run. Every signed-in answer must be 200 and name its own user with its own role. The examination saw 7-13 %
 * of the regulators' answers as the 403 page with "regulator · no portal role"; see {@code SessionMechanismDecorator}
 * and docs/decisions.md, D13 (on this machine the race did not show, with or without the fix).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionConcurrencyIT {

    private static final Pattern USER = Pattern.compile("id=\"identity-user\">([^<]*)<");
    private static final Pattern ROLE = Pattern.compile("id=\"identity-role\">([^<]*)<");
    /** Requests each loop sends one after another; loops of one session run at the same time. */
    private static final int REQUESTS_PER_LOOP = 8;
    private static final Duration BOUND = Duration.ofMinutes(4);
    /** When loops run until every user has signed in: at most this many requests each. */
    private static final int MAX_PER_LOOP = 30;
    /** Who signs in, where their loops ask, and how many loops each session runs at once. */
    private static final List<Session> SESSIONS = List.of(
            new Session("regulator", "regulator", "ledger/clinics.xhtml", 10, null),
            new Session("regulator", "regulator", "ledger/clinics.xhtml", 10, null),
            new Session("regulator", "regulator", "ledger/clinics.xhtml", 10, null),
            new Session("regulator", "regulator", "ledger/clinics.xhtml", 10, null),
            new Session("regulator", "regulator", "ledger/clinics.xhtml", 10, null),
            new Session("officer-north", "compliance-officer", "compliance/findings.xhtml", 8, null),
            new Session("officer-south", "compliance-officer", "compliance/findings.xhtml", 8, null),
            new Session("dpo-north", "dpo", "compliance/findings.xhtml", 8, null));
    /** Anonymous visitors of the public signed-out page, in flight with the sessions' loops. */
    private static final Session ANONYMOUS = new Session(null, null, "signed-out.xhtml", 10, null);

    private record Session(String user, String role, String page, int loops, String cookies) {
    }

    private static final Pattern TITLE = Pattern.compile("id=\"errorTitle\">([^<]*)<");
    private static Anvil anvil;

    /** The portal as the demo runs it: syncing the demo chain, so the clinics page lists (and counts) clinics. */
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
    void everyConcurrentAnswerIsOkAndNamesItsOwnUserAndRole() throws Exception {
        awaitSynced();
        List<Session> sessions = new ArrayList<>();
        for (Session s : SESSIONS) {
            sessions.add(signIn(s));
        }
        assertEquals(sessions.size(), sessions.stream().map(Session::cookies).distinct().count(),
                "each sign-in must have its own session");
        Load load = new Load();
        CountDownLatch start = new CountDownLatch(1);
        for (Session s : sessions) {
            load.submit(s, start, r -> r < REQUESTS_PER_LOOP);
        }
        load.submit(ANONYMOUS, start, r -> r < REQUESTS_PER_LOOP);
        start.countDown();
        load.finish();
        int loops = sessions.stream().mapToInt(Session::loops).sum() + ANONYMOUS.loops();
        assertEquals(loops * REQUESTS_PER_LOOP, load.answers.get(), "requests that got no answer");
        load.assertNoneWrong();
    }

    /**
     * The same, with each session's loops starting as soon as it has signed in, while the next users sign in
     * through Keycloak (callbacks, new sessions, unauthenticated requests amid the load), until all have.
     */
    @Test
    void sessionsSigningInWhileOthersAreBusyAllGetTheirOwnRoles() throws Exception {
        awaitSynced();
        Load load = new Load();
        AtomicBoolean signingIn = new AtomicBoolean(true);
        CountDownLatch now = new CountDownLatch(0);
        java.util.function.IntPredicate more = r -> r < MAX_PER_LOOP && (signingIn.get() || r < REQUESTS_PER_LOOP);
        load.submit(ANONYMOUS, now, more);
        try {
            for (Session s : SESSIONS) {
                load.submit(signIn(s), now, more);
            }
        } finally {
            signingIn.set(false);
        }
        load.finish();
        assertTrue(load.answers.get() >= (SESSIONS.stream().mapToInt(Session::loops).sum() + ANONYMOUS.loops())
                * REQUESTS_PER_LOOP, "too few answers: " + load.answers.get());
        load.assertNoneWrong();
    }

    /** Loops of requests on a pool of their own, and what was wrong with their answers. */
    private static final class Load {
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(30)).build();
        final ExecutorService pool = Executors.newCachedThreadPool();
        final AtomicInteger answers = new AtomicInteger();
        final ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();

        /** Starts the session's loops; each sends requests one after another while {@code more} holds. */
        void submit(Session s, CountDownLatch start, java.util.function.IntPredicate more) {
            for (int loop = 0; loop < s.loops(); loop++) {
                pool.submit(() -> {
                    start.await();
                    for (int r = 0; more.test(r); r++) {
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

        void finish() throws InterruptedException {
            pool.shutdown();
            try {
                assertTrue(pool.awaitTermination(BOUND.toSeconds(), TimeUnit.SECONDS),
                        "the requests did not finish within " + BOUND);
            } finally {
                pool.shutdownNow();
            }
        }

        void assertNoneWrong() {
            assertTrue(wrong.isEmpty(), wrong.size() + " of " + answers.get() + " answers were wrong, e.g. "
                    + wrong.stream().limit(5).collect(Collectors.joining("; ")));
        }
    }

    private static volatile boolean synced;

    private static void awaitSynced() throws Exception {
        if (synced) {
            return;
        }
        DemoFixture chain = DemoFixture.get();
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn("regulator", "ledger/status.xhtml");
            b.waitUntil(Duration.ofMinutes(3), d -> "synced".equals(b.text("ledgerForm:phase"))
                    && Long.toString(chain.head).equals(b.text("ledgerForm:verifiedNumber")));
        }
        synced = true;
    }

    /** Signs in through the real Keycloak form and keeps the portal session's cookies; the browser then closes. */
    private static Session signIn(Session who) {
        try (PortalBrowser b = new PortalBrowser()) {
            b.signIn(who.user(), who.page());
            assertEquals(who.user(), b.text("identity-user"));
            assertEquals(who.role(), b.text("identity-role"));
            String cookies = b.driver.manage().getCookies().stream()
                    .filter(c -> c.getPath() == null || "/".equals(c.getPath()) || c.getPath().startsWith("/custos"))
                    .map(c -> c.getName() + "=" + c.getValue()).sorted().collect(Collectors.joining("; "));
            assertTrue(b.driver.manage().getCookies().stream().map(Cookie::getName).anyMatch("JSESSIONID"::equals),
                    "no session cookie after sign-in");
            return new Session(who.user(), who.role(), who.page(), who.loops(), cookies);
        }
    }

    private static HttpRequest request(Session s) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(PortalBrowser.BASE + s.page()))
                .timeout(Duration.ofSeconds(90)).GET();
        return s.cookies() == null ? b.build() : b.header("Cookie", s.cookies()).build();
    }

    /** Null when the answer is right, else what was wrong with it. */
    private static String check(Session s, HttpResponse<String> answer) {
        if (s.user() == null) {
            return answer.statusCode() == 200 ? null : "anonymous on " + s.page() + ": HTTP " + answer.statusCode();
        }
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
