package org.custos.verify.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.custos.verify.Bytes;
import org.custos.verify.VerificationResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Real headers whose node-reported hash is recomputed: KEC(RLP(header)), Yellow Paper §4.3. */
class HeaderVectorsTest {

    static Stream<Arguments> blocks() {
        return Stream.of(
                Arguments.of("mainnet-21925176-cancun (20 fields)", Blocks.load(Blocks.CANCUN), 20),
                Arguments.of("mainnet-17034870-shanghai (17 fields)", Blocks.load(Blocks.SHANGHAI), 17),
                Arguments.of("clique-rinkeby-30000 (15 fields, EIP-225)", Blocks.cliqueAsRpc(), 15));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void recomputedHashEqualsReportedHash(String name, Map<String, Object> block, int fieldCount) {
        ClaimedHeader claimed = RpcHeaderParser.parse(block);
        Bytes recomputed = HeaderHasher.ETHEREUM.hash(claimed.header());

        assertThat(recomputed).isEqualTo(Bytes.fromHex((String) block.get("hash")));
        assertThat(java.util.Arrays.stream(HeaderField.values()).filter(f -> claimed.header().get(f) != null))
                .hasSize(fieldCount);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void singleBlockChainFromItsOwnCheckpointVerifies(String name, Map<String, Object> block, int fieldCount) {
        VerificationResult result = new HashChainVerifier(HeaderHasher.ETHEREUM)
                .verifyRpc(Bytes.fromHex((String) block.get("hash")), List.of(block));
        assertThat(result.verified()).as(result.toString()).isTrue();
    }
}
