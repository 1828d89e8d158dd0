package org.custos.verify.trie;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.custos.verify.Bytes;
import org.custos.verify.Hex;
import org.custos.verify.testing.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ethereum/tests TrieTests (see vectors/ethereum-trie/PROVENANCE.md): one named case per vector. In
 * {@code trietest*} the input is an ordered list of updates where null deletes; in {@code *anyorder*} a map.
 * Keys and values starting with {@code 0x} are hex, others ASCII. Following the reference client, an empty value
 * also deletes.
 */
class TrieVectorsTest {

    private static final String DIR = "vectors/ethereum-trie/";

    static Stream<Arguments> vectors() {
        return Stream.of(
                        file("trietest.json", false), file("trieanyorder.json", false),
                        file("trietest_secureTrie.json", true), file("trieanyorder_secureTrie.json", true),
                        file("hex_encoded_securetrie_test.json", true))
                .flatMap(s -> s);
    }

    @Test
    void allTwentyFiveRootsAreUsed() {
        assertThat(vectors()).hasSize(25);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rootMatches(String name, boolean secure, Object in, String root) {
        List<TrieEntry> entries = applyUpdates(in);
        byte[] actual = secure ? SecureTrie.rootHash(entries) : PatriciaTrie.rootHash(entries);
        assertThat(Hex.encodePrefixed(actual)).isEqualTo(root);
    }

    private static Stream<Arguments> file(String file, boolean secure) {
        Map<String, Object> all = Json.object(Json.resource(DIR + file));
        return all.entrySet().stream().map(e -> {
            Map<String, Object> v = Json.object(e.getValue());
            return Arguments.of(file + ":" + e.getKey(), secure, v.get("in"), v.get("root"));
        });
    }

    private static List<TrieEntry> applyUpdates(Object in) {
        Map<Bytes, byte[]> state = new LinkedHashMap<>();
        if (in instanceof Map<?, ?> map) {
            map.forEach((k, v) -> update(state, (String) k, (String) v));
        } else {
            for (Object pair : (List<?>) in) {
                List<?> kv = (List<?>) pair;
                update(state, (String) kv.get(0), (String) kv.get(1));
            }
        }
        List<TrieEntry> entries = new ArrayList<>();
        state.forEach((k, v) -> entries.add(new TrieEntry(k.toArray(), v)));
        return entries;
    }

    private static void update(Map<Bytes, byte[]> state, String key, String value) {
        Bytes k = Bytes.of(decode(key));
        byte[] v = value == null ? new byte[0] : decode(value);
        if (v.length == 0) {
            state.remove(k);
        } else {
            state.put(k, v);
        }
    }

    private static byte[] decode(String s) {
        return s.startsWith("0x") ? Hex.decode(s) : s.getBytes(StandardCharsets.UTF_8);
    }
}
