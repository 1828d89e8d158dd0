package org.custos.reports.model;

/** One of the four report types. Each carries its header and the evidence embedded with it. */
public sealed interface Report permits ClinicAuditReport, ConsortiumIntegrityReport, ErasureCertificate,
        DisclosureAccounting {

    ReportHeader header();

    Evidence evidence();

    /** The document title (also the XMP {@code dc:title}). */
    String title();
}
