package org.custos.verify.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.verify.Bytes;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
import org.custos.verify.chain.HashChainVerifier;
import org.custos.verify.chain.HeaderHasher;
import org.custos.verify.chain.RpcHeaderParser;
import org.custos.verify.testing.Json;
import org.junit.jupiter.api.Test;

/** Real Besu BFT blocks with node-reported hashes (vectors/bft-real-single, see its PROVENANCE.md). */
class BftHashVectorsTest {

    private static final String DIR = "vectors/bft-real-single/";

    @Test
    void qbftBlockHashExcludesSealsAndRound() {
        Map<String, Object> block = qbftBlock();
        Bytes claimed = Bytes.fromHex((String) block.get("hash"));

        assertThat(BftHeaderHashers.qbft().hash(RpcHeaderParser.parse(block).header())).isEqualTo(claimed);
        assertThat(new HashChainVerifier(BftHeaderHashers.qbft()).verifyRpc(claimed, List.of(block)).verified())
                .isTrue();
    }

    @Test
    void qbftBlockHashedAsPlainEthereumIsAMismatch() {
        Map<String, Object> block = qbftBlock();
        VerificationResult result = new HashChainVerifier(HeaderHasher.ETHEREUM)
                .verifyRpc(Bytes.fromHex((String) block.get("hash")), List.of(block));
        assertThat(result.reason()).isEqualTo(ReasonCode.HASH_MISMATCH);
    }

    @Test
    void ibft2BlockHashLeavesOutRoundAndSeals() {
        Map<String, Object> block = ibft2Block();
        Bytes claimed = Bytes.fromHex((String) block.get("hash"));

        assertThat(BftHeaderHashers.ibft2().hash(RpcHeaderParser.parse(block).header())).isEqualTo(claimed);
        assertThat(BftHeaderHashers.qbft().hash(RpcHeaderParser.parse(block).header())).isNotEqualTo(claimed);
    }

    @Test
    void ibft2DocsTrapBaseFeeGivesHashMismatch() {
        // README trap: the docs page's "baseFeePerGas": "0x7" was added years after this 2019 block.
        Map<String, Object> block = ibft2Block();
        block.put("baseFeePerGas", "0x7");
        VerificationResult result = new HashChainVerifier(BftHeaderHashers.ibft2())
                .verifyRpc(Bytes.fromHex((String) block.get("hash")), List.of(block));
        assertThat(result.reason()).isEqualTo(ReasonCode.HASH_MISMATCH);
    }

    private static Map<String, Object> qbftBlock() {
        Map<String, Object> file = Json.object(Json.resource(DIR + "qbft-firefly-evmconnect-0xe5f2.json"));
        return new LinkedHashMap<>(Json.object(file.get("block")));
    }

    /** The file's {@code headerFields} (15 fields, mapped from GraphQL) plus the node-reported hash. */
    private static Map<String, Object> ibft2Block() {
        Map<String, Object> file = Json.object(Json.resource(DIR + "ibft2-besu-docs-block-100-graphql.json"));
        Map<String, Object> block = new LinkedHashMap<>(Json.object(file.get("headerFields")));
        Map<String, Object> graphql = Json.object(Json.object(Json.object(file.get("graphqlResult")).get("data"))
                .get("block"));
        block.put("hash", graphql.get("hash"));
        return block;
    }
}
