/**
 * Integration tests of the web tier's security (issue 17, OWASP ASVS 4.0 level 2): response headers and the
 * Content-Security-Policy, sessions, uploads, tenant isolation, escaping. Real WAR on Payara Micro, real Keycloak,
 * headless Chromium; H2 only.
 */
package org.custos.portal.it.security;
