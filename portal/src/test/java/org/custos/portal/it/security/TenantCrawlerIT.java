package org.custos.portal.it.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.custos.portal.it.Deployments;
import org.custos.portal.it.security.Isolation.Clinic;
import org.custos.portal.ledger.testing.Anvil;
import org.custos.portal.ledger.testing.DemoFixture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.openqa.selenium.support.ui.FluentWait;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 17 item 5, the tenant-isolation crawler, on H2 against the portal syncing the demo fixture (five clinics)
 * from anvil, with officer-north's bundle verified so that bundle findings exist too. The regulator's session crawls
 * every page, link, GET form option and download it is shown ({@link Crawl}, bounded); every address it found, and
 * each with its clinic parameter swapped to another clinic, is replayed as officer-north, dpo-north and a user
 * without a portal role, and each answer is judged by {@link Isolation}: no other clinic's id or name, no regulator-
 * only page, no detail page of another clinic, never a 500. {@link AntiForgery} replays the state-changing Faces
 * posts and the sign-out without their tokens. Every answer recorded (each role, errors, resources, downloads) must
 * carry the security headers ({@link SecurityHeaders}). Figures go to the test output and
 * target/tenant-crawler.txt.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenantCrawlerIT {

    static final int MAX_PAGES = 260;
    static final int MAX_PER_PATTERN = 12;
    static final int EXTRA_PER_DETAIL_PAGE = 30;
    private static final Duration SYNC = Duration.ofMinutes(3);
    private static final Path FIXTURE = Path.of(System.getProperty("custos.fixture.dir",
            "../consortium/fixtures/demo"));
    private static final String[] NAMES = {"North Clinic", "South Clinic", "Gamma Clinic", "Delta Clinic",
        "Epsilon Clinic", "Zeta Clinic", "Eta Clinic"};

    private static Anvil anvil;
    static List<Clinic> clinics;
    static SignedInHttp regulator;
    static SignedInHttp officer;
    static SignedInHttp dpo;
    static SignedInHttp visitor;
    static Crawl crawl;
    /** Every answer of this test, any role, for the header scan. */
    static final List<SignedInHttp.Answer> RECORDED = Collections.synchronizedList(new ArrayList<>());
    /** Who → status → answers, and who → replays. */
    static final Map<String, Map<Integer, Integer>> STATUSES = new ConcurrentHashMap<>();
    /** The addresses replayed as the other users: the crawl's and the sampled detail pages. */
    static final Set<String> REPLAYED = Collections.synchronizedSet(new LinkedHashSet<>());
    /** The regulator's 200 answers by address (relative). */
    static final Map<String, String> REGULATOR_BODIES = new ConcurrentHashMap<>();
    private static final Map<String, String> FIGURES = new LinkedHashMap<>();
    private static long started;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        DemoFixture chain = DemoFixture.get();
        anvil = Anvil.startFixture(chain.stateFile);
        Properties config = Deployments.demoConfig(chain, anvil.url());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < chain.clinicIds.size(); i++) {
            names.add(chain.clinicIds.get(i) + "=" + NAMES[i]);
        }
        config.put("custos.clinic.names", String.join(";", names));
        return Deployments.portalWar(config, "the demo's ledger settings for this test's anvil, every clinic named");
    }

    @AfterAll
    static void stopAnvil() throws Exception {
        if (anvil != null) {
            anvil.close();
        }
        writeFigures();
    }

    /** Signs the four users in (the regulator waits for the sync, officer-north uploads its bundle). */
    static synchronized void signedIn() throws Exception {
        if (regulator != null) {
            return;
        }
        started = System.nanoTime();
        DemoFixture chain = DemoFixture.get();
        clinics = new ArrayList<>();
        for (int i = 0; i < chain.clinicIds.size(); i++) {
            clinics.add(new Clinic(chain.clinicIds.get(i), NAMES[i]));
        }
        regulator = SignedInHttp.signIn("regulator", "ledger/status.xhtml", b -> b.waitUntil(SYNC,
                d -> "synced".equals(b.text("ledgerForm:phase"))
                        && Long.toString(chain.head).equals(b.text("ledgerForm:verifiedNumber"))));
        officer = SignedInHttp.signIn("officer-north", "evidence/upload.xhtml", b -> {
            b.chooseFile("uploadForm:bundle", FIXTURE.resolve("bundles/clinic-0.zip"));
            b.visible("uploadForm:bundleHash", SYNC);
        });
        dpo = SignedInHttp.signIn("dpo-north", "home/dpo.xhtml", b -> { });
        visitor = SignedInHttp.signIn("visitor", "", b -> { });
        awaitEvaluated();
    }

    /** Until the on-chain evaluation has stored findings of at least three clinics. */
    private static void awaitEvaluated() {
        new FluentWait<>(regulator).withTimeout(SYNC).pollingEvery(Duration.ofSeconds(2))
                .withMessage(() -> "findings of fewer than 3 clinics after " + SYNC).until(r -> {
                    String body = r.get("compliance/findings.xhtml?current=false").body().toLowerCase();
                    return clinics.stream().filter(c -> body.contains("title=\"" + c.id().toLowerCase())).count() >= 3;
                });
    }

    @Test
    @Order(1)
    void theRegulatorsCrawlReachesEveryPageWithSeveralClinicsDataAndNo500() throws Exception {
        signedIn();
        List<String> seeds = new ArrayList<>(List.of("", "index.xhtml", "home/regulator.xhtml", "ledger/status.xhtml",
                "ledger/clinics.xhtml", "ledger/clinic.xhtml", "compliance/findings.xhtml?current=false",
                "compliance/readiness.xhtml", "dpo/requests.xhtml", "dpo/requests.csv", "evidence/upload.xhtml",
                "reports/issue.xhtml", "reports/register.xhtml", "reports/verify.xhtml", "reports/trust-anchor.pem",
                "trail/entries.xhtml", "trail/export/entries.csv", "signed-out.xhtml",
                // error pages: unknown addresses, malformed and unknown ids
                "no/such/page.xhtml", "no-such-file.txt", "ledger/block.xhtml?number=not-a-number",
                "ledger/block.xhtml?number=99999999", "ledger/event.xhtml?id=x", "ledger/event.xhtml?id=99999999",
                "compliance/finding.xhtml?key=%3Cno-such-key%3E", "dpo/request.xhtml?id=0xzz",
                "reports/download?id=no-such-report", "compliance/export/nothing.csv",
                "ledger/clinic.xhtml?clinic=not-an-id", "trail/entries.xhtml?from=yesterday",
                "compliance/export/findings.csv?severity=S9", "error/404.xhtml"));
        for (Clinic c : clinics) {
            for (String page : List.of("compliance/readiness.xhtml", "ledger/clinic.xhtml", "dpo/requests.xhtml",
                    "reports/issue.xhtml", "compliance/export/findings.fhir.json")) {
                seeds.add(page + "?clinic=" + c.id());
            }
        }
        crawl = new Crawl(regulator, MAX_PAGES, MAX_PER_PATTERN).run(seeds);
        // the detail pages the bound left out: a sample of each, spread over the clinics, asked as the regulator too
        List<SignedInHttp.Answer> answers = new ArrayList<>(crawl.answers);
        List<String> extra = new ArrayList<>();
        for (String page : List.of("ledger/event.xhtml", "compliance/finding.xhtml", "dpo/request.xhtml",
                "ledger/block.xhtml", "ledger/clinic.xhtml")) {
            for (String url : crawl.sample(page, EXTRA_PER_DETAIL_PAGE)) {
                extra.add(url);
                answers.add(regulator.get(url));
            }
        }
        answers.forEach(TenantCrawlerIT::record);
        answers.stream().filter(a -> a.status() == 200)
                .forEach(a -> REGULATOR_BODIES.put(Crawl.relative(a.url()), a.body()));
        REPLAYED.addAll(crawl.urls());
        REPLAYED.addAll(extra);
        FIGURES.put("detail pages left out by the bounds, sampled and asked as the regulator too",
                Integer.toString(extra.size()));
        // the portal's pages as an anonymous visitor: public ones answer, the others send to the sign-in
        SignedInHttp anonymous = SignedInHttp.anonymous();
        for (String path : List.of("signed-out.xhtml", "error/404.xhtml", "reports/trust-anchor.pem",
                "compliance/findings.xhtml", "no/such/page.xhtml", "ledger/block.xhtml?number=x")) {
            record(anonymous.get(path));
        }

        Map<String, Set<String>> p = crawl.parameters;
        FIGURES.put("pages and files crawled as the regulator", Integer.toString(crawl.answers.size()));
        FIGURES.put("addresses left out by the bounds", Integer.toString(crawl.skipped));
        for (String name : List.of("clinic", "number", "id", "key", "subject", "rule", "sort")) {
            FIGURES.put("values of \"" + name + "\" seen", Integer.toString(p.getOrDefault(name, Set.of()).size()));
        }
        FIGURES.put("Faces POST forms found", crawl.postForms.stream().map(f -> f.page().replaceAll("\\?.*", "")
                + "#" + f.formId()).distinct().sorted().collect(Collectors.joining(", ")));
        List<String> failures = answers.stream().filter(a -> a.status() >= 500).map(Object::toString).toList();
        assertTrue(failures.isEmpty(), "500 answers to the regulator: " + failures);
        long clinicsSeen = clinics.stream().filter(c -> p.getOrDefault("clinic", Set.of()).stream()
                .anyMatch(v -> v.equalsIgnoreCase(c.id()))).count();
        assertTrue(clinicsSeen == clinics.size(), "the crawl saw " + clinicsSeen + " of " + clinics.size() + " clinics");
        for (String kind : List.of("ledger/event.xhtml?id=", "ledger/block.xhtml?number=", "compliance/finding.xhtml?key=",
                "dpo/request.xhtml?id=", "compliance/export/", "dpo/requests.csv", "trail/export/entries.csv",
                "jakarta.faces.resource/", "error/")) {
            assertTrue(crawl.urls().stream().anyMatch(u -> u.startsWith(kind)), "the crawl reached no " + kind);
        }
    }

    @Test
    @Order(2)
    void officersDposAndUsersWithoutARoleNeverSeeAnotherClinicsDataOrARegulatorPage() throws Exception {
        signedIn();
        Replay replay = new Replay(clinics);
        List<String> urls = List.copyOf(REPLAYED);
        Map<String, List<String>> wrong = new TreeMap<>();
        wrong.putAll(replay.run(officer, clinics.get(0), urls));
        wrong.putAll(replay.run(dpo, clinics.get(0), urls));
        wrong.putAll(replay.run(visitor, null, urls));
        FIGURES.put("addresses replayed per role", Integer.toString(urls.size()));
        assertTrue(wrong.isEmpty(), wrong.size() + " replayed answers were wrong:\n" + lines(wrong));
    }

    @Test
    @Order(3)
    void aClinicParameterSwappedToAnotherClinicNeverShowsThatClinic() throws Exception {
        signedIn();
        Set<String> swapped = new LinkedHashSet<>();
        Set<String> pagesWithClinic = new LinkedHashSet<>();
        for (String url : REPLAYED) {
            if (Crawl.query(query(url)).containsKey("clinic")) {
                pagesWithClinic.add(Isolation.page(url));
                for (Clinic other : clinics.subList(1, Math.min(3, clinics.size()))) {
                    swapped.add(url.replaceAll("([?&]clinic=)[^&]*", "$1" + other.id()));
                }
            }
        }
        for (String page : pagesWithClinic) {
            swapped.add(page + "?clinic=" + clinics.get(1).id());
            swapped.add(page + "?clinic=" + clinics.get(1).id().toUpperCase().replace("0X", "0x"));
        }
        Replay replay = new Replay(clinics);
        Map<String, List<String>> wrong = new TreeMap<>();
        wrong.putAll(replay.run(officer, clinics.get(0), List.copyOf(swapped)));
        wrong.putAll(replay.run(dpo, clinics.get(0), List.copyOf(swapped)));
        FIGURES.put("addresses with the clinic swapped, replayed per role", Integer.toString(swapped.size()));
        assertTrue(wrong.isEmpty(), wrong.size() + " answers to a swapped clinic were wrong:\n" + lines(wrong));
    }

    @Test
    @Order(4)
    void facesPostsWithoutTheSessionsViewStateOrWithAnothersChangeNothing() throws Exception {
        signedIn();
        List<String> wrong = new AntiForgery(regulator, officer, dpo, crawl, clinics.get(0)).facesPosts();
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    @Order(5)
    void signOutWithoutItsTokenOrWithAnothersIsRefusedAndEndsNothing() throws Exception {
        signedIn();
        List<String> wrong = new AntiForgery(regulator, officer, dpo, crawl, clinics.get(0)).signOut(visitor);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    @Order(6)
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        signedIn();
        Map<String, List<String>> byProblem = new TreeMap<>();
        List<SignedInHttp.Answer> all;
        synchronized (RECORDED) {
            all = List.copyOf(RECORDED);
        }
        for (SignedInHttp.Answer a : all) {
            for (String problem : SecurityHeaders.problems(a)) {
                byProblem.computeIfAbsent(problem.replaceAll(": .*", ""), k -> new ArrayList<>()).add(a.toString());
            }
        }
        FIGURES.put("answers scanned for the security headers", Integer.toString(all.size()));
        FIGURES.put("header problems", Integer.toString(byProblem.size()));
        String summary = byProblem.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().size()
                + " answers, e.g. " + e.getValue().get(0)).collect(Collectors.joining("\n"));
        assertTrue(byProblem.isEmpty(), "of " + all.size() + " answers:\n" + summary);
    }

    static void record(SignedInHttp.Answer a) {
        RECORDED.add(a);
        STATUSES.computeIfAbsent(a.who(), k -> new ConcurrentHashMap<>()).merge(a.status(), 1, Integer::sum);
    }

    static String query(String url) {
        int q = url.indexOf('?');
        return q < 0 ? "" : url.substring(q + 1);
    }

    private static String lines(Map<String, List<String>> wrong) {
        return wrong.entrySet().stream().limit(40).map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n"));
    }

    private static void writeFigures() throws IOException {
        if (started == 0) {
            return;
        }
        StringBuilder out = new StringBuilder("Tenant isolation crawler\n");
        FIGURES.forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
        new TreeMap<>(STATUSES).forEach((who, s) -> out.append("answers to ").append(who).append(" by status: ")
                .append(new TreeMap<>(s)).append('\n'));
        out.append("seconds from the first sign-in: ").append((System.nanoTime() - started) / 1_000_000_000L)
                .append('\n');
        System.out.println(out);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "tenant-crawler.txt"), out);
    }

    /** The text of the first element matching {@code css} in {@code html}, or null. */
    static String text(String html, String css) {
        Element e = Jsoup.parse(html).selectFirst(css);
        return e == null ? null : e.text();
    }
}
