package org.custos.portal.reports.application;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.custos.portal.ledger.domain.LedgerNode;
import org.custos.portal.ledger.domain.LedgerSettings;
import org.custos.portal.ledger.domain.LedgerUnavailableException;
import org.custos.portal.ledger.domain.RpcBlock;
import org.custos.portal.ledger.domain.VerifiedEvent;
import org.custos.verify.Bytes;
import org.custos.verify.evidence.ChainParameters;
import org.custos.verify.evidence.EvidenceReport;
import org.custos.verify.evidence.TranscriptParts;
import org.custos.verify.evidence.TranscriptVerifier;

/**
 * Builds the {@code custos-evidence} transcript a report embeds: every block from the pinned checkpoint to the
 * verified head (header only), the full bodies and receipts of the blocks whose events the report cites, and a
 * claim for each cited event. The node's answers are taken as they are (minus the members no root commits to),
 * every block hash must equal the portal's verified chain at that height, and the finished transcript is
 * re-verified with ledger-verifier before anything is signed: the portal never signs evidence that does not verify.
 */
final class TranscriptBuilder {

    /** Blocks asked for in one batched request. */
    static final int BATCH = 200;

    /** The node's answer differs from the portal's verified chain, or the transcript does not verify. */
    static final class EvidenceException extends Exception {
        EvidenceException(String message) {
            super(message);
        }
    }

    /** A built transcript and ledger-verifier's verdict on it. */
    record Built(Map<String, Object> transcript, EvidenceReport verdict, long blocks, long bodies, int events) {
    }

    private final LedgerNode node;
    private final LedgerSettings settings;
    private final LongFunction<String> verifiedHash;

    /** {@code verifiedHash}: the portal's verified hash at a height (null when not verified). */
    TranscriptBuilder(LedgerNode node, LedgerSettings settings, LongFunction<String> verifiedHash) {
        this.node = node;
        this.settings = settings;
        this.verifiedHash = verifiedHash;
    }

    /**
     * Blocks checkpoint..{@code head}; full bodies and receipts for the blocks of {@code cited} and for
     * {@code bodies} (blocks a report cites for a transaction rather than an event), a claim per cited event.
     */
    Built build(long head, List<VerifiedEvent> cited, Set<Long> bodies, ReportProgress progress)
            throws LedgerUnavailableException, EvidenceException {
        long first = settings.checkpoint().number();
        if (head < first) {
            throw new EvidenceException("nothing verified yet: the verified head " + head
                    + " is before the checkpoint " + first);
        }
        Map<Long, List<VerifiedEvent>> byBlock = new TreeMap<>();
        for (VerifiedEvent e : cited) {
            if (e.getBlockNumber() < first || e.getBlockNumber() > head) {
                throw new EvidenceException("event " + e.getId() + " lies outside the verified range");
            }
            byBlock.computeIfAbsent(e.getBlockNumber(), n -> new ArrayList<>()).add(e);
        }
        Map<String, Object> transcript = new LinkedHashMap<>();
        transcript.put("version", TranscriptVerifier.VERSION);
        transcript.put("chain", TranscriptParts.chain(parameters(), quantity(node.chainId())));
        List<Object> blocks = new ArrayList<>();
        long total = head - first + 1;
        for (long n = first; n <= head; n += BATCH) {
            int count = (int) Math.min(BATCH, head - n + 1);
            List<Map<String, Object>> headers = node.headers(n, count);
            for (int i = 0; i < count; i++) {
                long number = n + i;
                Map<String, Object> header = i < headers.size() ? headers.get(i) : null;
                if (header == null) {
                    throw new EvidenceException("the node has no block " + number + " of the verified chain");
                }
                same(number, header.get("hash"));
                blocks.add(byBlock.containsKey(number) || bodies.contains(number) ? withBody(number)
                        : Map.of("block", headerOnly(header)));
            }
            progress.at(Math.min(total, n - first + count), total);
        }
        transcript.put("blocks", blocks);
        List<Object> events = new ArrayList<>();
        byBlock.values().forEach(list -> list.forEach(e -> events.add(claim(e))));
        transcript.put("events", events);
        EvidenceReport verdict = TranscriptVerifier.verify(transcript);
        if (!verdict.verified()) {
            throw new EvidenceException("the evidence taken from the node does not verify: " + verdict);
        }
        long withBodies = blocks.stream().filter(b -> ((Map<?, ?>) b).containsKey("receipts")).count();
        return new Built(transcript, verdict, total, withBodies, events.size());
    }

    private Map<String, Object> withBody(long number) throws LedgerUnavailableException, EvidenceException {
        List<RpcBlock> full = node.blocks(number, 1);
        if (full.isEmpty()) {
            throw new EvidenceException("the node has no block " + number + " of the verified chain");
        }
        same(number, full.get(0).block().get("hash"));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("block", TranscriptParts.withoutUnproven(full.get(0).block()));
        entry.put("receipts", TranscriptParts.receiptsWithoutUnproven(full.get(0).receipts()));
        return entry;
    }

    private void same(long number, Object claimed) throws EvidenceException {
        String verified = verifiedHash.apply(number);
        if (verified == null || !verified.equalsIgnoreCase(String.valueOf(claimed))) {
            throw new EvidenceException("block " + number + ": the node serves " + claimed
                    + ", the verified chain has " + verified);
        }
    }

    private static Map<String, Object> headerOnly(Map<String, Object> header) {
        Map<String, Object> copy = new LinkedHashMap<>(header);
        copy.remove("transactions");
        return copy;
    }

    private static Map<String, Object> claim(VerifiedEvent e) {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("block", quantity(e.getBlockNumber()));
        claim.put("transactionIndex", quantity(e.getTxIndex()));
        claim.put("logIndex", quantity(e.getLogIndex()));
        claim.put("address", e.getContract().toLowerCase(Locale.ROOT));
        claim.put("topics", e.getTopics().isEmpty() ? List.of() : Arrays.asList(e.getTopics().split(",")));
        claim.put("data", e.getData());
        return claim;
    }

    ChainParameters parameters() {
        List<Bytes> validators = settings.validators().stream().map(Bytes::fromHex).toList();
        return new ChainParameters(settings.consensus().name().toLowerCase(Locale.ROOT),
                BigInteger.valueOf(settings.checkpoint().number()), Bytes.fromHex(settings.checkpoint().hash()),
                validators, settings.epochLength());
    }

    static String quantity(long n) {
        return "0x" + Long.toHexString(n);
    }
}
