package org.custos.verify.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.verify.Bytes;
import org.custos.verify.ReasonCode;
import org.custos.verify.cli.Json;
import org.custos.verify.merkle.MerkleTree;
import org.junit.jupiter.api.Test;

/**
 * Offline transcripts assembled from real mainnet vectors: Cancun block 21925176 (header, withdrawals, 202
 * receipts) pinned as a dev checkpoint, a claimed event from its receipts, the EIP-1186 deposit-contract proof at
 * that block, and RFC 9162 proofs built by {@link MerkleTree}; each transcript also goes through the CLI's JSON
 * writer and parser, so what is verified is what a file would hold.
 */
class TranscriptVerifierTest {

    private static final String BLOCK = "vectors/ethereum-blocks/mainnet-21925176-cancun/block.json";
    private static final String RECEIPTS = "vectors/ethereum-blocks/mainnet-21925176-cancun/receipts.json";
    private static final String PROOF = "vectors/eip1186/mainnet-21925176-deposit-contract/proof.json";

    @Test
    void completeTranscriptVerifies() {
        EvidenceReport report = verify(transcript());
        assertThat(report.verified()).as(report.toString()).isTrue();
        assertThat(report.blocks()).isEqualTo(1);
        assertThat(report.receipts()).isEqualTo(202);
        assertThat(report.events()).isEqualTo(2);
        assertThat(report.stateProofs()).isEqualTo(1);
        assertThat(report.merkleProofs()).isEqualTo(2);
        assertThat(report.scope()).isEqualTo("no finality proof: hash chain only");
    }

    @Test
    void alteredEventClaimIsNotProven() {
        Map<String, Object> t = transcript();
        event(t, 0).put("data", "0x00");
        assertFailure(t, ReasonCode.EVENT_NOT_PROVEN, "event");
        Map<String, Object> wrongIndex = transcript();
        event(wrongIndex, 0).put("logIndex", "0x1");
        assertFailure(wrongIndex, ReasonCode.EVENT_NOT_PROVEN, "event");
    }

    @Test
    void eventWithoutReceiptsIsMissingEvidence() {
        Map<String, Object> t = transcript();
        Json.object(((List<?>) t.get("blocks")).get(0)).remove("receipts");
        assertFailure(t, ReasonCode.EVIDENCE_MISSING, "event");
    }

    @Test
    void tamperedReceiptHeaderAndProofsAreRejected() {
        Map<String, Object> receipt = transcript();
        Json.object(((List<?>) Json.object(((List<?>) receipt.get("blocks")).get(0)).get("receipts")).get(5))
                .put("cumulativeGasUsed", "0x1");
        assertFailure(receipt, ReasonCode.RECEIPTS_ROOT_MISMATCH, "receiptsRoot");

        Map<String, Object> header = transcript();
        Json.object(Json.object(((List<?>) header.get("blocks")).get(0)).get("block")).put("gasUsed", "0x1");
        assertFailure(header, ReasonCode.HASH_MISMATCH, "chain");

        Map<String, Object> state = transcript();
        Json.object(Json.object(((List<?>) state.get("stateProofs")).get(0)).get("proof")).put("nonce", "0x2");
        assertFailure(state, ReasonCode.PROOF_VALUE_MISMATCH, "stateProof");

        Map<String, Object> unknownBlock = transcript();
        Json.object(((List<?>) unknownBlock.get("stateProofs")).get(0)).put("block", "0x1");
        assertFailure(unknownBlock, ReasonCode.EVIDENCE_MISSING, "stateProof");

        Map<String, Object> merkle = transcript();
        Json.object(((List<?>) merkle.get("merkleProofs")).get(0)).put("index", "0x4");
        assertFailure(merkle, ReasonCode.ROOT_MISMATCH, "merkleProof 0");
    }

