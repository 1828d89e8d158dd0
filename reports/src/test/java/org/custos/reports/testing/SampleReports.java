package org.custos.reports.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.custos.reports.model.ClinicAuditReport;
import org.custos.reports.model.ConsortiumIntegrityReport;
import org.custos.reports.model.ConsortiumIntegrityReport.ChainCheck;
import org.custos.reports.model.ConsortiumIntegrityReport.IntegrityAlert;
import org.custos.reports.model.ConsortiumIntegrityReport.SplitViewCheck;
import org.custos.reports.model.ConsortiumIntegrityReport.ValidatorChange;
import org.custos.reports.model.DisclosureAccounting;
import org.custos.reports.model.DisclosureAccounting.Disclosure;
import org.custos.reports.model.ErasureCertificate;
import org.custos.reports.model.Evidence;
import org.custos.reports.model.Finding;
import org.custos.reports.model.IssueNotes;
import org.custos.reports.model.Report;
import org.custos.reports.model.ReportHeader;
import org.custos.reports.model.Severity;
import org.custos.reports.model.VerificationSummary;

/**
 * Sample reports of each type with made-up (but plausible) content, including the characters the fonts must
 * carry: ł, č, ß, Greek and ✓. Used by the tests, the conformance corpus, the benchmark and docs/images.
 */
public final class SampleReports {

    /** Polish, Czech, German and Greek text plus a check mark: must survive render + extract unchanged. */
    public static final String EUROPEAN = "Łódź: zażółć gęślą jaźń · Číslo účtu: Dvořák · Straße, Größe · "
            + "Ελληνικά: Αθήνα, ψυχή · ✓ verified";

    public static final String CHECKPOINT = "0x" + "5b".repeat(2) + "e1c0a7f3" + "0d".repeat(26);
    private static final String LAST = "0x" + "9a0c44e2" + "7b".repeat(28);
    private static final List<String> VALIDATORS = List.of("0x1b43a0f0c2d7e9a4c3d2b1a0f9e8d7c6b5a49382",
            "0x2c54b1f1d3e8fab5d4e3c2b1a0f9e8d7c6b5a493", "0x3d65c2f2e4f90bc6e5f4d3c2b1a0f9e8d7c6b5a4",
            "0x4e76d3f3f50a1cd7f6e5d4c3b2a1f0e9d8c7b6a5");

    private SampleReports() {
    }

    public static Evidence evidence(String label) {
        return Evidence.of("""
                {"version":"custos-evidence/1","chain":{"chainId":"0x1092","consensus":"qbft",\
                "checkpoint":{"number":"0x2710","hash":"%s"},"validators":%s,"epochLength":"0x7530"},\
                "blocks":[],"events":[],"stateProofs":[],"merkleProofs":[],"note":"sample %s"}"""
                .formatted(CHECKPOINT, VALIDATORS.stream().map(v -> "\"" + v + "\"").toList(), label));
    }

    static VerificationSummary verification() {
        return new VerificationSummary(10_000, 18_431, CHECKPOINT, LAST, "qbft", VALIDATORS,
                "VERIFIED 8,432 blocks: hash chain, QBFT commit seals (quorum 3 of 4), transactions and receipts roots");
    }

    public static ClinicAuditReport clinicAudit(int findings) {
        return clinicAudit(findings, evidence("clinic audit"));
    }

