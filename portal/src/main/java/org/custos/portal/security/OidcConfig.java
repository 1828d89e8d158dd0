package org.custos.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * OpenID Connect settings, from MicroProfile Config (so from environment variables): {@code CUSTOS_OIDC_ISSUER},
 * {@code CUSTOS_OIDC_CLIENT_ID}, {@code CUSTOS_OIDC_CLIENT_SECRET}. Referenced by EL from
 * {@link SecurityConfiguration}; the secret has no default and is never logged.
 */
@ApplicationScoped
@Named("oidcConfig")
public class OidcConfig {

    private static final Logger LOG = Logger.getLogger(OidcConfig.class.getName());

    @Inject
    @ConfigProperty(name = "custos.oidc.issuer", defaultValue = "http://localhost:8180/realms/custos")
    String issuer;

    @Inject
    @ConfigProperty(name = "custos.oidc.client-id", defaultValue = "custos-portal")
    String clientId;

    @Inject
    @ConfigProperty(name = "custos.oidc.client-secret")
    Optional<String> clientSecret;

    public String getIssuer() {
        return issuer;
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientSecret() {
        if (clientSecret.isEmpty() || clientSecret.get().isBlank()) {
            LOG.severe("CUSTOS_OIDC_CLIENT_SECRET is not set: sign-in cannot work");
            return "";
        }
        return clientSecret.get();
    }
}
