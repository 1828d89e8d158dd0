package org.custos.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.Instance;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.openid.AccessToken;
import jakarta.security.enterprise.identitystore.openid.JwtClaims;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import org.custos.portal.system.SecurityHeaders;
import org.custos.portal.system.SecurityHeadersSettings;
import org.junit.jupiter.api.Test;

/**
 * The decorator around the OpenID mechanism, with fakes: the groups of a signed-in session are stated on every
 * successful request (and only then), and a redirect to sign-in becomes a partial response for ajax requests only.
 */
class SessionMechanismDecoratorTest {

    private final List<Callback> handled = new ArrayList<>();
    private final Map<String, Object> sent = new HashMap<>();
    private final Map<String, Object> headers = new HashMap<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private HttpServletResponse contextResponse;

    @Test
    void aSignedInRequestGetsItsSessionsGroupsStated() throws Exception {
        AuthenticationStatus status = decorator(AuthenticationStatus.SUCCESS, false)
                .validateRequest(request(true, false), response(), context());
        assertThat(status).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(handled).singleElement().isInstanceOfSatisfying(GroupPrincipalCallback.class,
                g -> assertThat(g.getGroups()).containsExactly("regulator", "default-roles-custos"));
    }

    @Test
    void nothingIsStatedForASignInOrARefusal() throws Exception {
        decorator(AuthenticationStatus.SUCCESS, false).validateRequest(request(false, false), response(), context());
        decorator(AuthenticationStatus.SEND_FAILURE, false).validateRequest(request(true, false), response(), context());
        decorator(AuthenticationStatus.NOT_DONE, false).validateRequest(request(true, false), response(), context());
        assertThat(handled).isEmpty();
    }

    @Test
    void anAjaxRequestSentToSignInGetsThePartialResponseInstead() throws Exception {
        HttpServletResponse real = response();
        AuthenticationStatus status = decorator(AuthenticationStatus.SEND_CONTINUE, true)
                .validateRequest(request(false, true), real, context());
        assertThat(status).isEqualTo(AuthenticationStatus.SEND_CONTINUE);
        assertThat(sent).containsEntry("setStatus", 200).doesNotContainKey("sendRedirect");
        assertThat(body.toString(StandardCharsets.UTF_8)).isEqualTo(SessionEndedResponse.BODY);
        assertThat(contextResponse).as("the context's response is restored").isSameAs(real);
        assertThat(handled).isEmpty();
    }

    @Test
    void aPageRequestIsRedirectedAsTheMechanismSays() throws Exception {
        decorator(AuthenticationStatus.SEND_CONTINUE, true).validateRequest(request(false, false), response(),
                context());
        assertThat(sent).containsEntry("sendRedirect", "https://keycloak/auth");
        assertThat(body.size()).isZero();
        // the mechanism answers before SecurityHeadersFilter runs: its redirect carries the portal's headers too
        assertThat(headers).containsEntry("X-Frame-Options", "DENY")
                .containsEntry("X-Content-Type-Options", "nosniff");
        assertThat((String) headers.get("Content-Security-Policy")).contains("frame-ancestors 'none'")
                .endsWith("script-src 'self'");
    }

    @Test
    void anAjaxRequestOfALiveSessionPassesThrough() throws Exception {
        AuthenticationStatus status = decorator(AuthenticationStatus.SUCCESS, false)
                .validateRequest(request(true, true), response(), context());
        assertThat(status).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(body.size()).isZero();
        assertThat(handled).hasSize(1);
    }

    private SessionMechanismDecorator decorator(AuthenticationStatus answer, boolean redirects) {
        SessionMechanismDecorator d = new SessionMechanismDecorator() {
        };
        d.delegate = fake(HttpAuthenticationMechanism.class, (m, args) -> {
            if (m.equals("validateRequest")) {
                if (redirects) {
                    ((HttpServletResponse) args[1]).sendRedirect("https://keycloak/auth");
                }
                return answer;
            }
            throw new IllegalStateException(m);
        });
        AccessToken token = fake(AccessToken.class, (m, args) -> switch (m) {
            case "isJWT" -> true;
            case "getJwtClaims" -> fake(JwtClaims.class, (n, a) -> List.of("regulator", "default-roles-custos"));
            default -> throw new IllegalStateException(m);
        });
        OpenIdContext ctx = fake(OpenIdContext.class, (m, args) -> token);
        @SuppressWarnings("unchecked")
        Instance<OpenIdContext> instance = fake(Instance.class, (m, args) -> switch (m) {
            case "isResolvable" -> true;
            case "get" -> ctx;
            default -> throw new IllegalStateException(m);
        });
        d.openIdContext = instance;
        d.securityHeaders = new SecurityHeadersSettings() {
            @Override
            public SecurityHeaders headers() {
                return SecurityHeaders.of("http://localhost:18180/realms/custos", false);
            }
        };
        return d;
    }

    private HttpMessageContext context() {
        Subject subject = new Subject();
        CallbackHandler handler = callbacks -> handled.addAll(List.of(callbacks));
        return fake(HttpMessageContext.class, (m, args) -> switch (m) {
            case "getHandler" -> handler;
            case "getClientSubject" -> subject;
            case "setResponse" -> {
                contextResponse = (HttpServletResponse) args[0];
                yield null;
            }
            default -> throw new IllegalStateException(m);
        });
    }

    private static HttpServletRequest request(boolean signedIn, boolean ajax) {
        return fake(HttpServletRequest.class, (m, args) -> switch (m) {
            case "getUserPrincipal" -> signedIn ? (java.security.Principal) () -> "regulator" : null;
            case "getHeader" -> ajax && "Faces-Request".equals(args[0]) ? "partial/ajax" : null;
            case "getServletPath" -> "/ledger/status.xhtml";
            case "getPathInfo" -> null;
            case "isSecure" -> false;
            default -> throw new IllegalStateException(m);
        });
    }

    private HttpServletResponse response() {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) {
                body.write(b);
            }
        };
        return fake(HttpServletResponse.class, (m, args) -> {
            if (m.equals("getOutputStream")) {
                return out;
            }
            if (m.equals("setHeader")) {
                headers.put((String) args[0], args[1]);
                return null;
            }
            sent.put(m, args == null ? null : args[0]);
            return null;
        });
    }

    private interface Answer {
        Object answer(String method, Object[] args) throws Exception;
    }

    private static <T> T fake(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, m, args) -> answer.answer(m.getName(), args)));
    }
}
