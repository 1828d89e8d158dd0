package org.custos.portal.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.PersonalDataScope;
import org.custos.portal.compliance.domain.RulesEngine;
import org.custos.portal.evidence.domain.BundleLimits;
import org.custos.portal.evidence.domain.BundleProgress;
import org.custos.portal.evidence.domain.BundleReader;
import org.custos.portal.evidence.domain.BundleVerification;
import org.custos.portal.evidence.domain.BundleVerifier;
import org.custos.portal.evidence.domain.EvidenceBundle;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.ledger.application.SyncEngine;
import org.custos.portal.ledger.domain.PersonalDataHit;
import org.custos.portal.ledger.domain.VerifiedBlock;
import org.custos.portal.ledger.domain.VerifiedEvent;
import org.custos.portal.ledger.testing.Anvil;
import org.custos.portal.ledger.testing.DemoFixture;
import org.custos.portal.ledger.testing.Sync;
import org.custos.portal.ledger.testing.TestStore;
import org.junit.jupiter.api.Test;

/**
 * End to end on the consortium's committed demo fixture: anvil loaded with its state, the portal's real sync
 * (verified blocks and proven events only) into the real store, each clinic's bundle read and verified against
 * the proven events, the rules evaluated as of the newest verified block, and the findings compared with
 * {@code ground-truth.json}: precision and recall, printed. Every clinic's bundle carries its identifier dictionary
 * (GDPR-MIN-02 is decidable), so the findings must equal the planted violations exactly: every one found, nothing
 * else (the clean clinic has no finding), and no finding quotes a listed identifier. The simulator's planted personal
 * data outside the consortium's contracts ({@code ledger-wide.json}: plain transactions, a non-consortium contract's
 * logs and creation code, every encoding) must be found by the sync's ledger-wide scan, attributed to the clinic
 * whose writer sent it or to the consortium scope, and nothing else on the honest chain.
 */
class DemoScenarioFindingsIT {

