package org.custos.portal.reports.application;

/** Progress of a report being issued: {@code done} of {@code total} blocks of evidence taken from the node. */
@FunctionalInterface
public interface ReportProgress {

    void at(long done, long total);
}
