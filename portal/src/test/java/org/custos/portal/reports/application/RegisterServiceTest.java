package org.custos.portal.reports.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custos.portal.reports.domain.IssuedReport;
import org.custos.portal.reports.domain.ReportKind;
import org.custos.portal.security.ClinicScope;
import org.custos.portal.security.CurrentUser;
import org.custos.portal.security.SignedInUser;
import org.custos.portal.trail.application.TrailService;
import org.custos.portal.trail.domain.TrailAction;
import org.custos.portal.trail.domain.TrailEntry;
import org.junit.jupiter.api.Test;

/** The register's scope rule by list and by id, downloads and their trail entries, and what {@code record} accepts. */
class RegisterServiceTest {

    private static final byte[] NORTH_PDF = "%PDF north".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SOUTH_PDF = "%PDF south".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONSORTIUM_PDF = "%PDF consortium".getBytes(StandardCharsets.US_ASCII);

    private final FakeRegister register = new FakeRegister();
    private final List<String> trail = new ArrayList<>();

    RegisterServiceTest() {
        register.store(FakeRegister.row("R-NORTH", ReportKind.PRE_INSPECTION, FakeRegister.NORTH, NORTH_PDF, 1, "aa"),
                NORTH_PDF);
        register.store(FakeRegister.row("R-SOUTH", ReportKind.CLINIC_AUDIT, FakeRegister.SOUTH, SOUTH_PDF, 2, "bb"),
                SOUTH_PDF);
        register.store(FakeRegister.row("R-ALL", ReportKind.CONSORTIUM_INTEGRITY, null, CONSORTIUM_PDF, 3, "cc"),
                CONSORTIUM_PDF);
    }

    @Test
    void anOfficerSeesOnlyTheirClinicsReportsByListAndById() {
        RegisterService officer = service(FakeRegister.NORTH);
        assertThat(officer.list(0, 50)).extracting(IssuedReport::getId).containsExactly("R-NORTH");
        assertThat(officer.count()).isEqualTo(1);
        assertThat(officer.find("R-SOUTH")).isEmpty();
        assertThat(officer.find("R-ALL")).isEmpty();
        assertThat(officer.find("R-NORTH")).isPresent();
    }

    @Test
    void anotherClinicsReportDownloadsLikeAnUnknownOneAndIsNotRecorded() {
        RegisterService officer = service(FakeRegister.NORTH);
        assertThat(officer.download("R-SOUTH")).isEmpty();
        assertThat(officer.download("R-ALL")).isEmpty();
        assertThat(officer.download("NO-SUCH")).isEmpty();
        assertThat(trail).isEmpty();
    }

    @Test
    void anUnmappedClinicSeesNothing() {
        RegisterService unmapped = service(ClinicScope.NO_CLINIC);
        assertThat(unmapped.list(0, 50)).isEmpty();
        assertThat(unmapped.download("R-NORTH")).isEmpty();
    }

    @Test
    void aDownloadInScopeIsThePdfAndATrailEntry() {
        RegisterService north = service(FakeRegister.NORTH);
        Optional<RegisterService.Download> d = north.download("R-NORTH");
        assertThat(d).isPresent();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        assertThat(uncheckedWrite(north, "R-NORTH", body)).isTrue();
        assertThat(body.toByteArray()).isEqualTo(NORTH_PDF);
        // another clinic's PDF is not written, whatever the id
        java.io.ByteArrayOutputStream none = new java.io.ByteArrayOutputStream();
        assertThat(uncheckedWrite(north, "R-SOUTH", none)).isFalse();
        assertThat(uncheckedWrite(north, "../R-NORTH", none)).isFalse();
        assertThat(none.size()).isZero();
        assertThat(trail).containsExactly("REPORT_DOWNLOADED report R-NORTH PRE_INSPECTION; clinic "
                + FakeRegister.NORTH + "; pdf sha256 " + RegisterService.sha256(NORTH_PDF));
    }

