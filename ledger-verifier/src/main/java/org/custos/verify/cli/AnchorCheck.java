package org.custos.verify.cli;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.verify.evidence.ChainParameters;
import org.custos.verify.evidence.EvidenceReport;
import org.custos.verify.evidence.TranscriptVerifier;

/**
 * Confirms a transcript's anchor with a node: the node's block at the checkpoint number, header only, must verify
 * as a one-block transcript under the same chain parameters, that is its header recomputes to the checkpoint hash
 * (and, for BFT, lists the pinned validators). The node's own {@code hash} member is not trusted.
 */
final class AnchorCheck {

    private AnchorCheck() {
    }

    @SuppressWarnings("unchecked")
    static EvidenceReport againstNode(ChainParameters anchor, URI node, RpcSettings settings) throws IOException {
        Object answer;
        try (JsonRpcClient client = new JsonRpcClient(node, settings)) {
            answer = client.call("eth_getBlockByNumber", "0x" + anchor.checkpointNumber().toString(16), false);
        }
        if (!(answer instanceof Map<?, ?> block)) {
            throw new IOException("the node has no block " + anchor.checkpointNumber());
        }
        Map<String, Object> header = new LinkedHashMap<>((Map<String, Object>) block);
        header.remove("transactions");
        Map<String, Object> chain = new LinkedHashMap<>();
        chain.put("consensus", anchor.consensus());
        chain.put("checkpoint", Map.of("number", "0x" + anchor.checkpointNumber().toString(16),
                "hash", anchor.checkpointHash().toHex()));
        chain.put("validators", anchor.validators().stream().map(v -> (Object) v.toHex()).toList());
        chain.put("epochLength", "0x" + Long.toHexString(anchor.epochLength()));
        Map<String, Object> transcript = new LinkedHashMap<>();
        transcript.put("version", TranscriptVerifier.VERSION);
        transcript.put("chain", chain);
        transcript.put("blocks", List.of(Map.of("block", header)));
        return TranscriptVerifier.verify(transcript);
    }
}
