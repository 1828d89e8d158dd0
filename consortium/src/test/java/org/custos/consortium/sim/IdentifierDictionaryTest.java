package org.custos.consortium.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The bundle's {@code identifiers/dictionary.json} (GDPR-MIN-02): each clinic lists the MRN and e-mail of exactly its
 * own patients, the manifest lists the file with its SHA-256 and role, and a dictionary test over the plan's
 * calldata (every 32-byte word of every write of the clinic against SHA-256 and keccak-256 of every listed
 * identifier and its normalised forms) finds exactly the planted plain hashes: all of them, nothing at honest
 * clinics.
 */
class IdentifierDictionaryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachClinicListsTheMrnAndEmailOfExactlyItsPatients() throws Exception {
        Plan plan = Simulator.plan(new SimulationParameters(20261122L, 4, 40, 3, SimulationParameters.all(1.0), 1));
        Set<String> everyMrn = new HashSet<>();
        for (int c = 0; c < plan.clinics().size(); c++) {
            SimulatedClinic clinic = plan.clinics().get(c);
            Map<String, byte[]> entries = EvidenceBundle.read(EvidenceBundle.zip(clinic));
            byte[] file = entries.get(EvidenceBundle.IDENTIFIERS);
            assertThat(file).isNotNull();
            List<String> names = new ArrayList<>(entries.keySet());
            assertThat(names.get(names.size() - 1)).isEqualTo(EvidenceBundle.IDENTIFIERS);
            String manifest = new String(entries.get(EvidenceBundle.MANIFEST), StandardCharsets.UTF_8);
            assertThat(manifest).contains("{\"path\":\"identifiers/dictionary.json\",\"role\":\"identifier-dictionary\""
                    + ",\"sha256\":\"" + Numeric.toHexString(Simulator.sha256(file)) + "\"}");
            String text = new String(file, StandardCharsets.UTF_8);
            assertThat(text).startsWith("{\"format\":\"custos-identifiers/1\",\"identifiers\":[\"MRN-")
                    .endsWith("\"]}").doesNotContain(" ").doesNotContain("\n");
            JsonNode node = JSON.readTree(file);
            List<String> listed = new ArrayList<>();
            node.get("identifiers").forEach(i -> listed.add(i.asText()));
            assertThat(listed).isEqualTo(clinic.identifiers());
            assertThat(listed).hasSizeGreaterThan(0).hasSize(2 * (listed.size() / 2));
            for (int k = 0; k < listed.size(); k += 2) {
                String mrn = listed.get(k);
                assertThat(mrn).matches("MRN-%02d-\\d{6}".formatted(c));
                int patient = Integer.parseInt(mrn.substring(7));
                assertThat(listed.get(k + 1)).isEqualTo(Simulator.email(c, patient));
                assertThat(everyMrn.add(mrn)).as("a patient belongs to one clinic").isTrue();
            }
        }
        assertThat(everyMrn).hasSize(40);
    }

    @Test
    void aDictionaryTestOverTheCalldataFindsExactlyThePlantedPlainHashes() {
        for (double rate : new double[] {1.0, 0.5}) {
            Plan plan = Simulator.plan(new SimulationParameters(2026L, 5, 60, 12, SimulationParameters.all(rate), 1));
            int planted = 0;
            for (int c = 0; c < plan.clinics().size(); c++) {
                Set<String> expected = new TreeSet<>();
                for (PlannedViolation v : plan.violations()) {
                    if (v.clinic() == c && v.kind() == Violation.PLAIN_HASH_ON_CHAIN) {
                        expected.add(v.objects().get("plainHash"));
                        assertThat(plan.clinics().get(c).identifiers()).contains(v.objects().get("identifier"));
                    }
                }
                planted += expected.size();
                assertThat(dictionaryHits(plan, c)).as("clinic %d", c).isEqualTo(expected);
            }
            assertThat(planted).as("rate %s plants plain hashes", rate).isPositive();
            int clean = plan.clinics().size() - 1;
            assertThat(dictionaryHits(plan, clean)).isEmpty();
        }
    }

    @Test
    void anHonestHistoryGivesNoHit() {
        Plan plan = Simulator.plan(new SimulationParameters(2026L, 5, 60, 12));
        for (int c = 0; c < plan.clinics().size(); c++) {
            assertThat(plan.clinics().get(c).identifiers()).isNotEmpty();
            assertThat(dictionaryHits(plan, c)).isEmpty();
        }
    }

    @Test
    void theDictionaryIsCanonicalJsonWithEscapes() {
        assertThat(new String(EvidenceBundle.dictionary(List.of("a\"b", "c\\d", "e\nf")), StandardCharsets.UTF_8))
                .isEqualTo("{\"format\":\"custos-identifiers/1\",\"identifiers\":[\"a\\\"b\",\"c\\\\d\",\"e\\u000af\"]}");
        assertThat(new String(EvidenceBundle.dictionary(List.of()), StandardCharsets.UTF_8))
                .isEqualTo("{\"format\":\"custos-identifiers/1\",\"identifiers\":[]}");
    }

    /** Every 32-byte argument of the clinic's writes that is the SHA-256 or keccak-256 of a listed identifier form. */
    @SuppressWarnings("rawtypes")
    private static Set<String> dictionaryHits(Plan plan, int clinic) {
        Set<String> hashes = new HashSet<>();
        for (String id : plan.clinics().get(clinic).identifiers()) {
            for (String form : List.of(id, id.trim(), id.toLowerCase(Locale.ROOT), id.toUpperCase(Locale.ROOT),
                    id.replaceAll("[\\s-]", ""))) {
                byte[] bytes = form.getBytes(StandardCharsets.UTF_8);
                hashes.add(Numeric.toHexString(Simulator.sha256(bytes)));
                hashes.add(Numeric.toHexString(Hash.sha3(bytes)));
            }
        }
        Set<String> hits = new TreeSet<>();
        for (PlannedWrite write : plan.writes()) {
            if (write.clinic() != clinic) {
                continue;
            }
            for (Type parameter : write.function().getInputParameters()) {
                if (parameter.getValue() instanceof byte[] word && word.length == 32) {
                    String hex = Numeric.toHexString(word);
                    if (hashes.contains(hex)) {
                        hits.add(hex);
                    }
                }
            }
        }
        return hits;
    }
}