    private static boolean uncheckedWrite(RegisterService service, String id, java.io.OutputStream out) {
        try {
            return service.writePdf(id, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void regulatorsSeeEveryReportNewestFirstAndPagesAreBounded() {
        RegisterService regulator = service(null);
        assertThat(regulator.count()).isEqualTo(3);
        assertThat(regulator.list(0, 10_000)).hasSize(3);
        assertThat(regulator.download("R-ALL")).isPresent();
        assertThat(regulator.list(-5, -1)).isEmpty();
    }

    @Test
    void malformedIdsAreNotLookedUp() {
        RegisterService regulator = service(null);
        for (String id : new String[] {null, "", " R-NORTH", "R-NORTH\"", "../R-NORTH", "a".repeat(65), "R NORTH"}) {
            assertThat(regulator.download(id)).as(String.valueOf(id)).isEmpty();
        }
    }

    @Test
    void recordRefusesAPdfTheRowDoesNotDescribe() {
        RegisterService service = service(null);
        IssuedReport row = FakeRegister.row("R-NEW", ReportKind.CLINIC_AUDIT, FakeRegister.NORTH, NORTH_PDF, 4, "dd");
        assertThatThrownBy(() -> service.record(row, SOUTH_PDF)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.record(row, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.record(row, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(service.record(row, NORTH_PDF)).isSameAs(row);
        assertThat(register.pdfs.get("R-NEW")).isEqualTo(NORTH_PDF);
    }

    @Test
    void recordFileChecksTheFileItStreams(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        RegisterService service = service(null);
        IssuedReport row = FakeRegister.row("R-FILE", ReportKind.CLINIC_AUDIT, FakeRegister.NORTH, NORTH_PDF, 5, "ee");
        java.nio.file.Path other = java.nio.file.Files.write(dir.resolve("south.pdf"), SOUTH_PDF);
        java.nio.file.Path empty = java.nio.file.Files.write(dir.resolve("empty.pdf"), new byte[0]);
        java.nio.file.Path changed = java.nio.file.Files.write(dir.resolve("changed.pdf"), NORTH_PDF.clone());
        byte[] flipped = java.nio.file.Files.readAllBytes(changed);
        flipped[0] ^= 1;
        java.nio.file.Files.write(changed, flipped);
        assertThatThrownBy(() -> service.recordFile(row, other)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.recordFile(row, empty)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.recordFile(row, changed)).isInstanceOf(IllegalArgumentException.class);
        assertThat(register.pdfs).doesNotContainKey("R-FILE");
        java.nio.file.Path good = java.nio.file.Files.write(dir.resolve("north.pdf"), NORTH_PDF);
        assertThat(service.recordFile(row, good)).isSameAs(row);
        assertThat(register.pdfs.get("R-FILE")).isEqualTo(NORTH_PDF);
        assertThat(RegisterService.sha256(good)).isEqualTo(RegisterService.sha256(NORTH_PDF));
    }

    @Test
    void theConsortiumReportIsVisibleToRegulatorsOnly() {
        IssuedReport consortium = register.rows.get("R-ALL");
        assertThat(RegisterService.visible(scope(null), consortium)).isTrue();
        assertThat(RegisterService.visible(scope(FakeRegister.NORTH), consortium)).isFalse();
        assertThat(RegisterService.visible(scope(FakeRegister.NORTH), register.rows.get("R-NORTH"))).isTrue();
        assertThat(RegisterService.visible(scope(FakeRegister.NORTH), register.rows.get("R-SOUTH"))).isFalse();
    }

    private RegisterService service(String scopeClinic) {
        RegisterService s = new RegisterService();
        s.register = register;
        s.scope = scope(scopeClinic);
        s.currentUser = new CurrentUser() {
            @Override
            public String getName() {
                return "tester";
            }

            @Override
            public List<String> getRoles() {
                return List.of(scopeClinic == null ? "regulator" : "compliance-officer");
            }

            @Override
            public boolean isRegulator() {
                return scopeClinic == null;
            }

            @Override
            public String getClinicId() {
                return scopeClinic == null ? null : "clinic-north";
            }
        };
        s.trail = new TrailService() {
            @Override
            public TrailEntry record(SignedInUser actor, TrailAction action, String objectType, String objectId,
                                     String detail) {
                trail.add(action + " " + objectType + " " + objectId + " " + detail);
                return null;
            }
        };
        return s;
    }

    /** The query scope {@code clinic} (null: a regulator). */
    private static ClinicScope scope(String clinic) {
        return new ClinicScope() {
            @Override
            public boolean allClinics() {
                return clinic == null;
            }

            @Override
            public String queryScope() {
                return clinic;
            }

            @Override
            public boolean mayAccess(String clinicId) {
                return clinicId != null && (clinic == null || clinic.equals(clinicId));
            }
        };
    }
}
