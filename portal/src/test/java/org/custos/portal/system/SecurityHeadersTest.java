package org.custos.portal.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    private static final String ISSUER = "http://localhost:8180/realms/custos";

    @Test
    void thePolicyIsStrictAndEndsWithScriptSrcForPrimeFacesToAppendItsNonce() {
        String policy = SecurityHeaders.of(ISSUER, false).contentSecurityPolicy();
        assertThat(policy).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'",
                "base-uri 'self'", "form-action 'self' http://localhost:8180;", "style-src 'self'",
                "style-src-attr 'unsafe-inline'")
                .endsWith("; script-src 'self'")
                .doesNotContain("unsafe-eval", "script-src 'self' 'unsafe-inline'", "*", "nonce");
        assertThat(policy.split("script-src", -1)).as("one script-src").hasSize(2);
        // what PrimeFaces' CspPhaseListener sends: the policy + " 'nonce-" + nonce + "';"
        assertThat(policy + " 'nonce-abc';").endsWith("script-src 'self' 'nonce-abc';");
    }

    @Test
    void onlyTheSignInProvidersOriginJoinsFormAction() {
        assertThat(SecurityHeaders.originOf("https://Login.Example.ORG:8443/realms/custos?x=1#y"))
                .contains("https://login.example.org:8443");
        assertThat(SecurityHeaders.originOf("http://kc/realms/custos")).contains("http://kc");
        for (String bad : new String[] {null, "", "  ", "*", "realms/custos", "ftp://kc/realms", "javascript:alert(1)",
                "http://kc; script-src *", "http://user:pw@kc/realms", "data:text/html,x", "http://", "%%"}) {
            assertThat(SecurityHeaders.originOf(bad)).as(String.valueOf(bad)).isEmpty();
        }
        assertThat(SecurityHeaders.policy(Optional.empty())).contains("form-action 'self';");
        assertThat(SecurityHeaders.of("http://kc; script-src *", false).contentSecurityPolicy())
                .contains("form-action 'self';").doesNotContain("*");
    }

    @Test
    void everyAnswerGetsTheHeadersPagesAndDownloadsAreNotCachedResourcesAre() {
        SecurityHeaders headers = SecurityHeaders.of(ISSUER, false);
        Map<String, String> page = headers.forRequest("/compliance/findings.xhtml", false);
        assertThat(page).containsEntry("X-Frame-Options", "DENY").containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("Referrer-Policy", "same-origin").containsEntry("Cross-Origin-Opener-Policy", "same-origin")
                .containsEntry("Cache-Control", "no-store").containsKey("Permissions-Policy")
                .containsEntry(SecurityHeaders.CSP, headers.contentSecurityPolicy())
                .doesNotContainKey("Strict-Transport-Security");
        assertThat(page.get("Permissions-Policy")).contains("camera=()", "microphone=()", "geolocation=()",
                "payment=()", "usb=()");
        for (String path : new String[] {"/compliance/export/findings.csv", "/reports/download", "/sign-out", "", "/",
                null, "/error/404.xhtml", "/resourcesX", "/jakarta.faces.resourceX"}) {
            assertThat(headers.forRequest(path, false)).as(String.valueOf(path)).containsEntry("Cache-Control", "no-store")
                    .containsKey(SecurityHeaders.CSP);
        }
        assertThat(headers.forRequest("/jakarta.faces.resource/theme.css.xhtml", false)).doesNotContainKey("Cache-Control")
                .containsKey(SecurityHeaders.CSP).containsEntry("X-Content-Type-Options", "nosniff");
        assertThat(headers.forRequest("/resources/css/custos.css", false)).doesNotContainKey("Cache-Control");
    }

    @Test
    void hstsOnlyWhenConfiguredOrTheRequestCameOverTls() {
        assertThat(SecurityHeaders.of(ISSUER, false).forRequest("/", false)).doesNotContainKey("Strict-Transport-Security");
        assertThat(SecurityHeaders.of(ISSUER, false).forRequest("/", true))
                .containsEntry("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        assertThat(SecurityHeaders.of(ISSUER, true).forRequest("/", false))
                .containsEntry("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
}
