/**
 * Integration tests of the web tier's security (issue 17, OWASP ASVS level 2), on H2: the tenant-isolation crawler
 * with its anti-forgery replays and header scan ({@code TenantCrawlerIT}, with {@code Crawl}, {@code Replay},
 * {@code Isolation}, {@code AntiForgery}, {@code FacesPost}, {@code SecurityHeaders}, {@code SignedInHttp}).
 */
package org.custos.portal.it.security;
