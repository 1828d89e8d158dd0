package org.custos.portal.compliance.domain.rules;

import java.util.ArrayList;
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
import org.custos.portal.ledger.domain.PersonalDataHit;

/**
 * Findings from the ledger-wide scan's stored hits (GDPR-MIN-01 and GDPR-MIN-03 over every input, creation code
 * and log): one finding per rule, transaction and place (its input, its creation code, or one log), key
 * {@code tx:<hash>/input}, {@code tx:<hash>/creation} or {@code tx:<hash>/log:<index>}. It names the block, the
 * transaction, the sender, the contract, the kinds, encodings and byte positions (at most ten), never the data.
 * Transactions in which the rule already reported a decoded consortium event are skipped: the same data, found by
 * field, is reported there once.
 */
final class LedgerWideHits {

    private static final int MAX_POSITIONS = 10;

    private LedgerWideHits() {
    }

    static void evaluate(CatalogueRule rule, ClinicFacts f, Set<String> reportedTransactions, List<Finding> out) {
        Map<String, List<PersonalDataHit>> byPlace = new LinkedHashMap<>();
        for (PersonalDataHit h : f.personalData()) {
            if (h.getRuleId().equals(rule.id()) && !reportedTransactions.contains(h.getTxHash().toLowerCase(Locale.ROOT))) {
                byPlace.computeIfAbsent("tx:" + h.getTxHash() + "/" + h.placeKey(), k -> new ArrayList<>()).add(h);
            }
        }
        for (Map.Entry<String, List<PersonalDataHit>> place : byPlace.entrySet()) {
            List<PersonalDataHit> hits = place.getValue();
            PersonalDataHit first = hits.get(0);
            Set<String> kinds = new LinkedHashSet<>();
            Set<String> encodings = new LinkedHashSet<>();
            List<String> positions = new ArrayList<>();
            for (PersonalDataHit h : hits) {
                kinds.add(h.getKind());
                encodings.add(h.getEncoding());
                if (positions.size() < MAX_POSITIONS) {
                    positions.add(h.position() + (h.getByteLength() > 0 ? String.format(Locale.ROOT,
                            " (%d bytes, %.2f bits/byte)", h.getByteLength(), h.getBitsPerByte()) : ""));
                }
            }
            Map<String, String> objects = new TreeMap<>();
            objects.put("block", Long.toString(first.getBlockNumber()));
            objects.put("tx", first.getTxHash());
            objects.put("place", first.placeKey());
            objects.put("kind", String.join(", ", kinds));
            objects.put("encoding", String.join(", ", encodings));
            objects.put("positions", String.join("; ", positions) + (hits.size() > MAX_POSITIONS
                    ? "; and " + (hits.size() - MAX_POSITIONS) + " more" : ""));
            objects.put("sender", first.getSender() == null ? "not recoverable" : first.getSender());
            if (first.getContract() != null) {
                objects.put("contract", first.getContract());
            }
            if (!first.placeKey().startsWith("log") && first.getTransactionsRoot() != null) {
                objects.put("transactionsRoot", first.getTransactionsRoot());
            }
            objects.put("scope", f.clinicId().equals(ClinicFacts.CONSORTIUM) ? "consortium (no clinic's writer sent it)"
                    : "the clinic's registered writer sent it");
            String where = switch (first.placeKey().contains(":") ? "log" : first.placeKey()) {
                case "input" -> "the input of transaction " + first.getTxHash();
                case "creation" -> "the creation code of transaction " + first.getTxHash();
                default -> "log " + first.getLogIndex() + " (contract " + first.getContract() + ") of transaction "
                        + first.getTxHash();
            };
            String what = rule.id().equals("GDPR-MIN-03") ? "Ciphertext-like blob" : "Cleartext " + String.join(", ",
                    kinds);
            EvidenceRef evidence = new EvidenceRef(first.placeKey().startsWith("log") ? "log (receipts root)"
                    : "transaction (transactions root)", first.getBlockNumber(), first.getTxHash(),
                    first.getLogIndex(), first.getReceiptsRoot(), first.getBlockTime().toString(), null, null, null,
                    List.of(), null, null);
            out.add(new Finding(rule.id(), rule.version(), rule.legalSource(), rule.severity(), f.clinicId(),
                    place.getKey(), what + " in " + where + " (block " + first.getBlockNumber() + ", "
                    + String.join(", ", encodings) + ")", objects, List.of(evidence), null, null));
        }
    }
}