    @Test
    void findingsEqualTheGroundTruth() throws Exception {
        DemoFixture fixture = DemoFixture.get();
        Path dir = Path.of(System.getProperty("custos.fixture.dir", "../consortium/fixtures/demo"));
        JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
        Map<String, List<ProvenEvent>> byClinic = new TreeMap<>();
        List<PersonalDataHit> personalData;
        Instant asOf;
        try (Anvil anvil = Anvil.startFixture(fixture.stateFile);
             TestStore store = new TestStore("jdbc:h2:mem:demo-findings;DB_CLOSE_DELAY=-1");
             Sync sync = new Sync(fixture.config(anvil.url()), store)) {
            SyncEngine.RunReport report;
            int runs = 0;
            do {
                report = sync.run();
                runs++;
            } while (report.result() != SyncEngine.RunResult.CAUGHT_UP && runs < 50);
            assertThat(report.result()).isEqualTo(SyncEngine.RunResult.CAUGHT_UP);
            assertThat(store.state().orElseThrow().getVerifiedNumber()).isEqualTo(fixture.head);
            asOf = store.block(fixture.head).orElseThrow().getBlockTime();
            Map<Long, String> receiptsRoots = new HashMap<>();
            for (String clinic : fixture.clinicIds) {
                List<ProvenEvent> events = new ArrayList<>();
                for (int first = 0; ; first += 500) {
                    List<VerifiedEvent> page = store.events(clinic, first, 500);
                    for (VerifiedEvent e : page) {
                        String root = receiptsRoots.computeIfAbsent(e.getBlockNumber(),
                                n -> store.block(n).map(VerifiedBlock::getReceiptsRoot).orElseThrow());
                        events.add(ProvenEvent.of(e, root));
                    }
                    if (page.size() < 500) {
                        break;
                    }
                }
                events.sort((a, b) -> Long.compare(a.id(), b.id()));
                byClinic.put(clinic, events);
            }
            personalData = store.personalData(0, 100_000);
        }
        // the ledger-wide scan's hits: the clinic whose registered writer sent the transaction, else the consortium
        List<ProvenEvent> profiles = new ArrayList<>();
        byClinic.values().forEach(profiles::addAll);
        Map<String, List<PersonalDataHit>> scoped = new PersonalDataScope(profiles).attribute(personalData);

        RulesEngine engine = RulesEngine.standard();
        BundleReader reader = new BundleReader(BundleLimits.defaults());
        Set<String> found = new TreeSet<>();
        Set<String> identifiers = new HashSet<>();
        List<Finding> all = new ArrayList<>();
        for (int i = 0; i < fixture.clinicIds.size(); i++) {
            String clinic = fixture.clinicIds.get(i);
            try (InputStream in = Files.newInputStream(dir.resolve("bundles/clinic-" + i + ".zip"));
                 EvidenceBundle bundle = reader.read(in, clinic, BundleProgress.NONE)) {
                BundleVerification v = new BundleVerifier().verify(bundle, byClinic.get(clinic));
                assertThat(v.identifiers()).as("clinic %d lists its patients' identifiers", i).isNotEmpty();
                identifiers.addAll(v.identifiers());
                ClinicFacts facts = new ClinicFacts(clinic, byClinic.get(clinic), bundle, v, asOf)
                        .withPersonalData(scoped.getOrDefault(clinic, List.of()));
                List<Finding> findings = engine.evaluate(facts);
                for (Finding f : findings) {
                    assertThat(found.add(f.key())).as("finding keys are unique: %s", f.key()).isTrue();
                }
                all.addAll(findings);
                System.out.printf("clinic %d: %d entries, %d checkpoints (%s), %d receipts, %d findings%n", i,
                        v.entries(), v.checkpoints().size(), v.checkpoints().stream()
                                .map(c -> c.status().name().substring(0, 2)).collect(Collectors.joining(" ")),
                        v.receipts().size(), findings.size());
            }
        }

        List<Finding> consortium = engine.evaluateConsortium(ClinicFacts.consortium(
                scoped.getOrDefault(ClinicFacts.CONSORTIUM, List.of()), asOf));
        for (Finding f : consortium) {
            assertThat(found.add(f.key())).as("finding keys are unique: %s", f.key()).isTrue();
        }
        all.addAll(consortium);
        System.out.printf("consortium scope (no clinic's writer): %d findings; %d personal-data hits stored%n",
                consortium.size(), personalData.size());

        Set<String> expected = new TreeSet<>();
        Map<String, int[]> perKind = new TreeMap<>();
        // the simulator's planted personal data outside the consortium's contracts (ledger-wide.json)
        for (JsonNode leak : new ObjectMapper().readTree(dir.resolve("ledger-wide.json").toFile()).get("findings")) {
            String scope = leak.get("clinic").asText().equals("consortium") ? ClinicFacts.CONSORTIUM
                    : leak.get("clinic").asText();
            String key = leak.get("rule").asText() + "|" + scope + "|tx:" + leak.get("tx").asText() + "/"
                    + leak.get("place").asText();
            String kind = "LEDGER_WIDE " + leak.get("rule").asText() + " " + leak.get("place").asText()
                    .replaceAll(":.*", "");
            perKind.computeIfAbsent(kind, k -> new int[2])[0]++;
            assertThat(expected.add(key)).as("ground-truth keys are unique: %s", key).isTrue();
            if (found.contains(key)) {
                perKind.get(kind)[1]++;
            }
        }
        int ledgerWide = expected.size();
        for (JsonNode v : truth.get("violations")) {
            String kind = v.get("kind").asText();
            String clinic = v.get("clinic").asText();
            String key = v.get("rule").asText() + "|" + clinic + "|" + objectKey(kind, v);
            perKind.computeIfAbsent(kind, k -> new int[2])[0]++;
            assertThat(expected.add(key)).as("ground-truth keys are unique: %s", key).isTrue();
            if (found.contains(key)) {
                perKind.get(kind)[1]++;
            }
        }
        Set<String> missed = new TreeSet<>(expected);
        missed.removeAll(found);
        Set<String> unplanned = new TreeSet<>(found);
        unplanned.removeAll(expected);
        long truePositives = found.stream().filter(expected::contains).count();
        System.out.println("kind: found/planted");
        perKind.forEach((k, c) -> System.out.printf("  %-32s %3d/%3d%n", k, c[1], c[0]));
        System.out.printf("all planted (%d kinds): recall %d/%d = %.1f %%, precision %d/%d = %.1f %%%n",
                perKind.size(), truePositives, expected.size(), 100.0 * truePositives / expected.size(),
                truePositives, found.size(), found.isEmpty() ? 100.0 : 100.0 * truePositives / found.size());
        missed.forEach(k -> System.out.println("MISSED    " + k));
        unplanned.forEach(k -> System.out.println("UNPLANNED " + k));
        assertThat(missed).as("planted violations not found").isEmpty();
        assertThat(unplanned).as("findings without a planted violation").isEmpty();
        assertThat(found).isEqualTo(expected);
        assertThat(expected).hasSize(truth.get("violations").size() + ledgerWide);
        assertThat(ledgerWide).as("planted ledger-wide findings").isGreaterThanOrEqualTo(10);
        assertThat(found).as("consortium-scoped findings").anyMatch(k -> k.contains("|" + ClinicFacts.CONSORTIUM + "|"));
        assertThat(perKind).as("every planted kind, GDPR-MIN-02's PLAIN_HASH_ON_CHAIN included")
                .containsKey("PLAIN_HASH_ON_CHAIN");
        assertThat(perKind.values()).allSatisfy(c -> assertThat(c[1]).isEqualTo(c[0]));
        String clean = fixture.clinicIds.get(fixture.clinicIds.size() - 1);
        assertThat(found).noneMatch(k -> k.contains("|" + clean + "|"));
        // the dictionary is personal data: no finding quotes a listed identifier
        for (Finding f : all) {
            String text = f.summary() + " " + f.objects() + " " + f.key();
            assertThat(identifiers).noneMatch(text::contains);
        }
    }

