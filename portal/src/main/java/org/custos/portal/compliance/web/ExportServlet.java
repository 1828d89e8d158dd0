package org.custos.portal.compliance.web;

import ca.uhn.fhir.context.FhirContext;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;
import org.custos.portal.compliance.application.ExportService;
import org.custos.portal.compliance.export.BadExportRequestException;
import org.custos.portal.compliance.export.ChainRef;
import org.custos.portal.compliance.export.CsvWriter;
import org.custos.portal.compliance.export.DisclosureCsv;
import org.custos.portal.compliance.export.DisclosureFhir;
import org.custos.portal.compliance.export.DisclosuresQuery;
import org.custos.portal.compliance.export.Downloads;
import org.custos.portal.compliance.export.ExportParameters;
import org.custos.portal.compliance.export.FhirBundleWriter;
import org.custos.portal.compliance.export.FhirEntry;
import org.custos.portal.compliance.export.FindingCsv;
import org.custos.portal.compliance.export.FindingFhir;
import org.custos.portal.compliance.export.FindingsQuery;
import org.custos.portal.compliance.export.PortalLinks;
import org.custos.portal.compliance.export.RecipientNames;
import org.custos.portal.ledger.domain.ClinicDirectory;
import org.custos.portal.security.Roles;

/**
 * Downloads (GET, docs/exports.md): {@code /compliance/export/findings.csv}, {@code findings.fhir.json},
 * {@code disclosures.csv}, {@code disclosures.fhir.json}. Any portal role (checked here by the container and
 * again by {@link ExportService}); the clinic scope is decided by the service from the signed-in user, never by
 * the {@code clinic} parameter alone. Parameters are checked before anything is read: a bad one answers 400 with
 * a plain-text message. The body is streamed as the service pages through the store.
 */
@WebServlet(name = "complianceExport", urlPatterns = "/compliance/export/*")
@ServletSecurity(@HttpConstraint(rolesAllowed = {Roles.REGULATOR, Roles.COMPLIANCE_OFFICER, Roles.DPO}))
public class ExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ExportServlet.class.getName());

    /** What the path asks for. */
    enum Export {
        FINDINGS_CSV("findings.csv"), FINDINGS_FHIR("findings.fhir.json"), DISCLOSURES_CSV("disclosures.csv"),
        DISCLOSURES_FHIR("disclosures.fhir.json");

        final String file;

        Export(String file) {
            this.file = file;
        }

        static Export of(String pathInfo) {
            for (Export e : values()) {
                if (("/" + e.file).equals(pathInfo)) {
                    return e;
                }
            }
            return null;
        }

        /** {@code custos-findings-20260302T101500Z.fhir.json} */
        String fileName(Instant now) {
            int dot = file.indexOf('.');
            return "custos-" + file.substring(0, dot) + "-" + Downloads.stamp(now) + file.substring(dot);
        }

        boolean csv() {
            return file.endsWith(".csv");
        }
    }

    @EJB
    transient ExportService exports;

    @EJB
    transient org.custos.portal.compliance.application.DashboardService dashboard;

    @jakarta.inject.Inject
    transient org.custos.portal.ledger.application.ClinicNames clinicNames;

    transient Clock clock = Clock.systemUTC();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Export export = Export.of(req.getPathInfo());
        if (export == null) {
            Downloads.plain(res, HttpServletResponse.SC_NOT_FOUND, "no such export; available: findings.csv, "
                    + "findings.fhir.json, disclosures.csv, disclosures.fhir.json");
            return;
        }
        FindingsQuery findings = null;
        DisclosuresQuery disclosures = null;
        try {
            if (export == Export.FINDINGS_CSV || export == Export.FINDINGS_FHIR) {
                findings = ExportParameters.findings(req.getParameterMap());
            } else {
                disclosures = ExportParameters.disclosures(req.getParameterMap());
            }
        } catch (BadExportRequestException e) {
            Downloads.plain(res, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        Instant now = clock.instant();
        Downloads.attachment(res, export.csv() ? "text/csv; charset=UTF-8; header=present"
                : "application/fhir+json; charset=UTF-8", export.fileName(now));
        PortalLinks links = new PortalLinks(Downloads.baseUrl(req));
        try {
            // the scope first: a clinic-bound user without a clinic is refused before any byte is written
            ExportService.Scope scope = exports.scope(findings != null ? findings.clinicId()
                    : disclosures.clinicId());
            exports.recordDownload(export.file, scope, findings != null ? describe(findings) : describe(disclosures));
            write(export, findings, disclosures, links, res, now);
        } catch (RuntimeException e) {
            Downloads.fail(res, e, LOG, "export",
                    "access denied: this export needs a portal role and, for clinic roles, a clinic",
                    "the export failed; the error is in the server log");
        }
    }

    static String describe(FindingsQuery q) {
        return "rule=" + (q.ruleId() == null ? "any" : q.ruleId())
                + ", severity=" + (q.severity() == null ? "any" : q.severity())
                + ", status=" + (q.status() == null ? "any" : q.status())
                + ", current=" + q.currentOnly();
    }

    static String describe(DisclosuresQuery q) {
        return "subject=" + q.subject();
    }

    /**
     * Streams the export. The writers are closed (which ends the CSV or the Bundle) only after the service
     * returned: a failure half-way must not look like a complete file, so it propagates instead.
     */
    private void write(Export export, FindingsQuery findings, DisclosuresQuery disclosures, PortalLinks links,
                       HttpServletResponse res, Instant now) throws IOException {
        OutputStream body = new BufferedOutputStream(res.getOutputStream(), 1 << 16);
        ClinicDirectory clinics = clinicNames == null ? ClinicDirectory.empty() : clinicNames.directory();
        RecipientNames recipients = findings != null || dashboard == null ? RecipientNames.none()
                : dashboard.recipientNames();
        switch (export) {
            case FINDINGS_CSV -> {
                CsvWriter csv = new CsvWriter(body, FindingCsv.HEADER);
                exports.findings(findings, f -> csv.row(FindingCsv.row(f, links, clinics)));
                csv.close();
            }
            case DISCLOSURES_CSV -> {
                CsvWriter csv = new CsvWriter(body, DisclosureCsv.HEADER);
                exports.disclosures(disclosures, d -> csv.row(DisclosureCsv.row(d, links, clinics, recipients)));
                csv.close();
            }
            case FINDINGS_FHIR -> {
                ChainRef chain = exports.chain();
                FhirBundleWriter fhir = new FhirBundleWriter(FhirContext.forR4Cached(), body, now);
                exports.findings(findings, f -> {
                    for (FhirEntry e : FindingFhir.entries(f, chain, links, clinics)) {
                        fhir.add(e);
                    }
                });
                fhir.close();
            }
            case DISCLOSURES_FHIR -> {
                ChainRef chain = exports.chain();
                FhirBundleWriter fhir = new FhirBundleWriter(FhirContext.forR4Cached(), body, now);
                exports.disclosures(disclosures, d -> {
                    for (FhirEntry e : DisclosureFhir.entries(d, chain, links, clinics, recipients)) {
                        fhir.add(e);
                    }
                });
                fhir.close();
            }
        }
    }

}
