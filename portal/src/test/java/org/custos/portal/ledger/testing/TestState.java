package org.custos.portal.ledger.testing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.rlp.Rlp;
import org.custos.verify.rlp.RlpString;
import org.custos.verify.state.Account;
import org.custos.verify.trie.HexPrefix;

/**
 * A small world state built in the test (accounts with storage), and EIP-1186 {@code eth_getProof} answers from
 * it, for unit tests of proof checks without a node. The Merkle Patricia tries are built here from Yellow Paper
 * Appendix D (leaf, extension, branch; a node under 32 bytes inlined in its parent), independently of
 * ledger-verifier's proof walker; {@link #stateRoot} agrees with ledger-verifier's {@code SecureTrie.rootHash}
 * (checked by the tests that use it).
 */
public final class TestState {

    private static final byte[] EMPTY = Rlp.encodeBytes(new byte[0]);

    private final Map<Bytes, Map<Bytes, BigInteger>> accounts = new LinkedHashMap<>();

    /** Adds (or replaces) an account with these non-zero storage slots (32-byte keys). */
    public TestState account(String address, Map<String, BigInteger> storage) {
        Map<Bytes, BigInteger> slots = new LinkedHashMap<>();
        storage.forEach((k, v) -> slots.put(Bytes.fromHex(k), v));
        accounts.put(Bytes.fromHex(address), slots);
        return this;
    }

    public String stateRoot() {
        return Bytes.of(Hashes.keccak256(root(stateEntries(), null, new ArrayList<>()))).toHex();
    }

    /** What an honest node answers to {@code eth_getProof(address, keys, <this state's block>)}. */
    public Map<String, Object> proof(String address, List<String> keys) {
        Bytes a = Bytes.fromHex(address);
        Map<Bytes, BigInteger> storage = accounts.get(a);
        Account account = account(storage);
        List<byte[]> accountProof = new ArrayList<>();
        root(stateEntries(), Hashes.keccak256(a.toArray()), accountProof);
        Map<String, Object> proof = new LinkedHashMap<>();
        proof.put("address", address);
        proof.put("accountProof", hex(accountProof));
        proof.put("balance", "0x0");
        proof.put("codeHash", account.codeHash().toHex());
        proof.put("nonce", "0x1");
        proof.put("storageHash", account.storageHash().toHex());
        List<Object> storageProof = new ArrayList<>();
        for (String key : keys) {
            List<byte[]> nodes = new ArrayList<>();
            root(storageEntries(storage), Hashes.keccak256(Bytes.fromHex(key).toArray()), nodes);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", key);
            entry.put("value", "0x" + storage.getOrDefault(Bytes.fromHex(key), BigInteger.ZERO).toString(16));
            entry.put("proof", hex(nodes));
            storageProof.add(entry);
        }
        proof.put("storageProof", storageProof);
        return proof;
    }

    private static Account account(Map<Bytes, BigInteger> storage) {
        byte[] storageRoot = Hashes.keccak256(root(storageEntries(storage), null, new ArrayList<>()));
        return new Account(BigInteger.ONE, BigInteger.ZERO, Bytes.of(storageRoot),
                Bytes.of(Hashes.keccak256(new byte[] {0x60, 0x00})));
    }

    private List<byte[][]> stateEntries() {
        List<byte[][]> entries = new ArrayList<>();
        accounts.forEach((address, storage) -> entries.add(new byte[][] {
                Hashes.keccak256(address.toArray()), account(storage).rlp()}));
        return entries;
    }

    private static List<byte[][]> storageEntries(Map<Bytes, BigInteger> storage) {
        List<byte[][]> entries = new ArrayList<>();
        storage.forEach((slot, value) -> entries.add(new byte[][] {
                Hashes.keccak256(slot.toArray()), Rlp.encode(RlpString.ofScalar(value))}));
        return entries;
    }

    /**
     * The RLP of the root node over {@code entries} ([hashed key, value]); collects into {@code proof} the nodes on
     * {@code target}'s path that are referenced by hash (the root always), root first. Precondition: not empty.
     */
    private static byte[] root(List<byte[][]> entries, byte[] target, List<byte[]> proof) {
        List<byte[][]> nibbled = new ArrayList<>();
        for (byte[][] e : entries) {
            nibbled.add(new byte[][] {HexPrefix.nibbles(e[0]), e[1]});
        }
        nibbled.sort(Comparator.comparing((byte[][] e) -> e[0], Arrays::compare));
        byte[] path = target == null ? null : HexPrefix.nibbles(target);
        List<byte[]> collected = new ArrayList<>();
        byte[] root = node(nibbled, 0, nibbled.size(), 0, path, path != null, collected);
        Collections.reverse(collected);
        proof.addAll(collected);
        return root;
    }

    private static byte[] node(List<byte[][]> e, int from, int to, int depth, byte[] path, boolean onPath,
                               List<byte[]> collected) {
        byte[] rlp;
        byte[] key = e.get(from)[0];
        if (to - from == 1) {
            rlp = Rlp.encodeList(Rlp.encodeBytes(HexPrefix.encode(key, depth, key.length, true)),
                    Rlp.encodeBytes(e.get(from)[1]));
        } else {
            int shared = depth;
            while (sameNibble(e, from, to, shared)) {
                shared++;
            }
            if (shared > depth) {
                boolean follows = onPath && Arrays.equals(Arrays.copyOfRange(path, depth, shared),
                        Arrays.copyOfRange(key, depth, shared));
                byte[] child = node(e, from, to, shared, path, follows, collected);
                rlp = Rlp.encodeList(Rlp.encodeBytes(HexPrefix.encode(key, depth, shared, false)), reference(child));
            } else {
                byte[][] items = new byte[17][];
                Arrays.fill(items, EMPTY);
                int i = from;
                while (i < to) {
                    int nibble = e.get(i)[0][depth];
                    int end = i;
                    while (end < to && e.get(end)[0][depth] == nibble) {
                        end++;
                    }
                    items[nibble] = reference(node(e, i, end, depth + 1, path,
                            onPath && path[depth] == nibble, collected));
                    i = end;
                }
                rlp = Rlp.encodeList(items);
            }
        }
        if (onPath && (depth == 0 || rlp.length >= 32)) {
            collected.add(rlp);
        }
        return rlp;
    }

    private static boolean sameNibble(List<byte[][]> e, int from, int to, int index) {
        for (int i = from; i < to; i++) {
            if (e.get(i)[0][index] != e.get(from)[0][index]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] reference(byte[] node) {
        return node.length < 32 ? node : Rlp.encodeBytes(Hashes.keccak256(node));
    }

    private static List<String> hex(List<byte[]> nodes) {
        return nodes.stream().map(n -> Bytes.of(n).toHex()).toList();
    }
}
