package org.custos.portal.it.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.custos.portal.it.security.Isolation.Clinic;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * Cross-site request forgery, tried: each state-changing Faces form (a finding's status, an officer's response, a
 * DPO's case review, issuing a report, uploading a bundle) posted as its user without the session's
 * {@code jakarta.faces.ViewState}, with another session's and with a made-up one, must change nothing on the trail;
 * the same post with the session's own ViewState then does (where the test can complete the action: status,
 * response, review), so the refusals were the token's. The sign-out POST without its token, with another session's
 * or with an empty one is refused (403) and the session lives on; with its own it ends the session.
 */
final class AntiForgery {

    private final SignedInHttp regulator;
    private final SignedInHttp officer;
    private final SignedInHttp dpo;
    private final Crawl crawl;
    private final Clinic north;
    private final List<String> wrong = new ArrayList<>();

    AntiForgery(SignedInHttp regulator, SignedInHttp officer, SignedInHttp dpo, Crawl crawl, Clinic north) {
        this.regulator = regulator;
        this.officer = officer;
        this.dpo = dpo;
        this.crawl = crawl;
        this.north = north;
    }

    /** What went wrong with the Faces posts; empty when every forged post changed nothing. */
    List<String> facesPosts() throws Exception {
        String finding = northPage("compliance/finding.xhtml?key=");
        String request = northPage("dpo/request.xhtml?id=");
        if (finding == null || request == null) {
            wrong.add("the crawl found no clinic-north finding (" + finding + ") or request (" + request + ")");
            return wrong;
        }
        forge(regulator, officer, finding, "findingForm", "FINDING_STATUS_CHANGED", true, post -> {
            Document page = Jsoup.parse(regulator.get(finding).body());
            String current = post.fields.get("findingForm:newStatus_input");
            String other = page.getElementById("findingForm:newStatus_input").select("option").eachAttr("value")
                    .stream().filter(v -> !v.isEmpty() && !v.equals(current)).findFirst().orElseThrow();
            return post.set("findingForm:newStatus_input", other).set("findingForm:reason", "posted by the crawler")
                    .ajax(regulator, "findingForm:save", "findingPanel");
        });
        forge(officer, regulator, finding, "responseForm", "FINDING_RESPONSE_ADDED", true, post ->
                post.set("responseForm:note", "posted by the crawler").ajax(officer, "responseForm:respond",
                        "findingPanel"));
        forge(dpo, officer, request, "caseForm", "CASE_REVIEWED", true, post ->
                post.set("caseForm:note", "posted by the crawler").submit(dpo, "caseForm:review", "Record review"));
        forge(regulator, officer, "reports/issue.xhtml", "issue", "REPORT_ISSUED", false, post ->
                post.ajax(regulator, "issue:start", "issue"));
        byte[] bundle = Files.readAllBytes(Path.of(System.getProperty("custos.fixture.dir",
                "../consortium/fixtures/demo")).resolve("bundles/clinic-0.zip"));
        forge(officer, regulator, "evidence/upload.xhtml", "uploadForm", "BUNDLE_VERIFIED", false, post ->
                post.upload(officer, "uploadForm:bundle", "clinic-0.zip", bundle));
        return wrong;
    }

    /**
     * Posts {@code form} of {@code page} as {@code who}: without its ViewState, with {@code other}'s and with a made-up
     * one, each of which must leave {@code action}'s count on the trail as it was and not answer 500; then, when
     * {@code control}, with its own, which must add one.
     */
    private void forge(SignedInHttp who, SignedInHttp other, String page, String form, String action, boolean control,
                       Function<FacesPost, SignedInHttp.Answer> send) throws Exception {
        SignedInHttp.Answer served = who.get(page);
        FacesPost own = FacesPost.of(page, served.body(), form);
        String foreign = Optional.ofNullable(FacesPost.of(page, other.get(page).body(), form))
                .or(() -> Optional.ofNullable(firstForm(page, other))).map(FacesPost::viewState).orElse(null);
        if (own == null || own.viewState() == null || foreign == null) {
            wrong.add(who.who + ": no form " + form + " with a ViewState on " + page + " (HTTP " + served.status()
                    + ", forms " + Jsoup.parse(served.body()).select("form").eachAttr("id") + ", fields "
                    + (own == null ? null : own.fields.keySet()) + ", " + other.who + "'s ViewState " + foreign + ")");
            return;
        }
        long before = count(action);
        for (String[] variant : new String[][] {{"without a ViewState", null}, {"with " + other.who + "'s ViewState",
                foreign}, {"with a made-up ViewState", "-1234567890:9876543210"}}) {
            SignedInHttp.Answer a = send.apply(own.withViewState(variant[1]));
            TenantCrawlerIT.record(a);
            if (a.status() >= 500) {
                wrong.add(who.who + " " + form + " " + variant[0] + ": HTTP " + a.status());
            } else if (variant[1] != null && a.html() && (a.status() != 400
                    || !"Page expired".equals(TenantCrawlerIT.text(a.body(), "#errorTitle")))) {
                // a plain post whose view cannot be restored: the expired page, 400 (ExpiredViewExceptionHandlerFactory)
                wrong.add(who.who + " " + form + " " + variant[0] + ": HTTP " + a.status() + " \""
                        + TenantCrawlerIT.text(a.body(), "#errorTitle") + "\" (the expired page with 400 expected)");
            }
        }
        if (!control) {
            unchangedFor(action, before, Duration.ofSeconds(5)); // an upload or report runs in the background
        }
        long after = count(action);
        if (after != before) {
            wrong.add(who.who + " " + form + ": a forged post changed the trail's " + action + " from " + before
                    + " to " + after);
            return;
        }
        if (control) {
            FacesPost fresh = FacesPost.of(page, who.get(page).body(), form);
            SignedInHttp.Answer a = send.apply(fresh);
            TenantCrawlerIT.record(a);
            if (count(action) != before + 1) {
                wrong.add(who.who + " " + form + " with its own ViewState did not record " + action + " (HTTP "
                        + a.status() + "): the forged posts' refusal proves nothing; " + abbreviate(a.body()));
            }
        }
    }

