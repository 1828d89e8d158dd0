package org.custos.portal.system;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;
import org.custos.portal.security.OidcConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The portal's {@link SecurityHeaders}, from configuration: the sign-in provider (Keycloak's origin may receive
 * the sign-out form's redirect) and {@code CUSTOS_HSTS} ({@code custos.hsts}, true when the portal is served over
 * TLS: docs/operations.md). Named for web.xml's {@code primefaces.CSP_POLICY}, an EL expression.
 */
@ApplicationScoped
@Named("securityHeaders")
public class SecurityHeadersSettings {

    private static final Logger LOG = Logger.getLogger(SecurityHeadersSettings.class.getName());

    @Inject
    OidcConfig oidcConfig;

    @Inject
    @ConfigProperty(name = "custos.hsts", defaultValue = "false")
    boolean hsts;

    private SecurityHeaders headers;

    @PostConstruct
    void build() {
        if (SecurityHeaders.originOf(oidcConfig.getIssuer()).isEmpty()) {
            LOG.warning("the OpenID issuer is not an http(s) URI: sign-out's redirect to it will be blocked (form-action)");
        }
        headers = SecurityHeaders.of(oidcConfig.getIssuer(), hsts);
    }

    public SecurityHeaders headers() {
        return headers;
    }

    /** The Content-Security-Policy of Faces pages, before PrimeFaces appends its nonce to the script-src. */
    public String getContentSecurityPolicy() {
        return headers.contentSecurityPolicy();
    }
}
