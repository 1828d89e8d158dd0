package org.custos.portal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.custos.portal.compliance.application.ChainEvaluationScheduler;
import org.custos.portal.compliance.application.EvaluationGate;
import org.custos.portal.compliance.application.ExportService;
import org.custos.portal.compliance.export.DisclosureLogs;
import org.custos.portal.compliance.export.DisclosuresQuery;
import org.custos.portal.compliance.export.FhirSystems;
import org.custos.portal.compliance.export.FindingsQuery;
import org.custos.portal.compliance.export.FixtureFindingsLoader;
import org.custos.portal.compliance.export.PortalHttp;
import org.custos.portal.compliance.export.Rfc4180;
import org.custos.portal.ledger.application.LedgerSyncScheduler;
import org.custos.portal.ledger.application.SyncEngine;
import org.custos.portal.ledger.testing.Anvil;
import org.custos.portal.ledger.testing.DemoFixture;
import org.custos.portal.trail.domain.TrailAction;
import org.custos.portal.trail.domain.TrailEntry;
import org.custos.portal.trail.domain.TrailRepository;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Provenance;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The exports in the real WAR on Payara Micro, over HTTP with the real Keycloak sign-in. In the container first:
 * the consortium's demo fixture synced from anvil to its head (the sync engine run to completion, no waiting on
 * the timer) and the findings of clinic-north and clinic-south stored from their fixture bundles. Then, as
 * clients: a regulator downloads findings and a data subject's accounting of disclosures as CSV and FHIR, checked
 * against the chain's own logs (eth_getLogs) and parsed strictly by HAPI; a compliance officer and a DPO of
 * clinic-north asking for clinic-south's rows get only their own clinic's; bad parameters are 400 in plain text and
 * a user without a portal role is refused.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComplianceExportIT {

    private static final String BASE = "http://localhost:" + System.getProperty("custos.it.port", "18080") + "/custos/";

    /** Client side only: the anvil serving the fixture (stopped by a shutdown hook, like LedgerSyncChain's). */
    private static volatile Object anvil;

    @Deployment
    static WebArchive deployment() throws Exception {
        DemoFixture chain = DemoFixture.get();
        Anvil node = Anvil.startFixture(chain.stateFile);
        anvil = node;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        Properties config = new Properties();
        config.putAll(chain.config(node.url()));
        config.put("custos.ledger.sync.batch-size", "100");
        config.put("custos.compliance.evaluation-interval", "1");
        config.put("custos.ledger.clinics", "clinic-north=" + chain.clinicIds.get(0) + ",clinic-south="
                + chain.clinicIds.get(1));
        Path dir = Path.of(System.getProperty("custos.fixture.dir", "../consortium/fixtures/demo")).toAbsolutePath();
        Properties fixture = new Properties();
        fixture.put("north", chain.clinicIds.get(0));
        fixture.put("south", chain.clinicIds.get(1));
        fixture.put("northBundle", dir.resolve("bundles/clinic-0.zip").toString());
        fixture.put("southBundle", dir.resolve("bundles/clinic-1.zip").toString());
        // the client-side helpers too: the in-container copy of this class names them in its lambdas' signatures
        return Deployments.portalWar(ComplianceExportIT.class, FixtureFindingsLoader.class, PortalHttp.class,
                        DisclosureLogs.class, Rfc4180.class, Anvil.class, DemoFixture.class)
                .addAsResource(new StringAsset(text(config)), "META-INF/microprofile-config.properties")
                .addAsResource(new StringAsset(text(fixture)), "export-it-fixture.properties");
    }

    @Inject
    LedgerSyncScheduler scheduler;

    @EJB
    FixtureFindingsLoader loader;

    @EJB
    ExportService exports;

    @Inject
    TrailRepository trailRepository;

    @Inject
    EvaluationGate gate;

    @EJB
    ChainEvaluationScheduler evaluations;

    private int uncheckedLoad(String clinic, String bundle) {
        try {
            return loader.load(clinic, Path.of(bundle));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @Order(1)
    void inTheContainerTheFixtureIsSyncedAndTheFindingsOfTwoClinicsStored() throws Exception {
        // JUnit's assertions here: AssertJ is not in the deployed WAR
        SyncEngine engine = scheduler.engine().orElseThrow();
        SyncEngine.RunReport report = engine.runOnce(Duration.ofMinutes(3));
        for (int runs = 1; report.result() != SyncEngine.RunResult.CAUGHT_UP && runs < 20; runs++) {
            assertEquals(SyncEngine.RunResult.BUDGET_USED, report.result(), report.toString());
            report = engine.runOnce(Duration.ofMinutes(3));
        }
        assertEquals(SyncEngine.RunResult.CAUGHT_UP, report.result(), report.toString());
        Properties fixture = new Properties();
        try (InputStream in = ComplianceExportIT.class.getResourceAsStream("/export-it-fixture.properties")) {
            fixture.load(in);
        }
        // the background evaluation (every second here) evaluates the on-chain rules of every clinic, uploaded
        // or not, once the sync caught up: the clean fixture clinic 4 has none, the others have some
        long clinics = DemoFixture.get().clinicIds.size();
        evaluations.awaitRuns(Duration.ofSeconds(60), () -> loader.evaluatedClinics() >= clinics);
        assertEquals(clinics, loader.evaluatedClinics(), "clinics evaluated in the background");
        assertTrue(loader.consortiumScopeEvaluated(), "the consortium scope evaluated in the background");
        assertTrue(loader.currentFindings(DemoFixture.get().clinicIds.get(2)) > 0,
                "on-chain findings of a clinic no bundle was uploaded for");
        assertEquals(0, loader.currentFindings(DemoFixture.get().clinicIds.get(4)), "the clean clinic");
        // as an upload does: hold the gate until the merge has committed, so no background merge interleaves
        assertTrue(gate.exclusively(() -> uncheckedLoad(fixture.getProperty("north"),
                fixture.getProperty("northBundle"))) > 0);
        assertTrue(gate.exclusively(() -> uncheckedLoad(fixture.getProperty("south"),
                fixture.getProperty("southBundle"))) > 0);
        // no signed-in user here: the service refuses before reading anything
        assertThrows(EJBAccessException.class, () -> exports.findings(new FindingsQuery(null, null, null, null,
                true), f -> { }));
        assertThrows(EJBAccessException.class, () -> exports.disclosures(new DisclosuresQuery("0x" + "00".repeat(32),
                null), d -> { }));
    }

    @Test
    @Order(2)
    @RunAsClient
    void aRegulatorExportsFindingsAndAnAccountingOfDisclosuresThatMatchTheChain() throws Exception {
        DemoFixture chain = DemoFixture.get();
        String north = chain.clinicIds.get(0);
        String south = chain.clinicIds.get(1);
        PortalHttp regulator = new PortalHttp(BASE, "regulator", password());

        PortalHttp.Answer all = regulator.get("compliance/export/findings.csv");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.contentType()).startsWith("text/csv");
        List<Map<String, String>> rows = csv(all.body());
        assertThat(rows).isNotEmpty();
        assertThat(rows).extracting(r -> r.get("clinic_id")).contains(north, south);
        assertThat(rows).allSatisfy(r -> assertThat(r.get("finding_url"))
                .startsWith(BASE + "compliance/finding.xhtml?key="));
        assertThat(rows).filteredOn(r -> !r.get("evidence_blocks").isEmpty())
                .allSatisfy(r -> assertThat(r.get("evidence_receipts_roots")).matches(".*0x[0-9a-f]{64}.*"))
                .isNotEmpty();

        List<Map<String, String>> southOnly = csv(regulator.get("compliance/export/findings.csv?clinic=" + south).body());
        assertThat(southOnly).isNotEmpty().allSatisfy(r -> assertThat(r.get("clinic_id")).isEqualTo(south));
        assertThat(keys(southOnly)).isEqualTo(keys(rows.stream().filter(r -> r.get("clinic_id").equals(south)).toList()));

        PortalHttp.Answer fhir = regulator.get("compliance/export/findings.fhir.json?clinic=" + north);
        assertThat(fhir.status()).isEqualTo(200);
        assertThat(fhir.contentType()).startsWith("application/fhir+json");
        Bundle bundle = parse(fhir.body());
        List<AuditEvent> audits = resources(bundle, AuditEvent.class);
        assertThat(audits).hasSize((int) rows.stream().filter(r -> r.get("clinic_id").equals(north)).count());
        assertThat(audits).allSatisfy(a -> assertThat(a.getAgentFirstRep().getWho().getIdentifier().getValue())
                .isEqualTo(north));
        Set<String> auditUrls = bundle.getEntry().stream().filter(e -> e.getResource() instanceof AuditEvent)
                .map(Bundle.BundleEntryComponent::getFullUrl).collect(Collectors.toSet());
        assertThat(resources(bundle, Provenance.class)).isNotEmpty().allSatisfy(p -> {
            assertThat(auditUrls).contains(p.getTargetFirstRep().getReference());
            assertThat(p.getEntityFirstRep().getWhat().getIdentifier().getSystem())
                    .isIn(FhirSystems.LEDGER_LOG, FhirSystems.BUNDLE_FILE);
        });

        // the accounting of disclosures of a south subject: exactly the chain's DisclosureRecorded logs naming them
        List<DisclosureLogs.Log> logs = DisclosureLogs.read((Anvil) anvil, chain.accountability);
        String subject = logs.stream().filter(l -> l.clinicId().equals(south)).findFirst().orElseThrow().subject();
        List<DisclosureLogs.Log> expected = logs.stream().filter(l -> l.subject().equals(subject)).toList();
        PortalHttp.Answer disclosures = regulator.get("compliance/export/disclosures.csv?subject=" + subject);
        assertThat(disclosures.status()).isEqualTo(200);
        List<Map<String, String>> entries = csv(disclosures.body());
        assertThat(entries).extracting(r -> r.get("tx_hash") + "/" + r.get("log_index"))
                .containsExactlyElementsOf(expected.stream().map(l -> l.txHash() + "/" + l.logIndex()).toList());
        assertThat(entries).allSatisfy(r -> {
            assertThat(r.get("subject_pseudonym")).isEqualTo(subject);
            assertThat(r.get("date")).isNotEmpty();
            assertThat(r.get("recipient_id")).startsWith("0x");
            assertThat(r.get("block_hash")).matches("0x[0-9a-f]{64}");
            assertThat(r.get("receipts_root")).matches("0x[0-9a-f]{64}");
        });
        Bundle accounting = parse(regulator.get("compliance/export/disclosures.fhir.json?subject="
                + subject.toUpperCase().replace("0X", "0x")).body());
        assertThat(resources(accounting, AuditEvent.class)).hasSize(expected.size())
                .allSatisfy(a -> assertThat(a.getType().getCode()).isEqualTo("disclosure"));
        assertThat(resources(accounting, Provenance.class)).hasSize(expected.size());
    }

    @Test
    @Order(3)
    @RunAsClient
    void anOfficerAndADpoOfNorthGetOnlyNorthWhateverClinicTheyAskFor() throws Exception {
        DemoFixture chain = DemoFixture.get();
        String north = chain.clinicIds.get(0);
        String south = chain.clinicIds.get(1);
        List<Map<String, String>> regulatorNorth = csv(new PortalHttp(BASE, "regulator", password())
                .get("compliance/export/findings.csv?clinic=" + north).body());
        assertThat(regulatorNorth).isNotEmpty();

        PortalHttp officer = new PortalHttp(BASE, "officer-north", password());
        PortalHttp.Answer asked = officer.get("compliance/export/findings.csv?clinic=" + south);
        assertThat(asked.status()).isEqualTo(200);
        List<Map<String, String>> rows = csv(asked.body());
        assertThat(rows).allSatisfy(r -> assertThat(r.get("clinic_id")).isEqualTo(north));
        assertThat(keys(rows)).isEqualTo(keys(regulatorNorth));
        assertThat(asked.body()).doesNotContain(south);
        Bundle fhir = parse(officer.get("compliance/export/findings.fhir.json?clinic=" + south).body());
        assertThat(resources(fhir, AuditEvent.class)).hasSize(rows.size());

        List<DisclosureLogs.Log> logs = DisclosureLogs.read((Anvil) anvil, chain.accountability);
        String southSubject = logs.stream().filter(l -> l.clinicId().equals(south)).findFirst().orElseThrow()
                .subject();
        String northSubject = logs.stream().filter(l -> l.clinicId().equals(north)).findFirst().orElseThrow()
                .subject();
        long southSubjectInNorth = logs.stream().filter(l -> l.subject().equals(southSubject)
                && l.clinicId().equals(north)).count();
        PortalHttp dpo = new PortalHttp(BASE, "dpo-north", password());
        for (PortalHttp user : List.of(officer, dpo)) {
            List<Map<String, String>> other = csv(user.get("compliance/export/disclosures.csv?subject=" + southSubject
                    + "&clinic=" + south).body());
            assertThat(other).hasSize((int) southSubjectInNorth)
                    .allSatisfy(r -> assertThat(r.get("clinic_id")).isEqualTo(north));
            List<Map<String, String>> own = csv(user.get("compliance/export/disclosures.csv?subject=" + northSubject)
                    .body());
            assertThat(own).hasSize((int) logs.stream().filter(l -> l.subject().equals(northSubject)
                    && l.clinicId().equals(north)).count()).isNotEmpty();
        }
    }

    @Test
    @Order(4)
    @RunAsClient
    void badParametersAre400InPlainTextAndAUserWithoutAPortalRoleIsRefused() throws Exception {
        PortalHttp regulator = new PortalHttp(BASE, "regulator", password());
        PortalHttp.Answer bad = regulator.get("compliance/export/disclosures.csv?subject="
                + PortalHttp.enc("alice@example.org"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("text/plain");
        assertThat(bad.body()).isEqualTo("subject: expected the data subject's pseudonym as on chain (0x and 64 hex "
                + "digits)\n");
        PortalHttp.Answer filter = regulator.get("compliance/export/findings.fhir.json?severity=S9");
        assertThat(filter.status()).isEqualTo(400);
        assertThat(filter.body()).isEqualTo("severity: expected one of S1, S2, S3, S4\n");
        assertThat(regulator.get("compliance/export/nothing.csv").status()).isEqualTo(404);

        PortalHttp visitor = new PortalHttp(BASE, "visitor", password());
        PortalHttp.Answer refused = visitor.get("compliance/export/findings.csv");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("clinic_id");
    }

    @Test
    @Order(5)
    void everyDownloadIsOnTheTrailWithTheScopeActuallyApplied() throws Exception {
        // JUnit's assertions here: AssertJ is not in the deployed WAR
        Properties fixture = new Properties();
        try (InputStream in = ComplianceExportIT.class.getResourceAsStream("/export-it-fixture.properties")) {
            fixture.load(in);
        }
        String north = fixture.getProperty("north");
        String south = fixture.getProperty("south");
        List<TrailEntry> downloads = trailRepository.newest(null, 0, 1000).stream()
                .filter(e -> e.getAction() == TrailAction.EXPORT_DOWNLOADED).toList();
        // the officer asked for south's findings: the trail says north's were sent
        assertTrue(downloads.stream().anyMatch(e -> e.getActor().equals("officer-north")
                && e.getObjectId().equals("findings.csv") && e.getDetail().startsWith("clinic " + north + ";")),
                () -> "no officer download of north's findings on the trail: " + downloads.size() + " downloads");
        assertTrue(downloads.stream().noneMatch(e -> !e.getActor().equals("regulator")
                && e.getDetail().contains(south)), "a clinic-bound user's download is recorded with south's id");
        assertTrue(downloads.stream().anyMatch(e -> e.getActor().equals("dpo-north")
                && e.getObjectId().equals("disclosures.csv") && e.getDetail().contains("subject=0x")),
                "the DPO's accounting of disclosures names its data subject on the trail");
        assertTrue(downloads.stream().anyMatch(e -> e.getActor().equals("regulator")
                && e.getDetail().startsWith("clinic " + north + ";")), "the regulator's download of north");
        // a refused request (400) wrote nothing
        assertTrue(downloads.stream().noneMatch(e -> e.getDetail().contains("S9")), "a 400 reached the trail");
    }

    private static List<Map<String, String>> csv(String body) {
        List<List<String>> records = Rfc4180.parse(body);
        List<String> header = records.get(0);
        return records.subList(1, records.size()).stream().map(r -> {
            Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), r.get(i));
            }
            return row;
        }).toList();
    }

    private static Set<String> keys(List<Map<String, String>> rows) {
        return rows.stream().map(r -> r.get("finding_key")).collect(Collectors.toSet());
    }

    private static Bundle parse(String json) {
        return FhirContext.forR4Cached().newJsonParser().setParserErrorHandler(new StrictErrorHandler())
                .parseResource(Bundle.class, json);
    }

    private static <T> List<T> resources(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).toList();
    }

    private static String password() {
        String pw = System.getenv("CUSTOS_DEMO_PASSWORD");
        if (pw == null || pw.isBlank()) {
            throw new IllegalStateException("CUSTOS_DEMO_PASSWORD is not set: run the tests with scripts/test.sh");
        }
        return pw;
    }

    private static String text(Properties p) throws java.io.IOException {
        StringWriter w = new StringWriter();
        p.store(w, null);
        return w.toString();
    }
}
