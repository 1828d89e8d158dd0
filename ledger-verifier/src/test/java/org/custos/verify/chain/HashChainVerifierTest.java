package org.custos.verify.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custos.verify.Bytes;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
import org.junit.jupiter.api.Test;

/**
 * Link rules on a synthetic segment grown from the real Cancun block: each child copies its parent's fields,
 * takes number + 1 and parentHash = the parent's recomputed hash, and claims its own recomputed hash. The hash
 * rule itself is proven on real blocks in {@link HeaderVectorsTest}; here only the links are under test.
 */
class HashChainVerifierTest {

    private final HashChainVerifier verifier = new HashChainVerifier(HeaderHasher.ETHEREUM);

    @Test
    void contiguousSegmentFromCheckpointVerifies() {
        List<Map<String, Object>> chain = chain(4);
        assertThat(verifier.verifyRpc(checkpoint(chain), chain).verified()).isTrue();
    }

    @Test
    void wrongCheckpointIsRejected() {
        List<Map<String, Object>> chain = chain(3);
        Bytes other = Bytes.fromHex((String) chain.get(1).get("hash"));
        VerificationResult result = verifier.verifyRpc(other, chain);
        assertThat(result.reason()).isEqualTo(ReasonCode.CHECKPOINT_MISMATCH);
        assertThat(result.expected()).isEqualTo(other.toHex());
        assertThat(result.actual()).isEqualTo(chain.get(0).get("hash"));
    }

    @Test
    void brokenParentLinkIsRejected() {
        List<Map<String, Object>> chain = chain(3);
        Map<String, Object> child = chain.get(2);
        String honestParent = (String) child.get("parentHash");
        child.put("parentHash", "0x" + "11".repeat(32));
        reclaimHash(child);

        VerificationResult result = verifier.verifyRpc(checkpoint(chain), chain);
        assertThat(result.reason()).isEqualTo(ReasonCode.PARENT_MISMATCH);
        assertThat(result.expected()).isEqualTo(honestParent);
        assertThat(result.actual()).isEqualTo("0x" + "11".repeat(32));
    }

    @Test
    void numberGapIsRejected() {
        List<Map<String, Object>> chain = chain(3);
        Map<String, Object> child = chain.get(2);
        child.put("number", "0x" + number(child).add(BigInteger.ONE).toString(16));
        reclaimHash(child);

        VerificationResult result = verifier.verifyRpc(checkpoint(chain), chain);
        assertThat(result.reason()).isEqualTo(ReasonCode.NUMBER_GAP);
        assertThat(result.expected()).isEqualTo(number(chain.get(1)).add(BigInteger.ONE).toString());
    }

    @Test
    void swappedOrderIsRejected() {
        List<Map<String, Object>> chain = chain(3);
        List<Map<String, Object>> swapped = List.of(chain.get(0), chain.get(2), chain.get(1));
        assertThat(verifier.verifyRpc(checkpoint(chain), swapped).reason()).isEqualTo(ReasonCode.NUMBER_GAP);
    }

    @Test
    void forgedClaimedHashIsRejectedBeforeLinks() {
        List<Map<String, Object>> chain = chain(2);
        chain.get(1).put("hash", "0x" + "22".repeat(32));
        assertThat(verifier.verifyRpc(checkpoint(chain), chain).reason()).isEqualTo(ReasonCode.HASH_MISMATCH);
    }

    @Test
    void unknownFieldAnywhereRejectsTheSegment() {
        List<Map<String, Object>> chain = chain(2);
        chain.get(1).put("slotNumber", "0x1");
        VerificationResult result = verifier.verifyRpc(checkpoint(chain), chain);
        assertThat(result.reason()).isEqualTo(ReasonCode.UNKNOWN_FIELD);
        assertThat(result.subject()).isEqualTo("block[1].slotNumber");
    }

    @Test
    void emptyChainIsRejected() {
        assertThat(verifier.verify(Bytes.of(new byte[32]), List.of()).reason()).isEqualTo(ReasonCode.EMPTY_CHAIN);
    }

    private static List<Map<String, Object>> chain(int length) {
        List<Map<String, Object>> chain = new ArrayList<>();
        chain.add(Blocks.load(Blocks.CANCUN));
        while (chain.size() < length) {
            Map<String, Object> parent = chain.get(chain.size() - 1);
            Map<String, Object> child = new java.util.LinkedHashMap<>(parent);
            child.put("parentHash", parent.get("hash"));
            child.put("number", "0x" + number(parent).add(BigInteger.ONE).toString(16));
            reclaimHash(child);
            chain.add(child);
        }
        return chain;
    }

    private static void reclaimHash(Map<String, Object> block) {
        block.put("hash", HeaderHasher.ETHEREUM.hash(RpcHeaderParser.parse(block).header()).toHex());
    }

    private static BigInteger number(Map<String, Object> block) {
        return new BigInteger(((String) block.get("number")).substring(2), 16);
    }

    private static Bytes checkpoint(List<Map<String, Object>> chain) {
        return Bytes.fromHex((String) chain.get(0).get("hash"));
    }
}
