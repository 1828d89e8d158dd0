package org.custos.portal.ledger.domain;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.custos.verify.Bytes;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
import org.custos.verify.chain.BlockBodyVerifier;
import org.custos.verify.chain.BlockHeader;
import org.custos.verify.chain.ClaimedHeader;
import org.custos.verify.chain.HashChainVerifier;
import org.custos.verify.chain.HeaderField;
import org.custos.verify.chain.HeaderHasher;
import org.custos.verify.chain.RpcFormatException;
import org.custos.verify.chain.RpcHeaderParser;
import org.custos.verify.chain.RpcValues;
import org.custos.verify.consensus.CliqueSealVerifier;
import org.custos.verify.consensus.ValidatorSetTracker;

/**
 * Verifies a batch of blocks as a node sent them, with ledger-verifier, in this order per block: the header parses
 * (fail closed), its recomputed hash equals the claimed hash, it is the child of the previous verified block (the
 * first one of the verified head, or of the pinned checkpoint), its seal (Clique: a pinned signer; QBFT and
 * IBFT 2.0: {@link BftSeals}, commit seals of a quorum of the validator set replayed by {@link BftReplay}, whose
 * votes are applied once the whole block is verified; dev chains: none), every transaction's hash and the transactions root, every receipt's bloom, the receipts root, the header
 * bloom and gas used, and the withdrawals root. Events are then decoded only from the proven receipts' logs of
 * the configured contracts, and every proven input and log of any contract is scanned for personal data
 * ({@link LedgerScan}; the hits travel with their {@link VerifiedBlock} to the store). The first failure ends the batch: blocks before it are returned as verified, nothing
 * from the failed block on.
 */
public final class BatchVerifier {

    /** The outcome: the verified prefix of the batch and, if a block failed, the failure. */
    public record Outcome(List<VerifiedBlock> blocks, List<VerifiedEvent> events, Failure failure) {

        public boolean complete() {
            return failure == null;
        }
    }

    /** The first failed check of a batch. */
    public record Failure(long block, String check, String reason, String subject, String expected, String actual) {

        public static Failure of(long block, String check, VerificationResult r) {
            return new Failure(block, check, r.reason().name(), r.subject(), r.expected(), r.actual());
        }
    }

    private final LedgerSettings settings;
    private final HashChainVerifier hashChain;
    private final ConsortiumEventCodec codec = new ConsortiumEventCodec();
    private final Set<Bytes> signers;
    /** QBFT / IBFT 2.0 only (null otherwise): the seal check and the replayed validator set. */
    private final BftSeals bftSeals;
    private final BftReplay bftReplay;

    public BatchVerifier(LedgerSettings settings) {
        this.settings = settings;
        this.signers = settings.validators().stream().map(Bytes::fromHex).collect(Collectors.toUnmodifiableSet());
        if (settings.consensus().finalBlocks()) {
            bftSeals = new BftSeals(BftSeals.variantOf(settings.consensus()));
            bftReplay = new BftReplay(bftSeals.variant(), settings.epochLength(), settings.checkpoint(),
                    settings.validators());
            hashChain = new HashChainVerifier(bftSeals.variant().blockHasher());
        } else {
            bftSeals = null;
            bftReplay = null;
            hashChain = new HashChainVerifier(HeaderHasher.ETHEREUM);
        }
    }

    /**
     * QBFT / IBFT 2.0: true when the validator set after the verified head {@code parentNumber}/{@code parentHash}
     * must first be replayed ({@link #replay}) before {@link #verify} can check seals (at the first batch of a
     * process, or after a batch whose verified prefix was not stored in full). Always false for other consensus.
     */
    public boolean needsReplay(long parentNumber, String parentHash) {
        return bftReplay != null && !bftReplay.at(parentNumber, parentHash);
    }

    /** The first block whose header {@link #replay} needs (the last epoch block at or below the head). */
    public long replayStart(long parentNumber) {
        return bftReplay.startOf(parentNumber);
    }

