package org.custos.portal.reports.application;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The node's answer differs from the portal's verified chain, or the transcript does not verify. */
    static final class EvidenceException extends Exception {
        EvidenceException(String message) {
            super(message);
        }
    }

    /**
     * A KMS deletion receipt to embed ({@code custos-evidence/2} {@code kmsReceipts}): its exact bytes and 65-byte
     * signature, the {@code KeyDestroyed} event that anchors its hash and the clinic's {@code ClinicAdmitted} or
     * {@code ClinicUpdated} that registered the attestation key before the destruction (both are cited).
     */
    record Receipt(byte[] receipt, byte[] signature, VerifiedEvent destroyed, VerifiedEvent registration) {
    }

    /**
     * An RFC 9162 inclusion proof of a bundle entry to embed ({@code custos-evidence/2} {@code merkleProofs}): the
     * leaf hash at {@code index} of the tree of {@code size} whose root is anchored by the cited
     * {@code AuditCheckpoint} {@code checkpoint} (its data word 1 the root, word 0 the size), and the entry's bytes
     * ({@code leaf}, null when not kept).
     */
    record Inclusion(String leafHash, long index, long size, String root, List<String> proof,
                     VerifiedEvent checkpoint, String leaf) {
    }

    /** Reads a receipt's JSON for the content check (bounded: receipts are at most 64 KiB when kept). */
    private static final TranscriptVerifier.JsonReader RECEIPT_JSON = bytes -> {
        if (bytes.length > 1 << 16) {
            throw new IllegalArgumentException("receipt larger than 64 KiB");
        }
        try {
            return JSON.readValue(bytes, Object.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    };

    /** A transcript written to {@code file} and ledger-verifier's verdict on it. */
    record Built(Path file, EvidenceReport verdict, long blocks, long bodies, int events) {
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
     * Written to {@code out} as it is fetched and verified, one batch at a time: the heap holds one batch and what
     * the verifier keeps (the receipts of blocks with claimed events), whatever the number of blocks.
     */
    Built build(long head, List<VerifiedEvent> cited, Set<Long> bodies, ReportProgress progress, Path out)
            throws LedgerUnavailableException, EvidenceException, IOException {
        return build(head, cited, bodies, List.of(), progress, out);
    }

    /**
     * As {@link #build(long, List, Set, ReportProgress, Path)}, with KMS deletion receipts: then the transcript is
     * {@code custos-evidence/2} and each receipt is verified (hash anchored by its {@code KeyDestroyed}, content,
     * signature by the attestation key bound by the cited registration event) before anything is signed.
     */
    Built build(long head, List<VerifiedEvent> cited, Set<Long> bodies, List<Receipt> receipts,
                ReportProgress progress, Path out) throws LedgerUnavailableException, EvidenceException, IOException {
        return build(head, cited, bodies, receipts, List.of(), progress, out);
    }

    /**
     * With KMS receipts and inclusion proofs of bundle entries under anchored roots: then the transcript is
     * {@code custos-evidence/2}, and every proof and receipt is verified with the rest before anything is signed.
     */
    Built build(long head, List<VerifiedEvent> cited, Set<Long> bodies, List<Receipt> receipts,
                List<Inclusion> inclusions, ReportProgress progress, Path out)
            throws LedgerUnavailableException, EvidenceException, IOException {
        long first = settings.checkpoint().number();
        if (head < first) {
            throw new EvidenceException("nothing verified yet: the verified head " + head
                    + " is before the checkpoint " + first);
        }
        Map<Long, List<VerifiedEvent>> byBlock = new TreeMap<>();
        Map<Long, VerifiedEvent> allCited = new LinkedHashMap<>();
        for (VerifiedEvent e : cited) {
            allCited.putIfAbsent(e.getId(), e);
        }
        for (Receipt r : receipts) {
            allCited.putIfAbsent(r.destroyed().getId(), r.destroyed());
            allCited.putIfAbsent(r.registration().getId(), r.registration());
        }
        for (Inclusion i : inclusions) {
            allCited.putIfAbsent(i.checkpoint().getId(), i.checkpoint());
        }
        for (VerifiedEvent e : allCited.values()) {
            if (e.getBlockNumber() < first || e.getBlockNumber() > head) {
                throw new EvidenceException("event " + e.getId() + " lies outside the verified range");
            }
            byBlock.computeIfAbsent(e.getBlockNumber(), n -> new ArrayList<>()).add(e);
        }
        Set<Long> full = new HashSet<>(bodies);
        full.addAll(byBlock.keySet());
        Map<String, Object> members = new LinkedHashMap<>();
        boolean version2 = !receipts.isEmpty() || !inclusions.isEmpty();
        members.put("version", version2 ? TranscriptVerifier.VERSION_2 : TranscriptVerifier.VERSION);
        members.put("chain", TranscriptParts.chain(parameters(), quantity(node.chainId())));
        List<Object> events = new ArrayList<>();
        Map<Long, Integer> position = new HashMap<>();
        for (List<VerifiedEvent> list : byBlock.values()) {
            list.sort(java.util.Comparator.comparingInt(VerifiedEvent::getLogIndex));
            for (VerifiedEvent e : list) {
                position.put(e.getId(), events.size());
                events.add(claim(e));
            }
        }
        members.put("events", events);
        if (!inclusions.isEmpty()) {
            List<Object> proofs = new ArrayList<>();
            for (Inclusion i : inclusions) {
                Map<String, Object> proof = new LinkedHashMap<>();
                proof.put("type", "inclusion");
                proof.put("leafHash", i.leafHash());
                proof.put("index", quantity(i.index()));
                proof.put("size", quantity(i.size()));
                proof.put("root", i.root());
                proof.put("proof", i.proof());
                if (i.leaf() != null) {
                    // the entry's exact bytes: ledger-verifier recomputes the leaf hash from them
                    proof.put("leaf", i.leaf());
                }
                // AuditCheckpoint(bytes32 indexed clinicId, uint64 treeSize, bytes32 rootHash): word 1 the root
                proof.put("anchor", Map.of("event", position.get(i.checkpoint().getId()), "word", 1, "sizeWord", 0));
                proofs.add(proof);
            }
            members.put("merkleProofs", proofs);
        }
        if (!receipts.isEmpty()) {
            List<Object> kms = new ArrayList<>();
            for (Receipt r : receipts) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("receipt", "0x" + java.util.HexFormat.of().formatHex(r.receipt()));
                entry.put("signature", "0x" + java.util.HexFormat.of().formatHex(r.signature()));
                entry.put("event", position.get(r.destroyed().getId()));
                entry.put("key", Map.of("event", position.get(r.registration().getId())));
                kms.add(entry);
            }
            members.put("kmsReceipts", kms);
        }
        NodeBlocks blocks;
        EvidenceReport verdict;
        try (OutputStream file = Files.newOutputStream(out);
             JsonGenerator json = JSON.createGenerator(file, JsonEncoding.UTF8)) {
            json.writeStartObject();
            for (Map.Entry<String, Object> member : members.entrySet()) {
                json.writeObjectField(member.getKey(), member.getValue());
            }
            json.writeArrayFieldStart("blocks");
            blocks = new NodeBlocks(first, head, full, progress, json);
            try {
                verdict = TranscriptVerifier.verify(members, blocks, version2 ? RECEIPT_JSON : null);
            } catch (Failure f) {
                f.rethrow();
                throw f;
            }
            if (blocks.hasNext()) {
                throw new EvidenceException("the evidence taken from the node does not verify: " + verdict);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        if (!verdict.verified()) {
            throw new EvidenceException("the evidence taken from the node does not verify: " + verdict);
        }
        return new Built(out, verdict, head - first + 1, blocks.withBodies, events.size());
    }

    /**
     * The blocks of the transcript, fetched from the node a batch at a time as the verifier asks for them; each
     * must equal the verified chain at its height and is written to the file before the verifier sees it.
     */
    private final class NodeBlocks implements Iterator<Object> {
        private final long head;
        private final long first;
        private final Set<Long> full;
        private final ReportProgress progress;
        private final JsonGenerator json;
        private final Deque<Object> batch = new ArrayDeque<>();
        private long next;
        private long withBodies;

        NodeBlocks(long first, long head, Set<Long> full, ReportProgress progress, JsonGenerator json) {
            this.first = first;
            this.head = head;
            this.full = full;
            this.progress = progress;
            this.json = json;
            this.next = first;
        }

        @Override
        public boolean hasNext() {
            return !batch.isEmpty() || next <= head;
        }

        @Override
        public Object next() {
            if (batch.isEmpty()) {
                if (next > head) {
                    throw new NoSuchElementException();
                }
                try {
                    fetch();
                } catch (LedgerUnavailableException | EvidenceException | IOException e) {
                    throw new Failure(e);
                }
            }
            return batch.removeFirst();
        }

        private void fetch() throws LedgerUnavailableException, EvidenceException, IOException {
            int count = (int) Math.min(BATCH, head - next + 1);
            List<Map<String, Object>> headers = node.headers(next, count);
            for (int i = 0; i < count; i++) {
                long number = next + i;
                Map<String, Object> header = i < headers.size() ? headers.get(i) : null;
                if (header == null) {
                    throw new EvidenceException("the node has no block " + number + " of the verified chain");
                }
                same(number, header.get("hash"));
                Map<String, Object> entry = full.contains(number) ? withBody(number)
                        : Map.of("block", headerOnly(header));
                if (full.contains(number)) {
                    withBodies++;
                }
                json.writeObject(entry);
                batch.addLast(entry);
            }
            next += count;
            progress.at(next - first, head - first + 1);
        }
    }

    /** A failure inside the block iterator, carried out of the verifier. */
    private static final class Failure extends RuntimeException {
        Failure(Exception cause) {
            super(cause);
        }

        void rethrow() throws LedgerUnavailableException, EvidenceException, IOException {
            if (getCause() instanceof LedgerUnavailableException e) {
                throw e;
            }
            if (getCause() instanceof EvidenceException e) {
                throw e;
            }
            if (getCause() instanceof IOException e) {
                throw e;
            }
        }
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