    private static String objectKey(String kind, JsonNode v) {
        JsonNode o = v.get("objects");
        return switch (kind) {
            case "LATE_ERASURE", "ERASURE_KEY_NOT_DESTROYED", "LATE_ANSWER", "LATE_EXTENSION" ->
                    "requestId:" + o.get("requestId").asText();
            case "KMS_RECEIPT_WRONG_SIGNER" -> "keyId:" + o.get("keyId").asText();
            case "LATE_BREACH_NOTICE", "HHS_NOTICE_MISSING" -> "breachId:" + o.get("breachId").asText();
            case "PLAIN_HASH_ON_CHAIN" -> "hash:" + o.get("plainHash").asText();
            case "CLEARTEXT_PII_ON_CHAIN" -> "disclosureId:" + o.get("disclosureId").asText() + "/"
                    + o.get("field").asText();
            case "DISCLOSURE_INCOMPLETE" -> "disclosureId:" + o.get("disclosureId").asText();
            case "RETENTION_EXCEEDED" -> "recordId:" + o.get("recordId").asText();
            case "LOG_REWRITTEN" -> "checkpoint:" + tx(v, "checkpointBefore");
            case "LOG_ENTRY_TAMPERED", "LOG_ENTRIES_MISSING" -> "checkpoint:" + tx(v, "checkpoint");
            default -> "entry:" + o.get("entry").asText();
        };
    }

    private static String tx(JsonNode v, String role) {
        for (JsonNode t : v.get("transactions")) {
            if (t.get("role").asText().equals(role)) {
                return t.get("tx").asText();
            }
        }
        throw new IllegalStateException("no transaction " + role + " in " + v);
    }
}
