package org.custos.portal.compliance.export;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.FindingMerger;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.compliance.domain.StoredFinding;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * The FHIR mapping: the streamed Bundle parses with HAPI's strict parser as one R4 collection Bundle, encodes
 * again to the same resources (round trip), every AuditEvent has the elements R4 requires (type, recorded,
 * agent with requestor, source with observer), and every Provenance targets its AuditEvent and carries the
 * proof coordinates under the documented URIs.
 */
class FhirExportTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Test
    void aFindingBecomesAnAuditEventAndOneProvenancePerProofThatRoundTrip() throws Exception {
        ExportedFinding f = ExportFixtures.finding();
        Bundle bundle = writeAndParse(FindingFhir.entries(f, ExportFixtures.CHAIN, ExportFixtures.LINKS));

        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(bundle.getEntry()).hasSize(3);
        AuditEvent audit = (AuditEvent) bundle.getEntry().get(0).getResource();
        String auditUrl = bundle.getEntry().get(0).getFullUrl();
        assertThat(auditUrl).startsWith("urn:uuid:");
        assertRequiredAuditEventElements(audit);
        assertThat(audit.getType().getSystem()).isEqualTo(FhirSystems.EVENT_TYPE);
        assertThat(audit.getType().getCode()).isEqualTo("compliance-finding");
        assertThat(audit.getSubtypeFirstRep().getSystem()).isEqualTo(FhirSystems.RULE_CODES);
        assertThat(audit.getSubtypeFirstRep().getCode()).isEqualTo("HIPAA-AOD-01");
        assertThat(audit.getSubtypeFirstRep().getVersion()).isEqualTo("1");
        assertThat(audit.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._8);
        assertThat(audit.getOutcomeDesc()).isEqualTo(f.summary());
        assertThat(audit.getAgentFirstRep().getWho().getIdentifier().getSystem()).isEqualTo(FhirSystems.CLINIC);
        assertThat(audit.getAgentFirstRep().getWho().getIdentifier().getValue()).isEqualTo(ExportFixtures.CLINIC);

        AuditEvent.AuditEventEntityComponent finding = entity(audit, FhirSystems.FINDING);
        assertThat(finding.getWhat().getIdentifier().getValue()).isEqualTo(f.key());
        Map<String, String> details = finding.getDetail().stream().collect(Collectors.toMap(
                AuditEvent.AuditEventEntityDetailComponent::getType, d -> d.getValue().primitiveValue()));
        assertThat(details).containsEntry("status", "ACCEPTED")
                .containsEntry("statusReason", f.statusReason())
                .containsEntry("deadline", "2025-07-01T00:00:00Z")
                .containsEntry("object:missing", "recipientId,purposeId")
                .containsEntry("page", ExportFixtures.LINKS.finding(f.key()));
        AuditEvent.AuditEventEntityComponent rule = entity(audit, FhirSystems.RULE);
        assertThat(rule.getWhat().getIdentifier().getValue()).isEqualTo("HIPAA-AOD-01");
        assertThat(rule.getDescription()).isEqualTo("45 CFR 164.528(a)-(b)");

        Provenance onChain = (Provenance) bundle.getEntry().get(1).getResource();
        assertThat(onChain.getTargetFirstRep().getReference()).isEqualTo(auditUrl);
        assertThat(onChain.getRecorded()).isEqualTo(java.util.Date.from(Instant.parse("2025-06-01T08:00:00Z")));
        assertThat(onChain.getActivity().getCodingFirstRep().getCode()).isEqualTo("receipt-log");
        Provenance.ProvenanceEntityComponent log = onChain.getEntityFirstRep();
        assertThat(log.getRole()).isEqualTo(Provenance.ProvenanceEntityRole.SOURCE);
        assertThat(log.getWhat().getIdentifier().getSystem()).isEqualTo(FhirSystems.LEDGER_LOG);
        assertThat(log.getWhat().getIdentifier().getValue()).isEqualTo("42/" + ExportFixtures.TX + "/3");
        Map<String, String> proof = subExtensions(log.getExtensionByUrl(FhirSystems.LEDGER_PROOF));
        assertThat(proof).containsEntry("chain", ExportFixtures.CHAIN.label())
                .containsEntry("blockNumber", "42")
                .containsEntry("blockHash", ExportFixtures.BLOCK_HASH)
                .containsEntry("txHash", ExportFixtures.TX)
                .containsEntry("logIndex", "3")
                .containsEntry("receiptsRoot", ExportFixtures.ROOT)
                .containsKey("blockTime");

        Provenance inBundle = (Provenance) bundle.getEntry().get(2).getResource();
        assertThat(inBundle.getTargetFirstRep().getReference()).isEqualTo(auditUrl);
        assertThat(inBundle.getActivity().getCodingFirstRep().getCode()).isEqualTo("bundle-entry");
        Provenance.ProvenanceEntityComponent file = inBundle.getEntityFirstRep();
        assertThat(file.getWhat().getIdentifier().getSystem()).isEqualTo(FhirSystems.BUNDLE_FILE);
        assertThat(file.getWhat().getIdentifier().getValue())
                .isEqualTo(ExportFixtures.BUNDLE + "/access-log/000012.json");
        Extension bundleProof = file.getExtensionByUrl(FhirSystems.BUNDLE_PROOF);
        assertThat(subExtensions(bundleProof)).containsEntry("treeSize", "40")
                .containsEntry("anchoredRoot", ExportFixtures.ANCHORED)
                .containsEntry("inclusionVerified", "true")
                .containsEntry("bundleSha256", ExportFixtures.BUNDLE);
        assertThat(bundleProof.getExtensionsByUrl("inclusionPath")).extracting(e -> e.getValue().primitiveValue())
                .containsExactly("0x" + "01".repeat(32), "0x" + "02".repeat(32));
    }

    @Test
    void aDisclosureBecomesADisclosureAuditEventWithItsProvenance() throws Exception {
        ExportedDisclosure d = ExportFixtures.disclosure();
        Bundle bundle = writeAndParse(DisclosureFhir.entries(d, ExportFixtures.CHAIN, ExportFixtures.LINKS));

        assertThat(bundle.getEntry()).hasSize(2);
        AuditEvent audit = (AuditEvent) bundle.getEntry().get(0).getResource();
        assertRequiredAuditEventElements(audit);
        assertThat(audit.getType().getCode()).isEqualTo("disclosure");
        assertThat(audit.getSubtypeFirstRep().getSystem()).isEqualTo(FhirSystems.LIFECYCLE);
        assertThat(audit.getSubtypeFirstRep().getCode()).isEqualTo("disclose");
        assertThat(audit.getRecorded()).isEqualTo(java.util.Date.from(d.time()));
        assertThat(audit.getPurposeOfEventFirstRep().getCoding()).extracting(c -> c.getSystem() + "|" + c.getCode())
                .contains(FhirSystems.ACT_REASON + "|HPAYMT", FhirSystems.PURPOSE + "|2");
        assertThat(audit.getAgent()).extracting(a -> a.getWho().getIdentifier().getSystem() + "|"
                        + a.getWho().getIdentifier().getValue())
                .containsExactly(FhirSystems.CLINIC + "|" + d.clinicId(), FhirSystems.RECIPIENT + "|" + d.recipientId());
        assertThat(entity(audit, FhirSystems.SUBJECT).getWhat().getIdentifier().getValue()).isEqualTo(d.subject());
        assertThat(entity(audit, FhirSystems.DISCLOSURE).getWhat().getIdentifier().getValue())
                .isEqualTo(d.disclosureId());

        Provenance prov = (Provenance) bundle.getEntry().get(1).getResource();
        assertThat(prov.getTargetFirstRep().getReference()).isEqualTo(bundle.getEntry().get(0).getFullUrl());
        Map<String, String> proof = subExtensions(prov.getEntityFirstRep().getExtensionByUrl(FhirSystems.LEDGER_PROOF));
        assertThat(proof).containsEntry("blockNumber", "7").containsEntry("txIndex", "1")
                .containsEntry("logIndex", "2").containsEntry("blockHash", ExportFixtures.BLOCK_HASH)
                .containsEntry("receiptsRoot", ExportFixtures.ROOT);
    }

    /**
     * A ledger-wide finding in a plain transaction (its input or creation code) is proven by the transaction under
     * the block's transactions root: no log index. Found by TenantCrawlerIT, whose FHIR export of clinic-south
     * answered 500 (a NullPointerException on the missing log index) or broke off after the first entries.
     */
    @Test
    void aTransactionProofWithoutALogIndexBecomesATransactionProvenance() throws Exception {
        EvidenceRef tx = new EvidenceRef("transaction", 42L, ExportFixtures.TX, null, null, "2025-06-01T08:00:00Z",
                null, null, null, List.of(), null, null);
        Finding f = new Finding("GDPR-MIN-01", 1, "GDPR Art 5(1)(c)", Severity.S2, ExportFixtures.CLINIC,
                "tx:" + ExportFixtures.TX, "Personal data in clear in a transaction's input", Map.of(), List.of(tx),
                null, null);
        StoredFinding stored = new StoredFinding(f, FindingMerger.json(f.objects()), FindingMerger.json(f.evidence()),
                "block:99|bundle:none", ExportFixtures.SEEN);
        ExportedFinding exported = ExportedFinding.of(stored, n -> n == 42L ? ExportFixtures.BLOCK_HASH : null);

        Bundle bundle = writeAndParse(FindingFhir.entries(exported, ExportFixtures.CHAIN, ExportFixtures.LINKS));

        assertThat(bundle.getEntry()).hasSize(2);
        Provenance onChain = (Provenance) bundle.getEntry().get(1).getResource();
        assertThat(onChain.getActivity().getCodingFirstRep().getCode()).isEqualTo("transaction");
        Provenance.ProvenanceEntityComponent what = onChain.getEntityFirstRep();
        assertThat(what.getWhat().getIdentifier().getValue()).isEqualTo("42/" + ExportFixtures.TX);
        assertThat(what.getWhat().getDisplay()).isEqualTo("transaction: transaction " + ExportFixtures.TX
                + " in block 42");
        Map<String, String> proof = subExtensions(what.getExtensionByUrl(FhirSystems.LEDGER_PROOF));
        assertThat(proof).containsEntry("blockNumber", "42").containsEntry("txHash", ExportFixtures.TX)
                .doesNotContainKey("logIndex").doesNotContainKey("receiptsRoot");
    }

    @Test
    void anEmptyExportIsAValidBundleWithoutEntries() throws Exception {
        Bundle bundle = writeAndParse(List.of());
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(bundle.getEntry()).isEmpty();
        assertThat(bundle.getTimestamp()).isNotNull();
    }

    @Test
    void hostileTextStaysDataInTheJson() throws Exception {
        ExportedFinding f = ExportFixtures.finding();
        Bundle bundle = writeAndParse(FindingFhir.entries(f, ExportFixtures.CHAIN, ExportFixtures.LINKS));
        AuditEvent audit = (AuditEvent) bundle.getEntry().get(0).getResource();
        assertThat(entity(audit, FhirSystems.FINDING).getDetail()).extracting(d -> d.getValue().primitiveValue())
                .contains("=HYPERLINK(\"http://evil\",\"click\"), \"quoted\"\nsecond line — é");
    }

    /** Streams entries with {@link FhirBundleWriter}, parses strictly, and checks encode-parse is stable. */
    private static Bundle writeAndParse(List<FhirEntry> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FhirBundleWriter w = new FhirBundleWriter(FHIR, out, Instant.parse("2026-03-02T11:00:00Z"))) {
            for (FhirEntry e : entries) {
                w.add(e);
            }
            assertThat(w.entries()).isEqualTo(entries.size());
        }
        String json = out.toString(StandardCharsets.UTF_8);
        IParser strict = FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        Bundle bundle = strict.parseResource(Bundle.class, json);
        for (int i = 0; i < entries.size(); i++) {
            assertThat(bundle.getEntry().get(i).getFullUrl()).isEqualTo(entries.get(i).fullUrl());
            Resource parsed = bundle.getEntry().get(i).getResource();
            assertThat(strict.encodeResourceToString(parsed))
                    .as("entry %d survives the round trip", i)
                    .isEqualTo(strict.encodeResourceToString(entries.get(i).resource()));
        }
        Bundle again = strict.parseResource(Bundle.class, strict.encodeResourceToString(bundle));
        assertThat(again.equalsDeep(bundle)).as("encode and parse again gives the same Bundle").isTrue();
        return bundle;
    }

    private static void assertRequiredAuditEventElements(AuditEvent a) {
        assertThat(a.getType().getCode()).isNotBlank();
        assertThat(a.getRecorded()).isNotNull();
        assertThat(a.getAgent()).isNotEmpty().allSatisfy(agent -> {
            assertThat(agent.hasRequestor()).isTrue();
            assertThat(agent.getWho().getIdentifier().getValue()).isNotBlank();
        });
        assertThat(a.getSource().getObserver().getIdentifier().getValue()).isNotBlank();
        assertThat(a.getEntity()).allSatisfy(e -> assertThat(e.getWhat().getIdentifier().getSystem())
                .startsWith("urn:custos:"));
    }

    private static AuditEvent.AuditEventEntityComponent entity(AuditEvent a, String system) {
        return a.getEntity().stream().filter(e -> system.equals(e.getWhat().getIdentifier().getSystem()))
                .findFirst().orElseThrow(() -> new AssertionError("no entity " + system));
    }

    private static Map<String, String> subExtensions(Extension ext) {
        assertThat(ext).as("extension present").isNotNull();
        return ext.getExtension().stream().filter(e -> !e.getUrl().equals("inclusionPath"))
                .collect(Collectors.toMap(Extension::getUrl, e -> e.getValue().primitiveValue()));
    }
}
