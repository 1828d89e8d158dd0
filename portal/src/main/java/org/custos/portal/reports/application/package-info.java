/**
 * The reports area's use cases: issuing (the lead's {@code ReportService}), the register of issued reports
 * ({@link org.custos.portal.reports.application.RegisterService}: scoped lists, downloads with their trail entry)
 * and the verify page's checks ({@link org.custos.portal.reports.application.ReportCheckService}). Role checks and
 * the clinic scope ({@code ClinicScope}) are applied here, on the server; the web layer only calls these.
 */
package org.custos.portal.reports.application;
