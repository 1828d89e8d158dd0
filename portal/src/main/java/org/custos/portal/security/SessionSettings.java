package org.custos.portal.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session settings that depend on where the portal runs (docs/operations.md, "Sessions"): whether the session
 * cookie is {@code Secure} (the portal is served over TLS, possibly by a proxy in front of it, so the container
 * itself cannot tell) and the absolute timeout, after which a session ends however active it was and the user
 * signs in again. The idle timeout (30 min), {@code HttpOnly} and {@code SameSite=Lax} are fixed in web.xml.
 * A value that is not understood fails the deployment with a message naming the setting, never silently weakens
 * the session.
 *
 * @param secureCookies   the session cookie carries {@code Secure}
 * @param absoluteTimeout how long a session may last after sign-in
 */
public record SessionSettings(boolean secureCookies, Duration absoluteTimeout) {

    /** {@code CUSTOS_SECURE_COOKIES}: true when the portal is served over TLS. */
    static final String SECURE_COOKIES = "custos.secure-cookies";
    /** The same setting under the web-tier prefix ({@code CUSTOS_WEB_SECURE_COOKIES}); either one turns it on. */
    static final String SECURE_COOKIES_ALIAS = "custos.web.secure-cookies";
    /** {@code CUSTOS_SESSION_ABSOLUTE_HOURS}: whole hours, 1 to {@link #MAX_HOURS}. */
    static final String ABSOLUTE_HOURS = "custos.session.absolute-hours";
    /** The default absolute timeout: the Keycloak realm's {@code ssoSessionMaxLifespan} (36000 s). */
    static final Duration DEFAULT_ABSOLUTE = Duration.ofHours(10);
    static final int MAX_HOURS = 720;

    public SessionSettings {
        if (absoluteTimeout == null || absoluteTimeout.isNegative() || absoluteTimeout.isZero()) {
            throw new IllegalArgumentException("the absolute timeout must be positive: " + absoluteTimeout);
        }
    }

    /** The settings of this deployment, from MicroProfile Config (environment variables, system properties). */
    static SessionSettings fromConfig() {
        Config config = ConfigProvider.getConfig();
        return from(name -> config.getOptionalValue(name, String.class));
    }

    /** The settings that {@code config} (a setting's dotted name to its value, if set) gives. */
    static SessionSettings from(Function<String, Optional<String>> config) {
        boolean secure = flag(SECURE_COOKIES, config.apply(SECURE_COOKIES))
                | flag(SECURE_COOKIES_ALIAS, config.apply(SECURE_COOKIES_ALIAS));
        Duration absolute = config.apply(ABSOLUTE_HOURS).map(String::strip).filter(s -> !s.isEmpty())
                .map(SessionSettings::hours).orElse(DEFAULT_ABSOLUTE);
        return new SessionSettings(secure, absolute);
    }

    /** Whether a session signed in at {@code signedInAt} has reached its absolute timeout at {@code now}. */
    public boolean ended(Instant signedInAt, Instant now) {
        // a signed-in session without a sign-in time is not one this portal started: end it (fail closed)
        return signedInAt == null || !now.isBefore(signedInAt.plus(absoluteTimeout));
    }

    private static boolean flag(String name, Optional<String> value) {
        String v = value.map(s -> s.strip().toLowerCase(Locale.ROOT)).orElse("");
        return switch (v) {
            case "", "false" -> false;
            case "true" -> true;
            default -> throw new IllegalStateException(env(name) + " (" + name + ") must be true or false, was '"
                    + printable(value.get()) + "'");
        };
    }

    private static Duration hours(String value) {
        int hours;
        try {
            hours = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            hours = -1;
        }
        if (hours < 1 || hours > MAX_HOURS) {
            throw new IllegalStateException(env(ABSOLUTE_HOURS) + " (" + ABSOLUTE_HOURS
                    + ") must be a whole number of hours from 1 to " + MAX_HOURS + ", was '" + printable(value) + "'");
        }
        return Duration.ofHours(hours);
    }

    private static String env(String name) {
        return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** A configured value as it may appear in a message: printable ASCII, at most 40 characters. */
    private static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(40).forEach(c -> out.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return value.length() > 40 ? out + "..." : out.toString();
    }
}