    /** Replays the validator set up to the verified head; see {@link BftReplay#start}. Null when it succeeded. */
    public Failure replay(long parentNumber, String parentHash, List<Map<String, Object>> headers,
                          LongFunction<Optional<String>> verifiedHash, String storedValidators) {
        return bftReplay.start(parentNumber, parentHash, headers, verifiedHash, storedValidators);
    }

    /**
     * Work that can be done ahead, on the fetching thread, for blocks not verified yet (QBFT / IBFT 2.0: recovering
     * their seals' signers, see {@link BftSeals#prepare}); nothing is decided here. Thread-safe; a no-op for other
     * consensus. A block that does not parse is skipped: {@link #verify} reports it. The header parsed here is not
     * handed on: {@link #verify} parses the block again itself (a few µs against tens per seal), so that nothing
     * decided on the fetching thread reaches the verdict.
     */
    public void prepare(List<RpcBlock> blocks) {
        if (bftSeals == null) {
            return;
        }
        for (RpcBlock block : blocks) {
            try {
                bftSeals.prepare(RpcHeaderParser.parse(block.block()).header());
            } catch (RuntimeException e) {
                // verified (and reported) when its turn comes
            }
        }
    }

    /** Verifies {@code blocks} (consecutive, from {@code parentNumber + 1}) on top of the verified parent. */
    public Outcome verify(long parentNumber, String parentHash, List<RpcBlock> blocks, Instant now) {
        if (needsReplay(parentNumber, parentHash)) {
            throw new IllegalStateException("the validator set after block " + parentNumber + " is not replayed yet");
        }
        try {
            return verifyAll(parentNumber, parentHash, blocks, now, null);
        } catch (RuntimeException e) {
            if (bftReplay != null) {
                bftReplay.reset();
            }
            throw e;
        }
    }

    /**
     * Re-verifies one already stored block as the node sends it now (the block page), without touching the replay:
     * for QBFT / IBFT 2.0 the validator set in force is the one the block lists, which is sound only because its
     * recomputed hash (covering that list) must equal {@code storedHash}, the hash stored when the sync checked the
     * list against the replayed set; a different hash fails before any seal is checked.
     */
    public Outcome reverifyStored(long parentNumber, String parentHash, RpcBlock block, String storedHash,
                                  Instant now) {
        SortedSet<Bytes> listed = null;
        if (bftSeals != null) {
            try {
                ClaimedHeader claimed = RpcHeaderParser.parse(block.block());
                String actual = blockHash(claimed.header());
                if (!storedHash.equals(actual)) {
                    return new Outcome(List.of(), List.of(), new Failure(block.number(), "chain",
                            ReasonCode.HASH_MISMATCH.name(), "block " + block.number() + " (stored)", storedHash,
                            actual));
                }
                listed = new TreeSet<>(ValidatorSetTracker.ADDRESS_ORDER);
                listed.addAll(bftSeals.variant().decode(claimed.header().get(HeaderField.EXTRA_DATA)).validators());
            } catch (RpcFormatException e) {
                return new Outcome(List.of(), List.of(), new Failure(block.number(), "header", e.reason().name(),
                        "block " + block.number() + " field " + e.field(), "a hashable header", e.getMessage()));
            } catch (RuntimeException e) {
                return new Outcome(List.of(), List.of(), new Failure(block.number(), "seal",
                        ReasonCode.MALFORMED_EXTRA_DATA.name(), "block " + block.number(),
                        "extraData in the consensus layout", e.getMessage()));
            }
            if (listed.isEmpty()) {
                return new Outcome(List.of(), List.of(), new Failure(block.number(), "seal",
                        ReasonCode.VALIDATOR_SET_MISMATCH.name(), "block " + block.number() + " validators",
                        "a validator set", "none"));
            }
        }
        return verifyAll(parentNumber, parentHash, List.of(block), now, listed);
    }

    /** The block hash of a header under this chain's consensus (BFT: extraData rewritten first). */
    public String blockHash(BlockHeader header) {
        return (bftSeals != null ? bftSeals.variant().blockHasher() : HeaderHasher.ETHEREUM).hash(header).toHex();
    }

