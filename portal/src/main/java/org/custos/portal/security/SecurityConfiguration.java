package org.custos.portal.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.LogoutDefinition;

/**
 * Sign-in through the Keycloak realm (Jakarta Security 3.0 OpenID Connect, authorization code flow with a
 * confidential client). Roles come from the flat {@code groups} claim. Expired access and identity tokens end
 * the authentication (no silent refresh), so a user disabled in Keycloak loses access within one token
 * lifetime; logout is RP-initiated by {@link SignOutBacking}, which also ends the Keycloak session.
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
        claimsDefinition = @ClaimsDefinition(callerNameClaim = "preferred_username", callerGroupsClaim = "groups"),
        tokenAutoRefresh = false,
        useSession = true,
        logout = @LogoutDefinition(notifyProvider = false, accessTokenExpiry = true, identityTokenExpiry = true))
public class SecurityConfiguration {
}
