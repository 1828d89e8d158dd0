package org.custos.portal.reports.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.custos.portal.reports.domain.IssuedReport;
import org.custos.portal.reports.domain.ReportRegister;
import org.custos.portal.security.ClinicScope;
import org.custos.portal.security.CurrentUser;
import org.custos.portal.security.Roles;
import org.custos.portal.security.SignedInUser;
import org.custos.portal.trail.application.TrailService;
import org.custos.portal.trail.domain.TrailAction;

/**
 * The register of issued reports, scoped by {@link ClinicScope}: regulators see every report; a compliance officer
 * or DPO sees only their own clinic's (never the consortium report, never another clinic's, by list or by id: an
 * id out of scope is answered exactly like an unknown one). Every download is a trail entry.
 */
@Stateless
public class RegisterService {

    /** Largest page the register page asks for. */
    public static final int MAX_PAGE = 200;

    @Inject
    ReportRegister register;

    @Inject
    ClinicScope scope;

    @Inject
    CurrentUser currentUser;

    @Inject
    TrailService trail;

    /** A report the caller may download; its PDF is streamed by {@link #writePdf}. */
    public record Download(IssuedReport report) {
    }

    /**
     * Stores an issued report and its PDF in the caller's transaction (the issuing service's, with its
     * {@code REPORT_ISSUED} trail entry). The row must describe this PDF: its size and SHA-256 are checked. Who may
     * issue what is the issuing service's decision; this method does not read the caller's scope (it may run on
     * the managed executor, where no request is active).
     */
    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public IssuedReport record(IssuedReport report, byte[] pdf) {
        if (pdf == null || pdf.length == 0) {
            throw new IllegalArgumentException("no PDF to register");
        }
        if (pdf.length != report.getSizeBytes() || !sha256(pdf).equals(report.getPdfSha256())) {
            throw new IllegalArgumentException("the register row does not describe this PDF (size or SHA-256)");
        }
        return register.store(report, pdf);
    }

    /** As {@link #record(IssuedReport, byte[])}, with the signed PDF streamed from a file (size and SHA-256 too). */
    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public IssuedReport recordFile(IssuedReport report, java.nio.file.Path pdf) throws java.io.IOException {
        long size = java.nio.file.Files.size(pdf);
        if (size == 0) {
            throw new IllegalArgumentException("no PDF to register");
        }
        if (size != report.getSizeBytes() || !sha256(pdf).equals(report.getPdfSha256())) {
            throw new IllegalArgumentException("the register row does not describe this PDF (size or SHA-256)");
        }
        return register.storeFile(report, pdf);
    }

    /** Newest first, in the caller's scope. */
    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public List<IssuedReport> list(int first, int limit) {
        return register.list(scope.queryScope(), Math.max(0, first), Math.max(0, Math.min(MAX_PAGE, limit)));
    }

    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public long count() {
        return register.count(scope.queryScope());
    }

    /** The row, if it exists and is in the caller's scope. */
    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public Optional<IssuedReport> find(String id) {
        return validId(id) ? register.find(id, scope.queryScope()) : Optional.empty();
    }

    /**
     * A download of the signed PDF, if the report exists and is in the caller's scope; records the download in the
     * trail (in this transaction). Empty, and nothing recorded, otherwise. The bytes follow with {@link #writePdf}.
     */
    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public Optional<Download> download(String id) {
        if (!validId(id)) {
            return Optional.empty();
        }
        String scopeClinic = scope.queryScope();
        Optional<IssuedReport> report = register.find(id, scopeClinic);
        if (report.isEmpty()) {
            return Optional.empty();
        }
        IssuedReport r = report.get();
        trail.record(me(), TrailAction.REPORT_DOWNLOADED, "report", r.getId(),
                r.getKind().name() + "; " + (r.getClinicId() == null ? "consortium" : "clinic " + r.getClinicId())
                        + "; pdf sha256 " + r.getPdfSha256());
        return Optional.of(new Download(r));
    }

    /**
     * Writes the signed PDF of report {@code id} to {@code out}, streamed from the database (a 140 MB report is
     * never an array in the heap), if it is in the caller's scope; false, and nothing written, otherwise.
     */
    @RolesAllowed({Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO})
    public boolean writePdf(String id, java.io.OutputStream out) throws java.io.IOException {
        return validId(id) && register.writePdf(id, scope.queryScope(), out);
    }

    /** Whether the caller's scope covers {@code report}: the consortium report is the regulators' alone. */
    static boolean visible(ClinicScope scope, IssuedReport report) {
        return report.getClinicId() == null ? scope.allClinics() : scope.mayAccess(report.getClinicId());
    }

    SignedInUser me() {
        String clinic = currentUser.isRegulator() ? null : currentUser.getClinicId();
        return new SignedInUser(currentUser.getName(), String.join(",", currentUser.getRoles()), clinic);
    }

    static boolean validId(String id) {
        return id != null && IssuedReport.ID.matcher(id).matches();
    }

    /** The SHA-256 of a file, read in 1 MiB blocks. */
    static String sha256(java.nio.file.Path file) throws java.io.IOException {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 20];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA-256", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA-256", e);
        }
    }
}