    private Outcome verifyAll(long parentNumber, String parentHash, List<RpcBlock> blocks, Instant now,
                              SortedSet<Bytes> fixedValidators) {
        List<VerifiedBlock> verified = new ArrayList<>();
        List<VerifiedEvent> events = new ArrayList<>();
        ClaimedHeader previous = null;
        Bytes anchor = Bytes.fromHex(parentHash);
        for (RpcBlock block : blocks) {
            long number = block.number();
            ClaimedHeader claimed;
            try {
                claimed = RpcHeaderParser.parse(block.block());
            } catch (RpcFormatException e) {
                return new Outcome(verified, events, new Failure(number, "header", e.reason().name(),
                        "block " + number + " field " + e.field(), "a hashable header", e.getMessage()));
            }
            VerificationResult chain = chainStep(parentNumber, anchor, previous, claimed);
            if (!chain.verified()) {
                return new Outcome(verified, events, Failure.of(number, "chain", chain));
            }
            BlockHeader header = claimed.header();
            String sealers = null;
            if (settings.consensus() == ConsensusKind.CLIQUE) {
                CliqueSealVerifier clique = new CliqueSealVerifier();
                VerificationResult seal;
                try {
                    seal = clique.verify(header, signers);
                } catch (RuntimeException e) {
                    seal = VerificationResult.rejected(ReasonCode.MALFORMED_EXTRA_DATA, "block " + number,
                            "Clique extraData (vanity, signers, 65-byte seal)", e.getMessage());
                }
                if (!seal.verified()) {
                    return new Outcome(verified, events, Failure.of(number, "seal", seal));
                }
                sealers = clique.recoverSigner(header).map(Bytes::toHex).orElse(null);
            }
            if (bftSeals != null) {
                BftSeals.Checked bft = bftSeals.check(header,
                        fixedValidators != null ? fixedValidators : bftReplay.validators());
                if (!bft.result().verified()) {
                    return new Outcome(verified, events, Failure.of(number, "seal", bft.result()));
                }
                sealers = String.join(",", bft.sealers());
            }
            List<VerifiedEvent> blockEvents;
            List<PersonalDataHit> personalData;
            Instant time = Instant.ofEpochSecond(new BigInteger(1, header.get(HeaderField.TIMESTAMP).toArray())
                    .longValueExact());
            try {
                Failure body = verifyBody(number, header, block);
                if (body != null) {
                    return new Outcome(verified, events, body);
                }
                blockEvents = events(number, header, block);
                personalData = LedgerScan.scan(number, time, (List<?>) block.block().get("transactions"),
                        block.receipts());
            } catch (RpcFormatException e) {
                return new Outcome(verified, events, new Failure(number, "body", e.reason().name(),
                        "block " + number + " field " + e.field(), "transactions and receipts this verifier "
                        + "encodes exactly", e.getMessage()));
            }
            List<?> txs = (List<?>) block.block().get("transactions");
            verified.add(new VerifiedBlock(number, claimed.claimedHash().toHex(), header.parentHash().toHex(),
                    header.get(HeaderField.STATE_ROOT).toHex(), header.get(HeaderField.TRANSACTIONS_ROOT).toHex(),
                    header.get(HeaderField.RECEIPTS_ROOT).toHex(), time, txs.size(), blockEvents.size(), sealers,
                    now));
            verified.get(verified.size() - 1).personalData(personalData);
            if (bftReplay != null && fixedValidators == null) {
                // votes count only once the whole block is verified; the set in force for the next one is kept
                bftReplay.apply(header, claimed.claimedHash().toHex());
                verified.get(verified.size() - 1)
                        .validatorsAfter(BftSeals.hexList(new ArrayList<>(bftReplay.validators())));
            }
            events.addAll(blockEvents);
            previous = claimed;
        }
        return new Outcome(verified, events, null);
    }

    private VerificationResult chainStep(long parentNumber, Bytes anchor, ClaimedHeader previous,
                                         ClaimedHeader current) {
        // the first block links to the verified head or the pinned checkpoint by hash alone (ledger-verifier's
        // anchoring rule, HashChainVerifier): the anchor's header is never needed
        return previous != null ? hashChain.verifyStep(null, previous, current)
                : hashChain.verifyChildOfAnchor(BigInteger.valueOf(parentNumber), anchor, current);
    }

