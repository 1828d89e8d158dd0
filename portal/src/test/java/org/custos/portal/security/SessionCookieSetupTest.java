package org.custos.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.SessionCookieConfig;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The session cookie at start: Secure only when configured; a web.xml without HttpOnly or SameSite=Lax fails. */
class SessionCookieSetupTest {

    private final Map<String, Object> cookie = new HashMap<>();

    @Test
    void secureIsSetWhenConfigured() {
        cookie.putAll(Map.of("httpOnly", true, "SameSite", "Lax"));
        SessionCookieSetup.apply(new SessionSettings(true, SessionSettings.DEFAULT_ABSOLUTE), config());
        assertThat(cookie).containsEntry("secure", true);
    }

    @Test
    void secureIsNotSetOverPlainHttp() {
        cookie.putAll(Map.of("httpOnly", true, "SameSite", "Lax"));
        SessionCookieSetup.apply(new SessionSettings(false, SessionSettings.DEFAULT_ABSOLUTE), config());
        assertThat(cookie).doesNotContainKey("secure");
    }

    @Test
    void aCookieWithoutSameSiteLaxOrHttpOnlyFailsTheStart() {
        SessionSettings settings = new SessionSettings(true, SessionSettings.DEFAULT_ABSOLUTE);
        cookie.putAll(Map.of("httpOnly", true));
        assertThatThrownBy(() -> SessionCookieSetup.apply(settings, config())).hasMessageContaining("SameSite=Lax");
        cookie.put("SameSite", "None");
        assertThatThrownBy(() -> SessionCookieSetup.apply(settings, config())).hasMessageContaining("SameSite=Lax");
        cookie.put("SameSite", "Lax");
        cookie.put("httpOnly", false);
        assertThatThrownBy(() -> SessionCookieSetup.apply(settings, config())).hasMessageContaining("http-only");
        assertThat(cookie).doesNotContainKey("secure");
    }

    private SessionCookieConfig config() {
        return (SessionCookieConfig) Proxy.newProxyInstance(SessionCookieConfig.class.getClassLoader(),
                new Class<?>[] {SessionCookieConfig.class}, (p, m, args) -> switch (m.getName()) {
                    case "isHttpOnly" -> Boolean.TRUE.equals(cookie.get("httpOnly"));
                    case "getAttribute" -> cookie.get((String) args[0]);
                    case "setSecure" -> {
                        cookie.put("secure", args[0]);
                        yield null;
                    }
                    default -> throw new IllegalStateException(m.getName());
                });
    }
}
