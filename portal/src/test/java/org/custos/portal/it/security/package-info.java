/**
 * Integration tests of the web tier against OWASP ASVS 4.0 level 2 (issue 17), on H2 only, each one deployment of
 * the real WAR on Payara Micro with Keycloak and headless Chromium: response headers and the Content-Security-Policy
 * ({@code CspBrowserIT}, reading the console through {@code CspBrowser}); sessions ({@code SessionSecurityIT});
 * the tenant-isolation crawler with its anti-forgery replays and header scan ({@code TenantCrawlerIT}, with
 * {@code Crawl}, {@code Replay}, {@code Isolation}, {@code AntiForgery}, {@code FacesPost}, {@code SecurityHeaders},
 * {@code SignedInHttp}); output encoding of everything the chain, a bundle or a person can bring in
 * ({@code EscapingIT}, with its hostile anvil {@code HostileChain}, its bundles {@code HostileBundles}, and what it
 * plants and checks, {@code Inert}); uploads of mutated bundles through the page ({@code UploadFuzzIT}).
 */
package org.custos.portal.it.security;
