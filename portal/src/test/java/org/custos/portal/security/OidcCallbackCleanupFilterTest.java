package org.custos.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OidcCallbackCleanupFilterTest {

    private static final String PATH = "/custos/compliance/finding.xhtml";

    @Test
    void theQueryFirstAskedForIsKeptWhenTheStoredUrlIsThisPath() {
        assertThat(OidcCallbackCleanupFilter.originalQuery(
                "http://localhost:8080/custos/compliance/finding.xhtml?key=GDPR-ER-01%7C0xab%7Cx", PATH))
                .isEqualTo("key=GDPR-ER-01%7C0xab%7Cx");
    }

    @Test
    void nothingIsTakenFromAnotherPathAnotherHostlessValueOrACallbackQuery() {
        assertThat(OidcCallbackCleanupFilter.originalQuery("http://localhost:8080/custos/trail/entries.xhtml?x=1",
                PATH)).isNull();
        assertThat(OidcCallbackCleanupFilter.originalQuery("/custos/compliance/finding.xhtml?key=1", PATH)).isNull();
        assertThat(OidcCallbackCleanupFilter.originalQuery("http://h/custos/compliance/finding.xhtml?code=a&state=b",
                PATH)).isNull();
        assertThat(OidcCallbackCleanupFilter.originalQuery("http://h/custos/compliance/finding.xhtml", PATH)).isNull();
        assertThat(OidcCallbackCleanupFilter.originalQuery("http://h/custos/compliance/finding.xhtml?", PATH)).isNull();
        assertThat(OidcCallbackCleanupFilter.originalQuery(null, PATH)).isNull();
        assertThat(OidcCallbackCleanupFilter.originalQuery(42, PATH)).isNull();
    }

    @Test
    void aQueryThatCouldSplitTheRedirectHeaderIsDropped() {
        assertThat(OidcCallbackCleanupFilter.originalQuery("http://h/custos/compliance/finding.xhtml?key=a\r\nX: y",
                PATH)).isNull();
        assertThat(OidcCallbackCleanupFilter.originalQuery("http://h/custos/compliance/finding.xhtml?key=a b",
                PATH)).isNull();
        assertThat(OidcCallbackCleanupFilter.originalQuery("http://h/custos/compliance/finding.xhtml?key="
                + "a".repeat(3000), PATH)).isNull();
    }

    @Test
    void aCallbackQueryHasBothCodeAndState() {
        assertThat(OidcCallbackCleanupFilter.isCallbackQuery("state=s&code=c&session_state=x")).isTrue();
        assertThat(OidcCallbackCleanupFilter.isCallbackQuery("code=c")).isFalse();
        assertThat(OidcCallbackCleanupFilter.isCallbackQuery("key=code=c&state=s")).isFalse();
        assertThat(OidcCallbackCleanupFilter.isCallbackQuery(null)).isFalse();
    }
}
