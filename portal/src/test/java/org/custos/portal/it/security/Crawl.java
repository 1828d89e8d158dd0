package org.custos.portal.it.security;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.custos.portal.it.PortalBrowser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A bounded breadth-first crawl of the portal as one signed-in user: every same-origin address under the portal's
 * context path that a page links to ({@code a href}, GET forms with each option of their selects, a button's
 * {@code formaction}, stylesheets, scripts, images) is fetched once, up to {@link #maxPages} addresses and
 * {@link #maxPerPattern} per pattern (path plus the names of its parameters), so that a clinic's thousand events
 * cannot crowd out the other pages. Every answer is kept, and every query parameter value seen in any link.
 * POST forms are not submitted; they are listed (page, form id) for the anti-forgery test.
 */
final class Crawl {

    /** A Faces POST form found on a page. */
    record PostForm(String page, String formId) {
    }

    private static final String PREFIX = URI.create(PortalBrowser.BASE).getPath(); // "/custos/"

    private final SignedInHttp http;
    private final int maxPages;
    private final int maxPerPattern;
    private final Deque<String> queue = new ArrayDeque<>();
    private final Set<String> seen = new LinkedHashSet<>();
    private final Map<String, Integer> perPattern = new HashMap<>();
    final List<SignedInHttp.Answer> answers = new ArrayList<>();
    /** Parameter name → every value seen in a link or form of a crawled page. */
    final Map<String, Set<String>> parameters = new TreeMap<>();
    final Set<PostForm> postForms = new LinkedHashSet<>();
    /** Addresses found but left out by {@link #maxPerPattern}, in the order found. */
    final Set<String> overflow = new LinkedHashSet<>();
    int skipped;

    Crawl(SignedInHttp http, int maxPages, int maxPerPattern) {
        this.http = http;
        this.maxPages = maxPages;
        this.maxPerPattern = maxPerPattern;
    }

    /** Crawls from {@code seeds} (relative to the portal) until nothing is left or the bound is reached. */
    Crawl run(List<String> seeds) {
        seeds.forEach(s -> offer(PortalBrowser.BASE + s));
        while (!queue.isEmpty() && answers.size() < maxPages) {
            String url = queue.poll();
            SignedInHttp.Answer a = http.get(url);
            answers.add(a);
            if (a.html() && a.status() < 500) {
                links(url, a.body());
            }
        }
        skipped += queue.size();
        return this;
    }

    /**
     * Up to {@code n} of the addresses of {@code page} (relative) that the bound left out, spread evenly over the
     * order they were found in (so over the clinics whose pages linked to them).
     */
    List<String> sample(String page, int n) {
        List<String> left = overflow.stream().map(Crawl::relative).filter(u -> Isolation.page(u).equals(page))
                .toList();
        if (left.size() <= n) {
            return left;
        }
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            picked.add(left.get((int) ((long) i * left.size() / n)));
        }
        return picked;
    }

    /** Every address crawled, relative to the portal, in crawl order. */
    List<String> urls() {
        return answers.stream().map(a -> relative(a.url())).toList();
    }

    private void links(String page, String html) {
        Document doc = Jsoup.parse(html, page);
        for (Element a : doc.select("a[href], link[href]")) {
            offer(a.absUrl("href"));
        }
        for (Element s : doc.select("script[src], img[src]")) {
            offer(s.absUrl("src"));
        }
        for (Element form : doc.select("form")) {
            String method = form.attr("method").toLowerCase(java.util.Locale.ROOT);
            if ("post".equals(method)) {
                if (form.id().isEmpty() || form.id().equals("signOutForm")) {
                    continue;
                }
                postForms.add(new PostForm(relative(page), form.id()));
                continue;
            }
            String action = form.hasAttr("action") && !form.attr("action").isEmpty() ? form.absUrl("action") : page;
            Set<String> actions = new LinkedHashSet<>(List.of(action));
            form.select("button[formaction]").forEach(b -> actions.add(b.absUrl("formaction")));
            for (String target : actions) {
                getForm(form, target);
            }
        }
    }

    /** A GET form: submitted with its defaults, then once per option of each select (one field varied at a time). */
    private void getForm(Element form, String action) {
        Map<String, String> defaults = new LinkedHashMap<>();
        form.select("input[name]").forEach(i -> {
            if (!List.of("submit", "button", "checkbox", "radio").contains(i.attr("type"))) {
                defaults.put(i.attr("name"), i.val());
            }
        });
        Map<String, List<String>> choices = new LinkedHashMap<>();
        for (Element select : form.select("select[name]")) {
            List<String> options = select.select("option").eachAttr("value");
            Element chosen = select.selectFirst("option[selected]");
            defaults.put(select.attr("name"), chosen != null ? chosen.attr("value")
                    : options.isEmpty() ? "" : options.get(0));
            choices.put(select.attr("name"), options);
        }
        offer(withQuery(action, defaults));
        choices.forEach((name, options) -> options.forEach(o -> {
            Map<String, String> q = new LinkedHashMap<>(defaults);
            q.put(name, o);
            offer(withQuery(action, q));
        }));
    }

    private static String withQuery(String action, Map<String, String> fields) {
        String base = action.contains("?") ? action.substring(0, action.indexOf('?')) : action;
        String q = fields.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return q.isEmpty() ? base : base + "?" + q;
    }

    private void offer(String url) {
        if (url == null || url.isEmpty()) {
            return;
        }
        int hash = url.indexOf('#');
        if (hash >= 0) {
            url = url.substring(0, hash);
        }
        URI u;
        try {
            u = URI.create(url);
        } catch (IllegalArgumentException e) {
            return;
        }
        URI base = URI.create(PortalBrowser.BASE);
        if (!base.getScheme().equals(u.getScheme()) || !base.getAuthority().equals(u.getAuthority())
                || u.getPath() == null || !u.getPath().startsWith(PREFIX) || u.getPath().endsWith("/sign-out")) {
            return;
        }
        Map<String, List<String>> query = query(u.getRawQuery());
        query.forEach((k, vs) -> parameters.computeIfAbsent(k, x -> new TreeSet<>()).addAll(vs));
        if (url.toLowerCase(java.util.Locale.ROOT).contains(";jsessionid=") || !seen.add(url)) {
            return;
        }
        String pattern = u.getPath() + "?" + String.join("&", query.keySet());
        if (perPattern.merge(pattern, 1, Integer::sum) > maxPerPattern) {
            skipped++;
            overflow.add(url);
            return;
        }
        queue.add(url);
    }

    /** The query's parameters, decoded, names in order. */
    static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> q = new TreeMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return q;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = dec(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : dec(pair.substring(eq + 1));
            q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return q;
    }

    static String relative(String url) {
        return url.startsWith(PortalBrowser.BASE) ? url.substring(PortalBrowser.BASE.length()) : url;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
