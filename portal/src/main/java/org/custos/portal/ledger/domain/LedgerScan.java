package org.custos.portal.ledger.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custos.portal.personaldata.PayloadScanner;
import org.custos.verify.Hex;
import org.custos.verify.chain.RpcValues;
import org.custos.verify.chain.TransactionSender;
import org.custos.verify.consensus.EcRecover;

/**
 * The ledger-wide personal-data scan of one verified block (GDPR-MIN-01 and GDPR-MIN-03 over everything, not only
 * the consortium's events): every transaction's input (creation code when it has no recipient) and every log's
 * data and topics of every contract, read from the transactions and receipts whose roots {@link BatchVerifier} has
 * just matched with the verified header, so only proven bytes are scanned. {@link PayloadScanner} decides what is
 * personal data; a transaction with a hit gets its sender recovered from its signature
 * ({@link TransactionSender}), so that the rules can attribute the hit to the clinic whose registered writer sent it.
 * Bounded: at most {@value PersonalDataHit#PER_BLOCK} hits per block, {@link PayloadScanner}'s bounds per payload.
 */
final class LedgerScan {

    private static final TransactionSender.AddressRecovery RECOVERY = EcRecover.preferred()::recoverAddress;

    private LedgerScan() {
    }

    /** The hits of a block whose transactions and receipts are verified (same order, same count). */
    static List<PersonalDataHit> scan(long number, Instant time, List<?> txs, List<Map<String, Object>> receipts) {
        List<PersonalDataHit> hits = new ArrayList<>();
        int logIndex = 0;
        for (int i = 0; i < txs.size() && hits.size() < PersonalDataHit.PER_BLOCK; i++) {
            @SuppressWarnings("unchecked")
            Map<String, ?> tx = (Map<String, ?>) txs.get(i);
            int before = hits.size();
            String txHash = (String) tx.get("hash");
            Object to = tx.get("to");
            String contract = to == null ? null : RpcValues.fixed("to", to, 20).toHex();
            PersonalDataHit.Place place = to == null ? PersonalDataHit.Place.CREATION : PersonalDataHit.Place.INPUT;
            add(hits, number, time, i, txHash, place, null, null, contract, PayloadScanner.scan(bytes(tx.get("input")),
                    to == null ? PayloadScanner.Shape.CREATION : PayloadScanner.Shape.INPUT));
            for (Object o : RpcValues.list("logs", receipts.get(i).get("logs"))) {
                Map<?, ?> log = (Map<?, ?>) o;
                String address = ((String) log.get("address")).toLowerCase(java.util.Locale.ROOT);
                List<?> topics = (List<?>) log.get("topics");
                for (int t = 0; t < topics.size(); t++) {
                    add(hits, number, time, i, txHash, PersonalDataHit.Place.LOG_TOPIC, logIndex, t, address,
                            PayloadScanner.scan(bytes(topics.get(t)), PayloadScanner.Shape.TOPIC));
                }
                add(hits, number, time, i, txHash, PersonalDataHit.Place.LOG_DATA, logIndex, null, address,
                        PayloadScanner.scan(bytes(log.get("data")), PayloadScanner.Shape.LOG_DATA));
                logIndex++;
            }
            if (hits.size() > before) {
                // rare: only transactions with personal data pay for the signature recovery
                String sender = TransactionSender.recover(tx, RECOVERY).map(b -> b.toHex()).orElse(null);
                for (int h = before; h < hits.size(); h++) {
                    hits.set(h, withSender(hits.get(h), sender));
                }
            }
        }
        return hits;
    }

    private static void add(List<PersonalDataHit> hits, long number, Instant time, int txIndex, String txHash,
                            PersonalDataHit.Place place, Integer logIndex, Integer topic, String contract,
                            List<PayloadScanner.Hit> found) {
        for (PayloadScanner.Hit h : found) {
            if (hits.size() >= PersonalDataHit.PER_BLOCK) {
                return;
            }
            hits.add(new PersonalDataHit(number * PersonalDataHit.PER_BLOCK + hits.size(), number, txIndex,
                    txHash.toLowerCase(java.util.Locale.ROOT), null, place, logIndex, topic, contract, h.offset(),
                    h.length(), h.rule(), h.kind(), h.encoding(), h.bitsPerByte(), time));
        }
    }

    private static PersonalDataHit withSender(PersonalDataHit h, String sender) {
        return new PersonalDataHit(h.getId(), h.getBlockNumber(), h.getTxIndex(), h.getTxHash(), sender,
                PersonalDataHit.Place.valueOf(h.getPlace()), h.getLogIndex(), h.getTopicIndex(), h.getContract(),
                h.getByteOffset(), h.getByteLength(), h.getRuleId(), h.getKind(), h.getEncoding(), h.getBitsPerByte(),
                h.getBlockTime());
    }

    /** The bytes of a verified hex value (the roots matched, so it is well-formed 0x-hex). */
    private static byte[] bytes(Object hex) {
        String s = (String) hex;
        return s == null || s.length() <= 2 ? new byte[0] : Hex.decode(s);
    }
}
