package org.custos.portal.it.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a replayed answer may be for a user other than the regulator: 200 with their own clinic's data only, 403,
 * 404, 400, 405 or 414, or a redirect to the sign-in; never 500, never a regulator-only page, never another clinic's
 * id or name in the body (beyond the values the request itself sent), never a detail page (finding, event, request,
 * report, clinic) that the regulator sees as another clinic's or the consortium's.
 */
final class Isolation {

    /** Pages only regulators may open (web.xml): anyone else gets 403. */
    static final List<String> REGULATOR_ONLY = List.of("home/regulator.xhtml", "trail/", "ledger/clinics.xhtml");
    /** Pages anyone may open, signed in or not, with or without a role. */
    static final List<String> PUBLIC = List.of("error/", "signed-out.xhtml", "jakarta.faces.resource/", "resources/",
            "reports/trust-anchor.pem");
    /** Detail pages and the parameter naming the thing shown. */
    static final Map<String, String> DETAIL = Map.of("compliance/finding.xhtml", "key", "ledger/event.xhtml", "id",
            "dpo/request.xhtml", "id", "reports/download", "id", "ledger/clinic.xhtml", "clinic");
    private static final Set<Integer> ALLOWED = Set.of(200, 400, 403, 404, 405, 414);

    /** A clinic as the pages show it: its on-chain id and its configured name. */
    record Clinic(String id, String name) {
        String hex() {
            return id.toLowerCase(Locale.ROOT).replaceFirst("^0x", "");
        }
    }

    private final Clinic own;
    private final List<Clinic> others;

    /** For a user of {@code own} clinic (null: no clinic, e.g. the user without a role). */
    Isolation(Clinic own, List<Clinic> all) {
        this.own = own;
        this.others = all.stream().filter(c -> own == null || !c.id().equalsIgnoreCase(own.id())).toList();
    }

    /**
     * What is wrong with {@code answer} to a replay of {@code path} (relative), given the regulator's answer to the
     * same address ({@code regulatorBody}, null when the regulator did not ask it); an empty list when nothing.
     */
    List<String> problems(String path, SignedInHttp.Answer answer, String regulatorBody) {
        List<String> problems = new ArrayList<>();
        int status = answer.status();
        String page = page(path);
        if (status / 100 == 3 && !answer.toSignIn()) {
            String to = Crawl.relative(SignedInHttp.uri(answer.url()).resolve(String.valueOf(answer.header("location")))
                    .toString());
            if (to.startsWith("http") || startsWithAny(page(to), REGULATOR_ONLY)) {
                problems.add("HTTP " + status + " to " + to);
            }
        } else if (!ALLOWED.contains(status) && !answer.toSignIn()) {
            problems.add("HTTP " + status);
        }
        if (startsWithAny(page, REGULATOR_ONLY) && status != 403) {
            problems.add("a regulator-only page answered " + status + " (403 expected)");
        }
        if (own == null && !startsWithAny(page, PUBLIC) && status != 403) {
            problems.add("a user without a portal role got " + status + " (403 expected)");
        }
        if (status / 100 == 2) {
            String body = withoutRequestValues(answer.body().toLowerCase(Locale.ROOT), path);
            for (Clinic c : others) {
                if (body.contains(c.hex())) {
                    problems.add("the body names another clinic's id " + c.id());
                }
                if (c.name() != null && body.contains(c.name().toLowerCase(Locale.ROOT))) {
                    problems.add("the body names another clinic: \"" + c.name() + "\"");
                }
            }
            String param = DETAIL.get(page);
            if (own != null && param != null && Crawl.query(query(path)).containsKey(param) && regulatorBody != null
                    && !regulatorBody.toLowerCase(Locale.ROOT).contains(own.hex())) {
                problems.add("200 for a " + page + " that the regulator sees as another clinic's or the consortium's");
            }
        }
        return problems;
    }

    static String page(String path) {
        int q = path.indexOf('?');
        String p = q < 0 ? path : path.substring(0, q);
        return p.startsWith("/") ? p.substring(1) : p;
    }

    private static String query(String path) {
        int q = path.indexOf('?');
        return q < 0 ? "" : path.substring(q + 1);
    }

    static boolean startsWithAny(String page, List<String> prefixes) {
        return prefixes.stream().anyMatch(page::startsWith);
    }

    /** The body without the values the request sent (a page may echo what it was asked, which is no leak). */
    private static String withoutRequestValues(String body, String path) {
        String b = body;
        for (List<String> values : Crawl.query(query(path)).values()) {
            for (String v : values) {
                if (v.length() >= 8) {
                    String lower = v.toLowerCase(Locale.ROOT);
                    b = b.replace(lower, "").replace(lower.replaceFirst("^0x", ""), "");
                }
            }
        }
        return b;
    }
}
