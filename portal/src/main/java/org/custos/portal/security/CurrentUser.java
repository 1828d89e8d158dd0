package org.custos.portal.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The signed-in user of this request: name and roles from the container, clinic from the {@code clinic_id}
 * claim of the Keycloak token. A compliance officer's or DPO's clinic is always taken from here, on the
 * server, never from a request parameter.
 */
@Named("currentUser")
@RequestScoped
public class CurrentUser {

    public static final String CLINIC_CLAIM = "clinic_id";

    @Inject
    SecurityContext securityContext;

    @Inject
    Instance<OpenIdContext> openIdContext;

    public boolean isSignedIn() {
        return securityContext.getCallerPrincipal() != null;
    }

    public String getName() {
        Principal p = securityContext.getCallerPrincipal();
        return p == null ? null : p.getName();
    }

    public boolean hasRole(String role) {
        return securityContext.isCallerInRole(role);
    }

    public boolean isRegulator() {
        return hasRole(Roles.REGULATOR);
    }

    public boolean isComplianceOfficer() {
        return hasRole(Roles.COMPLIANCE_OFFICER);
    }

    public boolean isDpo() {
        return hasRole(Roles.DPO);
    }

    /** The portal roles this user holds, in precedence order. */
    public List<String> getRoles() {
        return Roles.ALL.stream().filter(this::hasRole).collect(Collectors.toList());
    }

    public String getRolesLabel() {
        List<String> roles = getRoles();
        return roles.isEmpty() ? "no portal role" : String.join(", ", roles);
    }

    /** The clinic this user belongs to, from the token; empty for regulators and users without one. */
    public Optional<String> clinicId() {
        if (!isSignedIn() || !openIdContext.isResolvable()) {
            return Optional.empty();
        }
        try {
            OpenIdContext ctx = openIdContext.get();
            Optional<String> fromIdToken = ctx.getIdentityToken() == null ? Optional.empty()
                    : ctx.getIdentityToken().getJwtClaims().getStringClaim(CLINIC_CLAIM);
            if (fromIdToken.isPresent()) {
                return fromIdToken.filter(s -> !s.isBlank());
            }
            return ctx.getClaims().getStringClaim(CLINIC_CLAIM).filter(s -> !s.isBlank());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public String getClinicId() {
        return clinicId().orElse(null);
    }

    /** The clinic of a clinic-bound user; fails when a clinic-bound role has no clinic in its token. */
    public String requireClinicId() {
        return clinicId().orElseThrow(() -> new MissingClinicException(getName()));
    }

    /** The raw identity token, for RP-initiated logout. */
    public Optional<String> identityToken() {
        if (!isSignedIn() || !openIdContext.isResolvable()) {
            return Optional.empty();
        }
        try {
            OpenIdContext ctx = openIdContext.get();
            return ctx.getIdentityToken() == null ? Optional.empty()
                    : Optional.ofNullable(ctx.getIdentityToken().getToken());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The provider's end-session endpoint, from its discovery document. */
    public Optional<String> endSessionEndpoint() {
        if (!openIdContext.isResolvable()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(openIdContext.get().getProviderMetadata())
                    .map(m -> m.getString("end_session_endpoint", null));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
