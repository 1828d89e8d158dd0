package org.custos.portal.evidence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.custos.verify.merkle.MerkleTree;
import org.junit.jupiter.api.Test;

/**
 * The exact bytes of every entry are kept beside its leaf hash, in whatever order the bundle's zip lists them (the
 * reader adds entries from its one reading thread).
 */
class LeafStoreEntriesTest {

    private static byte[] entry(int i) {
        return ("{\"resourceType\":\"AuditEvent\",\"n\":" + i + ",\"pad\":\"" + "x".repeat(i % 97) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void entriesAddedOutOfOrderReadBackExactly() {
        int n = 5_000;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new java.util.Random(42));
        try (LeafStore store = new LeafStore()) {
            for (int i : order) {
                store.addEntry(i, entry(i));
            }
            for (int i = 0; i < n; i++) {
                assertThat(store.entry(i)).as("entry " + i).isEqualTo(entry(i));
                assertThat(store.leaf(i)).isEqualTo(MerkleTree.leafHash(entry(i)));
            }
            assertThat(store.entry(n)).isNull();
            assertThat(store.entry(-1)).isNull();
            assertThat(store.entry(Long.MAX_VALUE)).isNull();
        }
    }

    @Test
    void anEmptyEntryHasALeafButNoKeptBytes() {
        try (LeafStore store = new LeafStore()) {
            store.addEntry(0, new byte[0]);
            assertThat(store.leaf(0)).isEqualTo(MerkleTree.leafHash(new byte[0]));
            assertThat(store.entry(0)).isNull();
        }
    }
}
