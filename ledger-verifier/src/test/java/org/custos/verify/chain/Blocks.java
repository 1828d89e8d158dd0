package org.custos.verify.chain;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custos.verify.testing.Json;

/** Test vectors of real blocks as JSON-RPC maps (see the PROVENANCE.md next to each file). */
final class Blocks {

    static final String CANCUN = "vectors/ethereum-blocks/mainnet-21925176-cancun/block.json";
    static final String SHANGHAI = "vectors/ethereum-blocks/mainnet-17034870-shanghai/block.json";
    static final String CLIQUE = "vectors/clique-rinkeby/rinkeby-30000.json";

    private Blocks() {
    }

    static Map<String, Object> load(String resource) {
        return new LinkedHashMap<>(Json.object(Json.resource(resource)));
    }

    /**
     * The Rinkeby file is a Besu test fixture, not an RPC capture: it adds {@code source} and {@code signers}
     * and writes quantities as JSON numbers. Convert it to the RPC form, changing no value.
     */
    static Map<String, Object> cliqueAsRpc() {
        Map<String, Object> block = load(CLIQUE);
        block.remove("source");
        block.remove("signers");
        block.replaceAll((k, v) -> v instanceof BigInteger n ? "0x" + n.toString(16) : v);
        return block;
    }
}