    /** Watches {@code action}'s count for {@code span}: returns at once when it changes, else when the span ends. */
    private void unchangedFor(String action, long before, Duration span) {
        try {
            new FluentWait<>(action).withTimeout(span).pollingEvery(Duration.ofMillis(500))
                    .until(a -> count(a) != before);
        } catch (org.openqa.selenium.TimeoutException stillTheSame) {
            // what a refused post must do: nothing started in the background either
        }
    }

    /** The sign-out tried without its token and with others': refused, the session kept; {@code victim}'s own ends it. */
    List<String> signOut(SignedInHttp victim) {
        String regulatorToken = token(regulator);
        String officerToken = token(officer);
        String victimToken = token(victim);
        if (regulatorToken == null || officerToken == null || victimToken == null) {
            wrong.add("a page without the sign-out token: " + regulatorToken + " " + officerToken + " " + victimToken);
            return wrong;
        }
        long before = count("SIGN_OUT");
        for (String[] variant : new String[][] {{"without a token", ""}, {"with an empty token", "signOutToken="},
                {"with officer-north's token", "signOutToken=" + Crawl.enc(officerToken)},
                {"with the token twice, the other first", "signOutToken=" + Crawl.enc(officerToken)
                        + "&signOutToken=" + Crawl.enc(regulatorToken)}}) {
            SignedInHttp.Answer a = regulator.post("sign-out", variant[1], Map.of());
            TenantCrawlerIT.record(a);
            if (a.status() != 403) {
                wrong.add("sign-out " + variant[0] + ": HTTP " + a.status() + " (403 expected)");
            }
        }
        SignedInHttp.Answer get = regulator.get("sign-out");
        TenantCrawlerIT.record(get);
        if (get.status() != 405) {
            wrong.add("GET sign-out: HTTP " + get.status() + " (405 expected)");
        }
        SignedInHttp.Answer home = regulator.get("ledger/status.xhtml");
        TenantCrawlerIT.record(home);
        if (home.status() != 200 || !"regulator".equals(TenantCrawlerIT.text(home.body(), "#identity-user"))) {
            wrong.add("after the refused sign-outs the regulator's session is gone: HTTP " + home.status());
        }
        if (count("SIGN_OUT") != before) {
            wrong.add("a refused sign-out was recorded on the trail");
        }
        SignedInHttp.Answer out = victim.post("sign-out", "signOutToken=" + Crawl.enc(victimToken), Map.of());
        TenantCrawlerIT.record(out);
        SignedInHttp.Answer after = victim.get("ledger/status.xhtml");
        TenantCrawlerIT.record(after);
        if (out.status() / 100 != 3 || !after.toSignIn()) {
            wrong.add(victim.who + "'s sign-out with its own token: HTTP " + out.status() + ", then HTTP "
                    + after.status() + " (a redirect to the sign-in expected)");
        }
        return wrong;
    }

    /** The first crawled address starting with {@code prefix} whose regulator's page names clinic-north. */
    private String northPage(String prefix) {
        return crawl.urls().stream().filter(u -> u.startsWith(prefix))
                .filter(u -> TenantCrawlerIT.REGULATOR_BODIES.getOrDefault(u, "").toLowerCase(Locale.ROOT)
                        .contains(north.hex()))
                .findFirst().orElse(null);
    }

    private static FacesPost firstForm(String page, SignedInHttp who) {
        String body = who.get(page).body();
        Element any = Jsoup.parse(body).selectFirst("form[id][method=post]");
        return any == null ? null : FacesPost.of(page, body, any.id());
    }

    private static String token(SignedInHttp who) {
        String body = who.get("ledger/status.xhtml").body();
        Element input = Jsoup.parse(body).selectFirst("#signOutForm input[name=signOutToken]");
        return input == null ? null : input.val();
    }

    /** How many entries of {@code action} the trail holds (its CSV export, as the regulator). */
    private long count(String action) {
        SignedInHttp.Answer a = regulator.get("trail/export/entries.csv?action=" + action);
        TenantCrawlerIT.record(a);
        if (a.status() != 200) {
            throw new IllegalStateException("the trail export answered " + a.status() + ": " + abbreviate(a.body()));
        }
        return a.body().lines().filter(l -> !l.isBlank()).count() - 1;
    }

    private static String abbreviate(String s) {
        return s.length() <= 400 ? s : s.substring(0, 400) + "...";
    }
}
