/**
 * The reports pages and downloads: {@code /reports/register.xhtml} ({@link org.custos.portal.reports.web.RegisterBacking}),
 * {@code /reports/verify.xhtml} ({@link org.custos.portal.reports.web.VerifyBacking}), {@code /reports/download}
 * ({@link org.custos.portal.reports.web.ReportDownloadServlet}), {@code /reports/trust-anchor.pem}
 * ({@link org.custos.portal.reports.web.TrustAnchorServlet}) and the lead's issue page. Backing beans and servlets
 * only translate between HTTP and the application services; scope and role checks are the services'.
 */
package org.custos.portal.reports.web;
