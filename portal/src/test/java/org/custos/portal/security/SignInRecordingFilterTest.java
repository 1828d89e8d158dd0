package org.custos.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.portal.trail.application.TrailService;
import org.custos.portal.trail.domain.TrailAction;
import org.custos.portal.trail.domain.TrailEntry;
import org.junit.jupiter.api.Test;

/**
 * The filter on a signed-in session, with a clock the test moves (no waiting): a new session id and the sign-in
 * time on the first request (once), the absolute timeout ending the session and sending the browser through
 * Keycloak's end-session endpoint (a page) or telling the page in words (ajax), and nothing for anonymous requests.
 */
class SignInRecordingFilterTest {

    private static final Instant SIGN_IN = Instant.parse("2026-12-07T08:00:00Z");
    private static final String END_SESSION = "http://kc.example/realms/custos/protocol/openid-connect/logout";

    private final MovableClock clock = new MovableClock(SIGN_IN);
    private final Map<String, Object> attributes = new HashMap<>();
    private final List<TrailAction> recorded = new ArrayList<>();
    private final Map<String, Object> sent = new HashMap<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int idChanges;
    private int chained;
    private boolean invalidated;
    private boolean sessionExists;

    @Test
    void theFirstSignedInRequestGetsANewSessionIdTheSignInTimeAndATrailEntry() throws Exception {
        sessionExists = true; // the OpenID mechanism kept its state in a session before sign-in
        filter().doFilter(request(true, false, DispatcherType.REQUEST), response(), (q, s) -> chained++);
        assertThat(idChanges).isEqualTo(1);
        assertThat(attributes).containsEntry(SignInRecordingFilter.SIGNED_IN_AT, SIGN_IN)
                .containsKey(SignedInUser.SESSION_ATTRIBUTE).containsEntry(SessionRenewal.RENEWED, Boolean.TRUE);
        assertThat(recorded).containsExactly(TrailAction.SIGN_IN);
        assertThat(chained).isEqualTo(1);
    }

    @Test
    void theIdChangesOnceWhicheverFilterSeesTheSignInFirst() throws Exception {
        sessionExists = true;
        HttpServletRequest request = request(true, false, DispatcherType.REQUEST);
        SessionRenewal.renewOnce(request); // OidcCallbackCleanupFilter, on the request that completed the sign-in
        filter().doFilter(request, response(), (q, s) -> chained++);
        filter().doFilter(request, response(), (q, s) -> chained++);
        assertThat(idChanges).isEqualTo(1);
        assertThat(recorded).containsExactly(TrailAction.SIGN_IN);
        assertThat(chained).isEqualTo(2);
    }

    @Test
    void aSessionBeforeItsAbsoluteTimeoutGoesOn() throws Exception {
        SignInRecordingFilter filter = signedIn();
        clock.set(SIGN_IN.plus(Duration.ofHours(10)).minusSeconds(1));
        filter.doFilter(request(true, false, DispatcherType.REQUEST), response(), (q, s) -> chained++);
        assertThat(chained).isEqualTo(2);
        assertThat(invalidated).isFalse();
        assertThat(sent).isEmpty();
    }

    @Test
    void aPageRequestAtTheAbsoluteTimeoutEndsTheSessionAndGoesThroughKeycloaksEndSession() throws Exception {
        SignInRecordingFilter filter = signedIn();
        clock.set(SIGN_IN.plus(Duration.ofHours(10)));
        filter.doFilter(request(true, false, DispatcherType.REQUEST), response(), (q, s) -> chained++);
        assertThat(chained).as("nothing of the request is processed").isEqualTo(1);
        assertThat(invalidated).isTrue();
        assertThat((String) sent.get("sendRedirect")).startsWith(END_SESSION + "?client_id=custos-portal")
                .contains("post_logout_redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fcustos%2Fsigned-out.xhtml")
                .contains("id_token_hint=the.id.token");
    }

    @Test
    void anAjaxRequestAfterTheAbsoluteTimeoutIsToldTheSessionEnded() throws Exception {
        SignInRecordingFilter filter = signedIn();
        clock.set(SIGN_IN.plus(Duration.ofDays(3)));
        filter.doFilter(request(true, true, DispatcherType.REQUEST), response(), (q, s) -> chained++);
        assertThat(chained).isEqualTo(1);
        assertThat(invalidated).isTrue();
        assertThat(sent).doesNotContainKey("sendRedirect").containsEntry("setStatus", 200);
        assertThat(body.toString(StandardCharsets.UTF_8)).isEqualTo(SessionEndedResponse.BODY);
    }