    @Test
    void wrongCheckpointAndVersionAreRejected() {
        Map<String, Object> t = transcript();
        Json.object(Json.object(t.get("chain")).get("checkpoint")).put("number", "0x1");
        assertFailure(t, ReasonCode.CHECKPOINT_MISMATCH, "checkpoint");
        Map<String, Object> v = transcript();
        v.put("version", "custos-evidence/0");
        assertThatThrownBy(() -> verify(v)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertFailure(Map<String, Object> transcript, ReasonCode reason, String check) {
        EvidenceReport report = verify(transcript);
        assertThat(report.verified()).isFalse();
        assertThat(report.result().reason()).as(report.toString()).isEqualTo(reason);
        assertThat(report.check()).isEqualTo(check);
    }

    /** Verifies after a write/parse round trip through the CLI's JSON codec. */
    private static EvidenceReport verify(Map<String, Object> transcript) {
        return TranscriptVerifier.verify(Json.object(Json.parse(Json.write(transcript))));
    }

    private static Map<String, Object> event(Map<String, Object> transcript, int index) {
        return Json.object(((List<?>) transcript.get("events")).get(index));
    }

    private static Map<String, Object> transcript() {
        Map<String, Object> block = Json.object(resource(BLOCK));
        // the vector lists transaction hashes only: no transaction list is a header-only block (hashes are refused)
        block.remove("transactions");
        List<?> receipts = (List<?>) resource(RECEIPTS);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("version", "custos-evidence/1");
        Map<String, Object> chain = new LinkedHashMap<>();
        chain.put("chainId", "0x1");
        chain.put("consensus", "dev");
        chain.put("checkpoint", new LinkedHashMap<>(Map.of("number", block.get("number"), "hash", block.get("hash"))));
        chain.put("validators", List.of());
        t.put("chain", chain);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("block", block);
        entry.put("receipts", receipts);
        t.put("blocks", List.of(entry));
        List<Object> events = new ArrayList<>();
        int logIndex = 0;
        for (int tx = 0; tx < receipts.size() && events.size() < 2; tx++) {
            for (Object raw : (List<?>) Json.object(receipts.get(tx)).get("logs")) {
                Map<String, Object> log = Json.object(raw);
                if (events.size() < 2 && (events.isEmpty() || tx > 0)) {
                    Map<String, Object> claim = new LinkedHashMap<>();
                    claim.put("block", block.get("number"));
                    claim.put("transactionIndex", "0x" + Integer.toHexString(tx));
                    claim.put("logIndex", "0x" + Integer.toHexString(logIndex));
                    claim.put("address", log.get("address"));
                    claim.put("topics", log.get("topics"));
                    claim.put("data", log.get("data"));
                    events.add(claim);
                }
                logIndex++;
            }
        }
        t.put("events", events);
        Map<String, Object> proof = Json.object(resource(PROOF));
        List<Object> keys = new ArrayList<>();
        for (Object slot : (List<?>) proof.get("storageProof")) {
            keys.add(Json.object(slot).get("key"));
        }
        t.put("stateProofs", List.of(new LinkedHashMap<>(Map.of("block", block.get("number"),
                "address", proof.get("address"), "storageKeys", keys, "proof", proof))));
        t.put("merkleProofs", merkleProofs());
        return t;
    }

    private static List<Object> merkleProofs() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            leaves.add(MerkleTree.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8)));
        }
        List<Object> inclusionPath = new ArrayList<>();
        MerkleTree.inclusionProof(leaves, 3).forEach(h -> inclusionPath.add(Bytes.of(h).toHex()));
        List<Object> consistencyPath = new ArrayList<>();
        MerkleTree.consistencyProof(leaves, 4).forEach(h -> consistencyPath.add(Bytes.of(h).toHex()));
        Map<String, Object> inclusion = new LinkedHashMap<>();
        inclusion.put("type", "inclusion");
        inclusion.put("leafHash", Bytes.of(leaves.get(3)).toHex());
        inclusion.put("index", "0x3");
        inclusion.put("size", "0x7");
        inclusion.put("root", Bytes.of(MerkleTree.rootHash(leaves)).toHex());
        inclusion.put("proof", inclusionPath);
        Map<String, Object> consistency = new LinkedHashMap<>();
        consistency.put("type", "consistency");
        consistency.put("size1", "0x4");
        consistency.put("size2", "0x7");
        consistency.put("root1", Bytes.of(MerkleTree.rootHash(leaves.subList(0, 4))).toHex());
        consistency.put("root2", Bytes.of(MerkleTree.rootHash(leaves)).toHex());
        consistency.put("proof", consistencyPath);
        return List.of(inclusion, consistency);
    }

    private static Object resource(String path) {
        return Json.parse(Json.write(org.custos.verify.testing.Json.resource(path)));
    }
}
