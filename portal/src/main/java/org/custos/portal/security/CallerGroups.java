package org.custos.portal.security;

import jakarta.security.enterprise.identitystore.openid.AccessToken;
import jakarta.security.enterprise.identitystore.openid.IdentityToken;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The groups of the signed-in caller, read from the tokens that the OpenID mechanism validated and keeps in the
 * session, in the order its identity store reads them at sign-in: the access token's {@link #CLAIM} claim, else
 * the identity token's, else the provider's user info. Keycloak's realm roles arrive there (payara-web.xml maps
 * each group to the role of the same name). After a token refresh these are the refreshed tokens' groups.
 */
final class CallerGroups {

    /** The claim that carries the groups; also the mechanism's {@code callerGroupsClaim}. */
    static final String CLAIM = "groups";

    private CallerGroups() {
    }

    /** The caller's groups; empty when the session holds no tokens or none names a group. */
    static Set<String> of(OpenIdContext context) {
        try {
            AccessToken access = context.getAccessToken();
            if (access != null && access.isJWT()) {
                List<String> groups = access.getJwtClaims().getArrayStringClaim(CLAIM);
                if (!groups.isEmpty()) {
                    return clean(groups);
                }
            }
            IdentityToken identity = context.getIdentityToken();
            if (identity == null) {
                return Set.of();
            }
            List<String> groups = identity.getJwtClaims().getArrayStringClaim(CLAIM);
            return clean(groups.isEmpty() ? context.getClaims().getArrayStringClaim(CLAIM) : groups);
        } catch (RuntimeException e) {
            // a session without an OpenID context (never signed in through it) has no groups to state
            return Set.of();
        }
    }

    private static Set<String> clean(List<String> groups) {
        Set<String> out = new LinkedHashSet<>();
        for (String g : groups) {
            if (g != null && !g.isBlank()) {
                out.add(g);
            }
        }
        return out;
    }
}
