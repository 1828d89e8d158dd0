package org.custos.consortium.chain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.web3j.protocol.ObjectMapperFactory;
import org.web3j.protocol.core.methods.response.AbiDefinition;

/** A compiled contract as the build wrote it: its ABI and its creation bytecode (hex, no 0x). */
public record ContractArtifact(String name, List<AbiDefinition> abi, String bytecode) {

    public static final String CONSORTIUM_REGISTRY = "ConsortiumRegistry";
    public static final String RECORD_REGISTRY = "RecordRegistry";
    public static final String ACCOUNTABILITY_REGISTRY = "AccountabilityRegistry";

    public ContractArtifact {
        abi = List.copyOf(abi);
    }

    /** Loads {@code /contracts/<name>.abi} and {@code .bin} from the classpath. */
    public static ContractArtifact load(String name) {
        String bin = read(name + ".bin").trim();
        try {
            AbiDefinition[] abi = ObjectMapperFactory.getObjectMapper().readValue(read(name + ".abi"),
                    AbiDefinition[].class);
            return new ContractArtifact(name, List.of(abi), bin);
        } catch (IOException e) {
            throw new UncheckedIOException("malformed ABI of " + name, e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = ContractArtifact.class.getResourceAsStream("/contracts/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("contract artifact /contracts/" + resource
                        + " not on the classpath (built by consortium/src/main/js/compile.js)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
