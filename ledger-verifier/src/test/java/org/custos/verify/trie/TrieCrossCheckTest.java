package org.custos.verify.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.Hex;
import org.custos.verify.rlp.Rlp;
import org.custos.verify.rlp.RlpString;
import org.junit.jupiter.api.Test;

/** {@link PatriciaTrie} against {@link ReferenceTrie} on random key/value sets (fixed seed). */
class TrieCrossCheckTest {

    @Test
    void randomSetsWithPrefixKeysMatchReference() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            List<TrieEntry> entries = randomEntries(random, random.nextInt(60), 1 + random.nextInt(5));
            assertThat(PatriciaTrie.rootHash(entries)).as("round %d", round)
                    .isEqualTo(ReferenceTrie.root(entries));
        }
    }

    @Test
    void insertionOrderDoesNotMatter() {
        Random random = new Random(7);
        List<TrieEntry> entries = randomEntries(random, 50, 4);
        byte[] root = PatriciaTrie.rootHash(entries);
        Collections.shuffle(entries, random);
        assertThat(PatriciaTrie.rootHash(entries)).isEqualTo(root);
    }

    @Test
    void orderedIndexTrieMatchesReferenceForSmallAndLargeValues() {
        Random random = new Random(11);
        for (int n : new int[] {0, 1, 2, 15, 16, 127, 128, 129, 300}) {
            List<byte[]> values = new ArrayList<>();
            List<TrieEntry> entries = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                byte[] value = new byte[1 + random.nextInt(i % 2 == 0 ? 3 : 90)];
                random.nextBytes(value);
                values.add(value);
                entries.add(new TrieEntry(Rlp.encode(RlpString.ofScalar(i)), value));
            }
            assertThat(OrderedIndexTrie.rootHash(values)).as("n=%d", n).isEqualTo(ReferenceTrie.root(entries));
        }
    }

    @Test
    void emptyTrieRootIsKeccakOfRlpEmptyString() {
        assertThat(Hex.encodePrefixed(PatriciaTrie.rootHash(List.of())))
                .isEqualTo("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
        assertThat(PatriciaTrie.EMPTY_ROOT).isEqualTo(Hashes.keccak256(new byte[] {(byte) 0x80}));
    }

    @Test
    void rejectsDuplicateKeysAndEmptyValues() {
        TrieEntry a = new TrieEntry(new byte[] {1}, new byte[] {1});
        TrieEntry b = new TrieEntry(new byte[] {1}, new byte[] {2});
        assertThatThrownBy(() -> PatriciaTrie.rootHash(List.of(a, b))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrieEntry(new byte[] {1}, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<TrieEntry> randomEntries(Random random, int count, int maxKeyLength) {
        Set<Bytes> seen = new HashSet<>();
        List<TrieEntry> entries = new ArrayList<>();
        while (entries.size() < count) {
            byte[] key = new byte[random.nextInt(maxKeyLength + 1)];
            for (int i = 0; i < key.length; i++) {
                key[i] = (byte) (random.nextBoolean() ? random.nextInt(3) : random.nextInt(256));
            }
            byte[] value = new byte[1 + random.nextInt(random.nextBoolean() ? 4 : 50)];
            random.nextBytes(value);
            if (seen.add(Bytes.of(key))) {
                entries.add(new TrieEntry(key, value));
            }
        }
        return entries;
    }
}
