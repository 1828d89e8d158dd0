package org.custos.verify.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.custos.verify.VerificationResult;
import org.custos.verify.testing.Json;
import org.custos.verify.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * transparency-dev/merkle proof probes (see vectors/rfc9162-transparency-dev/PROVENANCE.md): one named case per
 * file; {@code wantErr} must equal "rejected".
 */
class MerkleVectorsTest {

    private static final String DIR = "rfc9162-transparency-dev";

    static Stream<String> inclusionFiles() {
        return Vectors.jsonFilesUnder(DIR + "/inclusion").stream();
    }

    static Stream<String> consistencyFiles() {
        return Vectors.jsonFilesUnder(DIR + "/consistency").stream();
    }

    @Test
    void allFilesAreUsed() {
        assertThat(inclusionFiles()).hasSize(98);
        assertThat(consistencyFiles()).hasSize(98);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inclusionFiles")
    void inclusionProbe(String file) {
        Map<String, Object> v = Json.object(Json.resource(file));
        VerificationResult result = InclusionProofVerifier.verifyInclusion(
                number(v, "leafIdx"), number(v, "treeSize"), bytes(v.get("leafHash")), hashes(v.get("proof")),
                bytes(v.get("root")));

        assertThat(result.verified()).as("%s: %s -> %s", file, v.get("desc"), result)
                .isEqualTo(!(Boolean) v.get("wantErr"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consistencyFiles")
    void consistencyProbe(String file) {
        Map<String, Object> v = Json.object(Json.resource(file));
        VerificationResult result = ConsistencyProofVerifier.verifyConsistency(
                number(v, "size1"), number(v, "size2"), bytes(v.get("root1")), bytes(v.get("root2")),
                hashes(v.get("proof")));

        assertThat(result.verified()).as("%s: %s -> %s", file, v.get("desc"), result)
                .isEqualTo(!(Boolean) v.get("wantErr"));
    }

    private static long number(Map<String, Object> v, String key) {
        return ((Number) v.get(key)).longValue();
    }

    /** Go encodes a []byte as base64; a nil slice as null. */
    private static byte[] bytes(Object base64) {
        return base64 == null ? new byte[0] : Base64.getDecoder().decode((String) base64);
    }

    private static List<byte[]> hashes(Object list) {
        List<byte[]> out = new ArrayList<>();
        if (list != null) {
            for (Object element : (List<?>) list) {
                out.add(bytes(element));
            }
        }
        return out;
    }
}
