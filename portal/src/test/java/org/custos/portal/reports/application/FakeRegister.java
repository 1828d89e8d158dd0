package org.custos.portal.reports.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.portal.reports.domain.IssuedReport;
import org.custos.portal.reports.domain.ReportKind;
import org.custos.portal.reports.domain.ReportRegister;

/** An in-memory register with the JPA register's scope rule; counts stores so tests can say nothing was stored. */
final class FakeRegister implements ReportRegister {

    static final String NORTH = "0x" + "01".repeat(32);
    static final String SOUTH = "0x" + "02".repeat(32);

    final Map<String, IssuedReport> rows = new LinkedHashMap<>();
    final Map<String, byte[]> pdfs = new LinkedHashMap<>();
    int stores;

    static IssuedReport row(String id, ReportKind kind, String clinic, byte[] pdf, long trailSeq, String trailHead) {
        return new IssuedReport(id, kind, clinic, null, "officer-north", "compliance-officer",
                Instant.parse("2026-12-07T10:00:00Z"), RegisterService.sha256(pdf), "ab".repeat(32), pdf.length,
                "PAdES-B-B", trailSeq, trailHead);
    }

    @Override
    public IssuedReport store(IssuedReport report, byte[] pdf) {
        stores++;
        rows.put(report.getId(), report);
        pdfs.put(report.getId(), pdf.clone());
        return report;
    }

    @Override
    public List<IssuedReport> list(String scopeClinic, int first, int limit) {
        List<IssuedReport> in = new ArrayList<>(rows.values().stream().filter(r -> inScope(r, scopeClinic)).toList());
        in.sort(Comparator.comparing(IssuedReport::getIssuedAt).thenComparing(IssuedReport::getId).reversed());
        return in.subList(Math.min(first, in.size()), Math.min(first + limit, in.size()));
    }

    @Override
    public long count(String scopeClinic) {
        return rows.values().stream().filter(r -> inScope(r, scopeClinic)).count();
    }

    @Override
    public Optional<IssuedReport> find(String id, String scopeClinic) {
        return Optional.ofNullable(rows.get(id)).filter(r -> inScope(r, scopeClinic));
    }

    @Override
    public Optional<IssuedReport> findByPdfSha256(String sha256) {
        return rows.values().stream().filter(r -> r.getPdfSha256().equals(sha256)).findFirst();
    }

    @Override
    public Optional<byte[]> pdf(String id, String scopeClinic) {
        return find(id, scopeClinic).map(r -> pdfs.get(id).clone());
    }

    private static boolean inScope(IssuedReport r, String scopeClinic) {
        return scopeClinic == null || scopeClinic.equals(r.getClinicId());
    }
}
