package org.custos.portal.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The filter on a recording response: exactly one CSP whatever the portal adds, headers kept through a reset. */
class SecurityHeadersFilterTest {

    private static final SecurityHeaders HEADERS = SecurityHeaders.of("http://localhost:8180/realms/custos", false);
    private static final String NONCED = HEADERS.contentSecurityPolicy() + " 'nonce-abc';";

    @Test
    void aFacesPagesNoncedPolicyReplacesTheDefaultOneInsteadOfAddingASecond() throws Exception {
        Recorded res = new Recorded();
        run(DispatcherType.REQUEST, "/compliance/findings.xhtml", res, out -> {
            out.addHeader("Content-Security-Policy", NONCED);
            out.addHeader("content-security-policy", NONCED);
            out.addHeader("X-Other", "a");
            out.addHeader("X-Other", "b");
        });
        assertThat(res.values("Content-Security-Policy")).containsExactly(NONCED);
        assertThat(res.values("X-Other")).as("other headers still add").containsExactly("a", "b");
        assertThat(res.values("X-Frame-Options")).containsExactly("DENY");
    }

    @Test
    void aServletsAnswerCarriesTheDefaultPolicyAndNoOneRemovesIt() throws Exception {
        Recorded res = new Recorded();
        run(DispatcherType.REQUEST, "/compliance/export/findings.csv", res, out -> {
            out.setHeader("Content-Security-Policy", null);
            out.setHeader("Content-Security-Policy", " ");
        });
        assertThat(res.values("Content-Security-Policy")).containsExactly(HEADERS.contentSecurityPolicy());
        assertThat(res.values("Cache-Control")).containsExactly("no-store");
    }

    @Test
    void aResetByThePortalSetsTheHeadersAgain() throws Exception {
        Recorded res = new Recorded();
        run(DispatcherType.REQUEST, "/reports/download", res, HttpServletResponse::reset);
        assertThat(res.resets).isEqualTo(1);
        assertThat(res.values("Content-Security-Policy")).containsExactly(HEADERS.contentSecurityPolicy());
        assertThat(res.values("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(res.values("Referrer-Policy")).containsExactly("same-origin");
    }

    @Test
    void anErrorDispatchKeepsThePolicyAFailedFacesPageSetAndSetsItWhenNoneIs() throws Exception {
        Recorded failed = new Recorded();
        failed.headers.put("content-security-policy", new ArrayList<>(List.of(NONCED)));
        run(DispatcherType.ERROR, "/error/500.xhtml", failed, out -> { });
        assertThat(failed.values("Content-Security-Policy")).containsExactly(NONCED);
        assertThat(failed.values("X-Frame-Options")).containsExactly("DENY");

        Recorded plain = new Recorded();
        run(DispatcherType.ERROR, "/error/404.xhtml", plain, out -> { });
        assertThat(plain.values("Content-Security-Policy")).containsExactly(HEADERS.contentSecurityPolicy());
        // and the error page itself, a Faces page, replaces it with its own nonced one
        Recorded page = new Recorded();
        run(DispatcherType.ERROR, "/error/404.xhtml", page, out -> out.addHeader("Content-Security-Policy", NONCED));
        assertThat(page.values("Content-Security-Policy")).containsExactly(NONCED);
    }

    @Test
    void thePathIsTheMappedOneNotTheRawAddress() {
        assertThat(SecurityHeadersFilter.pathOf(request(DispatcherType.REQUEST, "/jakarta.faces.resource/x.css.xhtml")))
                .isEqualTo("/jakarta.faces.resource/x.css.xhtml");
        assertThat(SecurityHeadersFilter.pathOf(request(DispatcherType.REQUEST, null))).isEmpty();
    }

    interface Body {
        void write(HttpServletResponse out) throws Exception;
    }

    private static void run(DispatcherType type, String path, Recorded res, Body body) throws Exception {
        SecurityHeadersFilter filter = new SecurityHeadersFilter();
        filter.settings = new SecurityHeadersSettings() {
            @Override
            public SecurityHeaders headers() {
                return HEADERS;
            }
        };
        FilterChain chain = (rq, rs) -> {
            try {
                body.write((HttpServletResponse) rs);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        filter.doFilter(request(type, path), res.proxy(), chain);
    }

    private static HttpServletRequest request(DispatcherType type, String servletPath) {
        return (HttpServletRequest) Proxy.newProxyInstance(SecurityHeadersFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> switch (m.getName()) {
                    case "getDispatcherType" -> type;
                    case "getServletPath" -> servletPath;
                    case "isSecure" -> false;
                    default -> null;
                });
    }

    /** Headers by lower-case name, as a container keeps them (names are case-insensitive). */
    static final class Recorded {
        final Map<String, List<String>> headers = new TreeMap<>();
        int resets;

        List<String> values(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        HttpServletResponse proxy() {
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> {
                        switch (m.getName()) {
                            case "setHeader" -> {
                                String key = ((String) a[0]).toLowerCase(Locale.ROOT);
                                if (a[1] == null) {
                                    headers.remove(key);
                                } else {
                                    headers.put(key, new ArrayList<>(List.of((String) a[1])));
                                }
                            }
                            case "addHeader" -> headers.computeIfAbsent(((String) a[0]).toLowerCase(Locale.ROOT),
                                    k -> new ArrayList<>()).add((String) a[1]);
                            case "containsHeader" -> {
                                return headers.containsKey(((String) a[0]).toLowerCase(Locale.ROOT));
                            }
                            case "reset" -> {
                                headers.clear();
                                resets++;
                            }
                            default -> {
                                return null;
                            }
                        }
                        return null;
                    });
        }
    }
}