    @Test
    void aShorterConfiguredTimeoutEndsSooner() throws Exception {
        SignInRecordingFilter filter = signedIn();
        filter.settings = new SessionSettings(false, Duration.ofHours(1));
        clock.set(SIGN_IN.plus(Duration.ofMinutes(61)));
        filter.doFilter(request(true, false, DispatcherType.REQUEST), response(), (q, s) -> chained++);
        assertThat(invalidated).isTrue();
    }

    @Test
    void aSignedInSessionWithoutASignInTimeEnds() throws Exception {
        SignInRecordingFilter filter = signedIn();
        attributes.remove(SignInRecordingFilter.SIGNED_IN_AT);
        filter.doFilter(request(true, false, DispatcherType.REQUEST), response(), (q, s) -> chained++);
        assertThat(invalidated).isTrue();
    }

    @Test
    void anAnonymousRequestCreatesNoSessionAndPasses() throws Exception {
        filter().doFilter(request(false, false, DispatcherType.REQUEST), response(), (q, s) -> chained++);
        assertThat(chained).isEqualTo(1);
        assertThat(sessionExists).isFalse();
        assertThat(idChanges).isZero();
        assertThat(recorded).isEmpty();
    }

    /** A filter whose session signed in at {@link #SIGN_IN} (one request done). */
    private SignInRecordingFilter signedIn() throws Exception {
        sessionExists = true;
        SignInRecordingFilter filter = filter();
        filter.doFilter(request(true, false, DispatcherType.REQUEST), response(), (q, s) -> chained++);
        sent.clear();
        return filter;
    }

    private SignInRecordingFilter filter() {
        SignInRecordingFilter f = new SignInRecordingFilter();
        f.clock = clock;
        f.settings = new SessionSettings(false, SessionSettings.DEFAULT_ABSOLUTE);
        f.currentUser = new CurrentUser() {
            @Override
            public String getName() {
                return "regulator";
            }

            @Override
            public List<String> getRoles() {
                return List.of(Roles.REGULATOR);
            }

            @Override
            public String getClinicId() {
                return null;
            }

            @Override
            public Optional<String> identityToken() {
                return Optional.of("the.id.token");
            }

            @Override
            public Optional<String> endSessionEndpoint() {
                return Optional.of(END_SESSION);
            }
        };
        f.trail = new TrailService() {
            @Override
            public TrailEntry record(SignedInUser actor, TrailAction action, String objectType, String objectId,
                    String detail) {
                recorded.add(action);
                return null;
            }
        };
        f.oidcConfig = new OidcConfig() {
            @Override
            public String getClientId() {
                return "custos-portal";
            }
        };
        return f;
    }

    private HttpServletRequest request(boolean signedIn, boolean ajax, DispatcherType dispatch) {
        HttpSession session = fake(HttpSession.class, (m, args) -> switch (m) {
            case "getAttribute" -> attributes.get((String) args[0]);
            case "setAttribute" -> {
                attributes.put((String) args[0], args[1]);
                yield null;
            }
            case "removeAttribute" -> attributes.remove((String) args[0]);
            case "invalidate" -> {
                invalidated = true;
                sessionExists = false;
                attributes.clear();
                yield null;
            }
            case "hashCode" -> 1;
            default -> throw new IllegalStateException(m);
        });
        return fake(HttpServletRequest.class, (m, args) -> switch (m) {
            case "getUserPrincipal" -> signedIn ? (java.security.Principal) () -> "regulator" : null;
            case "getSession" -> {
                if (args == null || (Boolean) args[0]) {
                    sessionExists = true;
                }
                yield sessionExists ? session : null;
            }
            case "changeSessionId" -> {
                idChanges++;
                yield "new-id-" + idChanges;
            }
            case "getDispatcherType" -> dispatch;
            case "getHeader" -> ajax && "Faces-Request".equals(args[0]) ? "partial/ajax" : null;
            case "getRequestURL" -> new StringBuffer("http://localhost:8080/custos/compliance/findings.xhtml");
            case "getRequestURI" -> "/custos/compliance/findings.xhtml";
            case "getContextPath" -> "/custos";
            case "getMethod" -> "GET";
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

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
