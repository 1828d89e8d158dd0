package org.custos.portal.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.LogoutDefinition;

/**
 * Sign-in through the Keycloak realm (Jakarta Security 3.0 OpenID Connect, authorization code flow with a
 * confidential client). Roles come from the flat {@code groups} claim, stated on every request of a session by
 * {@link SessionMechanismDecorator}. Tokens are refreshed with the refresh token on the first request after they
 * expire ({@code tokenAutoRefresh}; "expired" means less than {@code tokenMinValidity} left), so a session lives
 * while its user works; Keycloak refuses the refresh once its own session has ended (sign-out elsewhere, idle or
 * absolute timeout, an administrator's logout) or the user was disabled, and the portal session then ends too:
 * so a disabled user loses access within one access-token lifetime. An ajax request of an ended session is told
 * so in words ({@link SessionEndedResponse}). Logout is RP-initiated by {@link SignOutServlet}, which also ends
 * the Keycloak session. Lifetimes and timeouts: docs/operations.md, "Sessions".
 */
@ApplicationScoped
@DeclareRoles({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${oidcConfig.issuer}",
        clientId = "${oidcConfig.clientId}",
        clientSecret = "${oidcConfig.clientSecret}",
        redirectURI = "${baseURL}/Callback",
        redirectToOriginalResource = true,
        scope = {"openid", "profile", "email"},
        claimsDefinition = @ClaimsDefinition(callerNameClaim = "preferred_username",
                callerGroupsClaim = CallerGroups.CLAIM),
        tokenAutoRefresh = true,
        tokenMinValidity = SecurityConfiguration.TOKEN_MIN_VALIDITY_MS,
        useSession = true,
        logout = @LogoutDefinition(notifyProvider = false, accessTokenExpiry = true, identityTokenExpiry = true))
public class SecurityConfiguration {

    /** A token with less than this left is refreshed before use (Jakarta Security's default, stated). */
    static final int TOKEN_MIN_VALIDITY_MS = 10_000;
}
