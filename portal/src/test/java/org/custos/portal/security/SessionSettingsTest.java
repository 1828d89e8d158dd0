package org.custos.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The session settings from configuration: defaults, accepted values, refused values, and the absolute timeout. */
class SessionSettingsTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-12-07T08:00:00Z");

    @Test
    void nothingConfiguredMeansNoSecureFlagAndTenHours() {
        SessionSettings s = settings(Map.of());
        assertThat(s.secureCookies()).isFalse();
        assertThat(s.absoluteTimeout()).isEqualTo(Duration.ofHours(10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", " True "})
    void secureCookiesAreTurnedOnByTrue(String value) {
        assertThat(settings(Map.of(SessionSettings.SECURE_COOKIES, value)).secureCookies()).isTrue();
        assertThat(settings(Map.of(SessionSettings.SECURE_COOKIES_ALIAS, value)).secureCookies()).isTrue();
    }

    @Test
    void eitherNameTurnsSecureOnAndFalseOrBlankLeavesItOff() {
        assertThat(settings(Map.of(SessionSettings.SECURE_COOKIES, "false",
                SessionSettings.SECURE_COOKIES_ALIAS, "true")).secureCookies()).isTrue();
        assertThat(settings(Map.of(SessionSettings.SECURE_COOKIES, "false")).secureCookies()).isFalse();
        assertThat(settings(Map.of(SessionSettings.SECURE_COOKIES, "  ")).secureCookies()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "on", "ture", "true;", "t rue", "\u0000true", "falsch"})
    void aSecureValueThatIsNotTrueOrFalseFailsNamingTheVariable(String value) {
        assertThatThrownBy(() -> settings(Map.of(SessionSettings.SECURE_COOKIES, value)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CUSTOS_SECURE_COOKIES (custos.secure-cookies) must be true or false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "12", " 24 ", "720"})
    void wholeHoursFromOneTo720AreTheAbsoluteTimeout(String value) {
        assertThat(settings(Map.of(SessionSettings.ABSOLUTE_HOURS, value)).absoluteTimeout())
                .isEqualTo(Duration.ofHours(Integer.parseInt(value.trim())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "721", "1.5", "12h", "PT12H", "abc", "99999999999999999999", "+-3"})
    void otherHoursFailNamingTheVariable(String value) {
        assertThatThrownBy(() -> settings(Map.of(SessionSettings.ABSOLUTE_HOURS, value)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CUSTOS_SESSION_ABSOLUTE_HOURS (custos.session.absolute-hours) must be a "
                        + "whole number of hours from 1 to 720");
    }

    @Test
    void aHugeOrControlValueIsShortenedAndMadePrintableInTheMessage() {
        String value = "\u001b[31m" + "9".repeat(10_000);
        assertThatThrownBy(() -> settings(Map.of(SessionSettings.ABSOLUTE_HOURS, value)))
                .hasMessageNotContaining("\u001b")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    @Test
    void aSessionEndsExactlyAtItsAbsoluteTimeout() {
        SessionSettings s = settings(Map.of(SessionSettings.ABSOLUTE_HOURS, "12"));
        assertThat(s.ended(SIGNED_IN, SIGNED_IN)).isFalse();
        assertThat(s.ended(SIGNED_IN, SIGNED_IN.plus(Duration.ofHours(12)).minusMillis(1))).isFalse();
        assertThat(s.ended(SIGNED_IN, SIGNED_IN.plus(Duration.ofHours(12)))).isTrue();
        assertThat(s.ended(SIGNED_IN, SIGNED_IN.plus(Duration.ofDays(400)))).isTrue();
    }

    @Test
    void aSignedInSessionWithoutASignInTimeHasEnded() {
        assertThat(settings(Map.of()).ended(null, SIGNED_IN)).isTrue();
    }

    @Test
    void aNonPositiveTimeoutCannotBeBuilt() {
        assertThatThrownBy(() -> new SessionSettings(false, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SessionSettings(false, null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static SessionSettings settings(Map<String, String> config) {
        Map<String, String> values = new HashMap<>(config);
        return SessionSettings.from(name -> Optional.ofNullable(values.get(name)));
    }
}