    @SuppressWarnings("unchecked")
    private static Failure verifyBody(long number, BlockHeader header, RpcBlock block) {
        List<?> txs = RpcValues.list("transactions", RpcValues.required(block.block(), "transactions"));
        List<Map<String, ?>> txObjects = new ArrayList<>(txs.size());
        for (Object tx : txs) {
            if (!(tx instanceof Map<?, ?> map)) {
                throw new RpcFormatException(ReasonCode.MALFORMED_FIELD, "transactions",
                        "expected full transaction objects, got " + (tx == null ? "null" : "a hash"));
            }
            txObjects.add((Map<String, ?>) map);
        }
        VerificationResult t = BlockBodyVerifier.verifyTransactions(header, txObjects);
        if (!t.verified()) {
            return Failure.of(number, "transactions", t);
        }
        if (block.receipts().size() != txObjects.size()) {
            return new Failure(number, "receipts", ReasonCode.EVIDENCE_MISSING.name(), "block " + number,
                    txObjects.size() + " receipts (one per transaction)", block.receipts().size() + " receipts");
        }
        VerificationResult r = BlockBodyVerifier.verifyReceipts(header, block.receipts());
        if (!r.verified()) {
            return Failure.of(number, "receipts", r);
        }
        Object withdrawals = block.block().get("withdrawals");
        if (withdrawals != null || header.get(HeaderField.WITHDRAWALS_ROOT) != null) {
            List<Map<String, ?>> ws = new ArrayList<>();
            for (Object w : withdrawals == null ? List.of() : RpcValues.list("withdrawals", withdrawals)) {
                if (!(w instanceof Map<?, ?> map)) {
                    throw new RpcFormatException(ReasonCode.MALFORMED_FIELD, "withdrawals", "expected objects");
                }
                ws.add((Map<String, ?>) map);
            }
            VerificationResult w = BlockBodyVerifier.verifyWithdrawals(header, ws);
            if (!w.verified()) {
                return Failure.of(number, "withdrawals", w);
            }
        }
        return null;
    }

    /**
     * Events from the proven receipts: the log's position (transaction index, block-wide log index) is counted
     * here over the verified receipts, the transaction hash taken from the verified transaction at the same
     * index; the node's own logIndex, transactionHash or blockHash members are not used.
     */
    private List<VerifiedEvent> events(long number, BlockHeader header, RpcBlock block) {
        List<VerifiedEvent> result = new ArrayList<>();
        List<?> txs = (List<?>) block.block().get("transactions");
        Instant time = Instant.ofEpochSecond(new BigInteger(1, header.get(HeaderField.TIMESTAMP).toArray())
                .longValueExact());
        int logIndex = 0;
        for (int i = 0; i < block.receipts().size(); i++) {
            Map<String, Object> receipt = block.receipts().get(i);
            String txHash = RpcValues.fixed("hash", ((Map<?, ?>) txs.get(i)).get("hash"), 32).toHex();
            for (Object o : RpcValues.list("logs", RpcValues.required(receipt, "logs"))) {
                Map<?, ?> log = (Map<?, ?>) o;
                String address = RpcValues.fixed("address", log.get("address"), 20).toHex();
                String role = settings.contracts().roleOf(address);
                if (role != null) {
                    List<String> topics = new ArrayList<>();
                    for (Object topic : RpcValues.list("topics", log.get("topics"))) {
                        topics.add(RpcValues.fixed("topic", topic, 32).toHex());
                    }
                    String data = RpcValues.data("data", log.get("data")).toHex();
                    ConsortiumEventCodec.Decoded d = codec.decode(role, topics, data);
                    result.add(new VerifiedEvent(number, i, logIndex, txHash, address, role, d.name(), d.clinicId(),
                            d.fieldsJson(), String.join(",", topics), data, time));
                }
                logIndex++;
            }
        }
        return result;
    }
}