    public static ClinicAuditReport clinicAudit(int findings, Evidence evidence) {
        List<Finding> list = new ArrayList<>();
        String[][] rules = {
            {"GDPR-ER-01", "GDPR Art 17(1), Art 12(3)", "Erasure request completed 9 days after the one-month deadline."},
            {"HIPAA-AOD-01", "45 CFR 164.528(a)(1)", "Disclosure to a payer recorded without a purpose statement."},
            {"INT-03", "Yellow Paper §4.3; INT-03", "Receipts root rebuilt for every block: all events complete."},
            {"GDPR-DSR-02", "GDPR Art 12(4)", "Refusal letter anchored without the supervisory-authority notice."},
            {"HIPAA-MIN-01", "45 CFR 164.502(b)(1)", "Out-of-profile access by role 'billing' to category 'lab'."},
        };
        Severity[] severities = Severity.values();
        for (int i = 0; i < findings; i++) {
            String[] rule = rules[i % rules.length];
            String summary = rule[2] + (i == 0 ? " " + EUROPEAN : "") + " (finding " + (i + 1) + ", tx 0x"
                    + String.format("%064x", 0xC0FFEEL * (i + 1)) + ")";
            list.add(new Finding(rule[0], rule[1], severities[i % severities.length],
                    i % 3 == 0 ? "open" : i % 3 == 1 ? "resolved" : "accepted risk", summary));
        }
        return new ClinicAuditReport(new ReportHeader("CA-2026-0042", "Office of the Health Data Regulator (Αρχή ✓)",
                "Compliance officer, Klinika Łódź-Północ"), "Klinika Łódź-Północ (clinic-north)",
                "Access logs, consents, erasure requests and disclosures anchored by the clinic; ledger blocks "
                        + "10,000 to 18,431.", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), verification(),
                list, evidence);
    }

    public static ConsortiumIntegrityReport consortiumIntegrity() {
        return new ConsortiumIntegrityReport(new ReportHeader("CI-2026-0007", "Custos consortium monitor",
                "Consortium board"), "Nordic–Baltic Health Ledger", verification(),
                List.of(new ChainCheck("Hash chain from pinned checkpoint", "10,000–18,431", true,
                                "Every parentHash links; every header hash recomputed."),
                        new ChainCheck("QBFT commit seals (INT-02)", "10,001–18,431", true,
                                "≥ ⌈2n/3⌉ distinct validators sealed each block."),
                        new ChainCheck("Receipts and logs (INT-03)", "10,000–18,431", true,
                                "Receipts roots rebuilt; blooms and gasUsed match."),
                        new ChainCheck("Audit-log consistency (INT-05)", "checkpoints 41–42", false,
                                "Consistency proof 41→42 rejected: SECOND_ROOT_MISMATCH.")),
                List.of(new SplitViewCheck(18_431, "clinic-north node", LAST, true),
                        new SplitViewCheck(18_431, "clinic-south node", LAST, true),
                        new SplitViewCheck(18_431, "Straße-Klinik node", "0x" + "e3".repeat(32), false)),
                List.of(new IntegrityAlert("INT-06", Severity.S1, "2026-03-30 14:02 UTC",
                                "Split view: one member's node reports another block 18,431."),
                        new IntegrityAlert("INT-05", Severity.S1, "2026-03-31 09:10 UTC",
                                "Access-log checkpoint 42 does not extend checkpoint 41.")),
                evidence("consortium integrity"));
    }

    /** The portal audit-trail head the samples print. */
    public static final String TRAIL_HEAD = "0x" + "7e1a".repeat(16);

    /** Issue notes with the given caveats (requested by officer-north). */
    public static IssueNotes notes(List<String> caveats) {
        return new IssueNotes(caveats, "officer-north", "compliance-officer", 1_204, TRAIL_HEAD);
    }

    /**
     * The pre-inspection report of clinic-north: prepared at the clinic's request, with its readiness verdict, two
     * caveats, no verified evidence bundle and the rules that therefore could not run, and findings whose status
     * carries a reason, who set it and where the evidence is.
     */
    public static ClinicAuditReport preInspection() {
        ClinicAuditReport base = clinicAudit(3);
        List<Finding> findings = new ArrayList<>();
        for (Finding f : base.findings()) {
            findings.add(new Finding(f.ruleId(), f.legalSource(), f.severity(), f.status(), f.summary(),
                    "Deadline missed during the migration (Größe ✓)", "officer-north (compliance-officer)",
                    "block 17002 tx 0x" + "ab".repeat(32) + " log 4"));
        }
        return new ClinicAuditReport(new ReportHeader("PI-2026-0003", "Custos for Klinika Łódź-Północ",
                "Compliance officer, Klinika Łódź-Północ", notes(List.of(
                        "Integrity alert INT-06 (split view) is open since 2026-03-30 14:02 UTC.",
                        "The portal's ledger sync is 12 blocks behind the node (verified to 18,431, node at 18,443)."))),
                base.clinic(), base.scope(), base.periodStart(), base.periodEnd(), base.verification(), findings,
                evidence("pre-inspection"), true, "Not ready: 1 open S1 finding (GDPR-ER-01).", List.of(),
                List.of("GDPR-ER-02: needs the KMS deletion receipts of a verified bundle",
                        "HIPAA-AOD-02: needs the disclosure log of a verified bundle"));
    }

    /** The consortium report with validator-set changes, one open and one past alert, and notes without caveats. */
    public static ConsortiumIntegrityReport consortiumIntegrityWithHistory() {
        ConsortiumIntegrityReport base = consortiumIntegrity();
        return new ConsortiumIntegrityReport(new ReportHeader("CI-2026-0008", "Office of the Health Data Regulator",
                "Consortium board", new IssueNotes(List.of(), "regulator-1", "regulator", 88, TRAIL_HEAD)),
                base.consortium(), base.verification(), base.chainChecks(), base.splitViewChecks(),
                List.of(new IntegrityAlert("INT-06", Severity.S1, "2026-03-30 14:02 UTC",
                                "Split view: one member's node reports another block 18,431."),
                        new IntegrityAlert("INT-02", Severity.S2, "2026-02-11 08:00 UTC",
                                "Seal quorum missed at block 12,007 (node restarted).", false,
                                "2026-02-11 09:30 UTC")),
                evidence("consortium integrity with history"),
                List.of(new ValidatorChange(12_000, "0x4e76d3f3f50a1cd7f6e5d4c3b2a1f0e9d8c7b6a5 voted in (4 validators)"),
                        new ValidatorChange(15_500, "0x2c54b1f1d3e8fab5d4e3c2b1a0f9e8d7c6b5a493 voted out, re-added at "
                                + "15,530")));
    }

    public static ErasureCertificate erasureCertificate() {
        return new ErasureCertificate(new ReportHeader("EC-2026-0113", "Custos for Klinika Łódź-Północ",
                "Data-protection officer (dpo-north)"), "Klinika Łódź-Północ (clinic-north)", "ER-2026-0113",
                "subj-7f3a9c", LocalDate.of(2026, 2, 3), LocalDate.of(2026, 3, 3), LocalDate.of(2026, 2, 20),
                List.of(new ErasureCertificate.DestroyedKey("kms://north/keys/7f3a9c-commit", "2026-02-20 10:14 UTC",
                                "0x" + "4d".repeat(32)),
                        new ErasureCertificate.DestroyedKey("kms://north/keys/7f3a9c-salt", "2026-02-20 10:14 UTC",
                                "0x" + "8e".repeat(32))),
                List.of(new ErasureCertificate.KmsReceipt("rcpt-1", "kms://north/keys/7f3a9c-commit",
                                "KMS attestation key (Dvořák HSM)", true),
                        new ErasureCertificate.KmsReceipt("rcpt-2", "kms://north/keys/7f3a9c-salt",
                                "KMS attestation key (Dvořák HSM)", true)),
                List.of(new ErasureCertificate.Anchor(17_002, "0x" + "a1".repeat(32), "KeyDestroyed(commit)"),
                        new ErasureCertificate.Anchor(17_002, "0x" + "a2".repeat(32), "KeyDestroyed(salt)"),
                        new ErasureCertificate.Anchor(17_010, "0x" + "a3".repeat(32), "RequestAnswered(erased)")),
                evidence("erasure certificate"));
    }

    public static DisclosureAccounting disclosureAccounting(int disclosures) {
        List<Disclosure> list = new ArrayList<>();
        LocalDate requested = LocalDate.of(2026, 3, 15);
        String[][] recipients = {
            {"County Public Health Department", "12 Main St, Springfield"},
            {"Ελληνικό Κέντρο Έρευνας (research)", ""},
            {"Court of Justice, case 2024-113", "Courthouse Sq 1"},
            {"Workers' compensation insurer Größe AG", "Postfach 12, Berlin"},
        };
        for (int i = 0; i < disclosures; i++) {
            String[] r = recipients[i % recipients.length];
            list.add(new Disclosure(requested.minusDays(1 + (long) i * 2000 / Math.max(disclosures, 1)), r[0], r[1],
                    "Immunisation record and lab result (" + (i + 1) + ")",
                    i % 2 == 0 ? "Required by law: communicable-disease reporting" : "Response to a subpoena ✓"));
        }
        return new DisclosureAccounting(new ReportHeader("AD-2026-0009", "Klinika Łódź-Północ privacy office",
                "The individual (subj-7f3a9c)"), "Klinika Łódź-Północ (clinic-north)", "subj-7f3a9c", requested,
                list, evidence("accounting of disclosures"));
    }

    /** One of each type, named for file names. */
    public static List<Named> all() {
        return List.of(new Named("clinic-audit", clinicAudit(14)), new Named("consortium-integrity",
                consortiumIntegrity()), new Named("erasure-certificate", erasureCertificate()),
                new Named("disclosure-accounting", disclosureAccounting(9)), new Named("pre-inspection",
                preInspection()), new Named("consortium-history", consortiumIntegrityWithHistory()));
    }

    public record Named(String name, Report report) {
        @Override
        public String toString() {
            return name;
        }
    }
}
