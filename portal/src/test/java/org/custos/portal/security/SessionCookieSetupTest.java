package org.custos.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.SessionCookieConfig;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The session cookie at start: Secure only when configured, SameSite=Lax stated; a web.xml without HttpOnly fails. */
class SessionCookieSetupTest {

    private final Map<String, Object> cookie = new HashMap<>();

    @Test
    void secureIsSetWhenConfigured() {
        cookie.putAll(Map.of("httpOnly", true));
        SessionCookieSetup.apply(new SessionSettings(true, SessionSettings.DEFAULT_ABSOLUTE), config());
        assertThat(cookie).containsEntry("secure", true).containsEntry("SameSite", "Lax");
    }

    @Test
    void secureIsNotSetOverPlainHttp() {
        cookie.putAll(Map.of("httpOnly", true));
        SessionCookieSetup.apply(new SessionSettings(false, SessionSettings.DEFAULT_ABSOLUTE), config());
        assertThat(cookie).doesNotContainKey("secure").containsEntry("SameSite", "Lax");
    }

    @Test
    void aCookieWithoutHttpOnlyFailsTheStartAndIsLeftAsItWas() {
        cookie.put("httpOnly", false);
        SessionSettings settings = new SessionSettings(true, SessionSettings.DEFAULT_ABSOLUTE);
        assertThatThrownBy(() -> SessionCookieSetup.apply(settings, config())).hasMessageContaining("http-only");
        assertThat(cookie).doesNotContainKey("secure");
    }

    private SessionCookieConfig config() {
        return (SessionCookieConfig) Proxy.newProxyInstance(SessionCookieConfig.class.getClassLoader(),
                new Class<?>[] {SessionCookieConfig.class}, (p, m, args) -> switch (m.getName()) {
                    case "isHttpOnly" -> Boolean.TRUE.equals(cookie.get("httpOnly"));
                    case "setAttribute" -> {
                        cookie.put((String) args[0], args[1]);
                        yield null;
                    }
                    case "setSecure" -> {
                        cookie.put("secure", args[0]);
                        yield null;
                    }
                    default -> throw new IllegalStateException(m.getName());
                });
    }
}
