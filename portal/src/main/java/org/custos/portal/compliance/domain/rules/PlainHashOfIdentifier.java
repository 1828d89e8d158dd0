package org.custos.portal.compliance.domain.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.custos.portal.compliance.domain.ClinicFacts;
import org.custos.portal.compliance.domain.EvidenceRef;
import org.custos.portal.compliance.domain.Finding;
import org.custos.portal.compliance.domain.Severity;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.verify.Hashes;
import org.custos.verify.Hex;

/**
 * GDPR-MIN-02: dictionary test. For every identifier the clinic's bundle lists for this check
 * ({@code identifiers/dictionary.json}) and its common normalisations (trimmed, lower case, upper case, without
 * separators), neither keccak-256 nor SHA-256 may appear as a value of any proven event of the clinic. One finding
 * per hash found (citing up to ten events that carry it). Without a dictionary the rule cannot decide and reports
 * nothing (docs/rules.md).
 */
public final class PlainHashOfIdentifier extends CatalogueRule {

    public PlainHashOfIdentifier() {
        super("GDPR-MIN-02", 1, "GDPR Art 5(1)(c), 4(5); EDPB Guidelines 02/2025 paras 52, 104", Severity.S1,
                Scope.ALL, true);
    }

    @Override
    public void evaluate(ClinicFacts f, List<Finding> out) {
        List<String> identifiers = f.verification().identifiers();
        if (identifiers.isEmpty()) {
            return;
        }
        Map<String, String> hashes = new HashMap<>();
        for (int i = 0; i < identifiers.size(); i++) {
            String id = identifiers.get(i);
            Set<String> forms = new LinkedHashSet<>(List.of(id, id.trim(), id.trim().toLowerCase(Locale.ROOT),
                    id.trim().toUpperCase(Locale.ROOT), id.replaceAll("[\\s-]", "")));
            for (String form : forms) {
                byte[] b = form.getBytes(StandardCharsets.UTF_8);
                hashes.putIfAbsent(Hex.encodePrefixed(Hashes.sha256(b)), i + "/sha256");
                hashes.putIfAbsent(Hex.encodePrefixed(Hashes.keccak256(b)), i + "/keccak256");
            }
        }
        Map<String, List<ProvenEvent>> hits = new LinkedHashMap<>();
        for (ProvenEvent e : f.events()) {
            for (String v : e.fields().values()) {
                if (hashes.containsKey(v)) {
                    hits.computeIfAbsent(v, k -> new ArrayList<>()).add(e);
                }
            }
        }
        for (Map.Entry<String, List<ProvenEvent>> h : hits.entrySet()) {
            String[] how = hashes.get(h.getKey()).split("/");
            Map<String, String> objects = new TreeMap<>();
            objects.put("plainHash", h.getKey());
            objects.put("identifierIndex", how[0]);
            objects.put("algorithm", how[1]);
            objects.put("events", Integer.toString(h.getValue().size()));
            List<EvidenceRef> ev = h.getValue().stream().limit(10).map(e -> EvidenceRef.event(e.name(), e)).toList();
            out.add(finding(f, "hash:" + h.getKey(), "Plain " + how[1] + " hash of a listed identifier on-chain in "
                    + h.getValue().size() + " event(s)", objects, ev, null, null));
        }
    }
}
