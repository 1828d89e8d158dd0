package org.custos.portal.security;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;
import org.custos.portal.system.SecurityHeadersFilter;
import org.custos.portal.system.SecurityHeadersSettings;

/**
 * Wraps the OpenID Connect mechanism ({@link SecurityConfiguration}) for two things it does not do itself.
 * <p>
 * <b>The caller's groups on every request of a signed-in session.</b> After sign-in the mechanism re-establishes
 * the caller on each request with the principal alone; Payara then finds the session's groups only by matching
 * that principal against an "additional principal" it parks, for the duration of the authentication, on the
 * thread's current {@code SecurityContext}, which for a thread without a context of its own is one shared default
 * object: concurrent requests can overwrite or clear each other's value, and a request that misses it runs with
 * the caller's name and no groups, so a signed-in regulator gets 403 "no portal role" (issue 13, E12; read in
 * Payara's code, not reproduced here: docs/decisions.md, D13). This decorator states the caller's groups
 * explicitly after every successful validation of a signed-in session, from the tokens the mechanism validated
 * and keeps in the session ({@link CallerGroups}), so no request depends on that mapping.
 * <p>
 * <b>A session that has ended, told in words to a Faces ajax request.</b> When the mechanism would send an ajax
 * request to the provider's sign-in page (the portal session timed out, or the tokens could not be refreshed
 * because the Keycloak session ended), the browser would follow the redirect into a cross-origin page it cannot
 * use and the action would fail silently. Instead the request gets a Faces partial response that shows the
 * "session ended" message and keeps what the user typed ({@link SessionEndedResponse}).
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class SessionMechanismDecorator implements HttpAuthenticationMechanism {

    @Inject
    @Delegate
    @Any
    HttpAuthenticationMechanism delegate;

    @Inject
    Instance<OpenIdContext> openIdContext;

    @Inject
    SecurityHeadersSettings securityHeaders;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        boolean signedInBefore = request.getUserPrincipal() != null;
        // the mechanism answers some requests itself (the redirect to Keycloak), before SecurityHeadersFilter runs
        SecurityHeadersFilter.setOn(request, response, securityHeaders.headers());
        AuthenticationStatus status;
        if (SessionEndedResponse.isFacesAjax(request)) {
            RedirectCatcher catcher = new RedirectCatcher(response);
            context.setResponse(catcher);
            try {
                status = delegate.validateRequest(request, catcher, context);
            } finally {
                context.setResponse(response);
            }
            if (catcher.location() != null) {
                write(response);
                return AuthenticationStatus.SEND_CONTINUE;
            }
        } else {
            status = delegate.validateRequest(request, response, context);
        }
        if (signedInBefore && status == AuthenticationStatus.SUCCESS) {
            assertGroups(context);
        }
        return status;
    }

    private void assertGroups(HttpMessageContext context) throws AuthenticationException {
        if (!openIdContext.isResolvable()) {
            return;
        }
        Set<String> groups = CallerGroups.of(openIdContext.get());
        if (groups.isEmpty()) {
            return;
        }
        try {
            context.getHandler().handle(new Callback[] {
                new GroupPrincipalCallback(context.getClientSubject(), groups.toArray(String[]::new))});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new AuthenticationException("could not state the caller's groups", e);
        }
    }

    private static void write(HttpServletResponse response) throws AuthenticationException {
        try {
            SessionEndedResponse.write(response);
        } catch (IOException e) {
            throw new AuthenticationException("could not tell the browser that the session ended", e);
        }
    }
}
