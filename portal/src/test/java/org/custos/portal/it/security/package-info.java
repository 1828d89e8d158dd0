/**
 * Integration tests of the web tier against OWASP ASVS 4.0 level 2 (issue 17), on H2 only, each one deployment of
 * the real WAR with Chromium and Keycloak: the tenant-isolation crawler with its anti-forgery replays and header
 * scan ({@code TenantCrawlerIT}, with {@code Crawl}, {@code Replay}, {@code Isolation}, {@code AntiForgery},
 * {@code FacesPost}, {@code SecurityHeaders}, {@code SignedInHttp}); output encoding of everything the chain, a
 * bundle or a person can bring in ({@code EscapingIT}, with its hostile anvil {@code HostileChain}, its bundles
 * {@code HostileBundles}, and what it plants and checks, {@code Inert}); sessions ({@code SessionSecurityIT}).
 */
package org.custos.portal.it.security;
