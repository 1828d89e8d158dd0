package org.custos.verify.trie;

import java.util.Arrays;
import java.util.List;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
import org.custos.verify.rlp.MalformedRlpException;
import org.custos.verify.rlp.Rlp;
import org.custos.verify.rlp.RlpItem;
import org.custos.verify.rlp.RlpList;
import org.custos.verify.rlp.RlpString;

/**
 * Walks a Merkle Patricia proof (the node list of EIP-1186 {@code accountProof} / {@code storageProof[i].proof})
 * from a root hash along a key's nibbles (Yellow Paper Appendix D) and says what the proof proves about the key:
 * a value, or that the key is absent.
 *
 * <p>Rules: the first node's KEC must be the root; each further node's KEC must be the 32-byte reference its
 * parent holds for the next nibble; a reference that is an RLP list is a node inlined in its parent (its encoding
 * must be shorter than 32 bytes) and consumes no proof node. The walk ends at a leaf whose path equals the rest
 * of the key (present), at an empty branch slot or at a leaf or extension whose path diverges from the key
 * (absent: EIP-1186 exclusion proof). Every proof node must be used. The empty trie is proven by the empty
 * proof or by the single node {@code 0x80} (RLP of the empty string, whose KEC is the empty root; anvil sends it).
 * Failures are values ({@link VerificationResult}), never exceptions: the proof is untrusted input.
 */
public final class TrieProof {

    /**
     * What a proof proves: {@code failure} is set when it proves nothing; otherwise {@code value} is the stored
     * value, or null when the key is proven absent.
     */
    public record Outcome(VerificationResult failure, Bytes value) {

        public boolean proven() {
            return failure == null;
        }

        public boolean absent() {
            return failure == null && value == null;
        }

        static Outcome failed(ReasonCode reason, String subject, String expected, String actual) {
            return new Outcome(VerificationResult.rejected(reason, subject, expected, actual), null);
        }
    }

    private final byte[] nibbles;
    private final List<byte[]> nodes;
    private int used;
    private int position;

    private TrieProof(byte[] key, List<byte[]> nodes) {
        this.nibbles = HexPrefix.nibbles(key);
        this.nodes = nodes;
    }

    /**
     * Computes what {@code proof} proves about {@code key} under {@code rootHash} (32 bytes). For secure tries
     * (state, storage) pass the hashed key, KEC(address) or KEC(slot).
     */
    public static Outcome valueFromProof(byte[] rootHash, byte[] key, List<byte[]> proof) {
        if (rootHash.length != Hashes.DIGEST_LENGTH) {
            throw new IllegalArgumentException("root must be 32 bytes, got " + rootHash.length);
        }
        return new TrieProof(key, proof).walk(rootHash);
    }

    private Outcome walk(byte[] rootHash) {
        if (nodes.isEmpty()) {
            return Arrays.equals(rootHash, PatriciaTrie.EMPTY_ROOT) ? new Outcome(null, null)
                    : Outcome.failed(ReasonCode.PROOF_NODE_MISSING, "node 0", "a node with hash "
                    + Bytes.of(rootHash), "empty proof");
        }
        RlpItem reference = RlpString.of(rootHash);
        while (true) {
            Object next = resolve(reference);
            if (next instanceof Outcome outcome) {
                return outcome.proven() ? finish(outcome) : outcome;
            }
            RlpList node = (RlpList) next;
            Object step = node.size() == 17 ? branch(node) : node.size() == 2 ? shortNode(node)
                    : Outcome.failed(ReasonCode.MALFORMED_PROOF_NODE, "node " + (used - 1),
                    "17 or 2 items", node.size() + " items");
            if (step instanceof Outcome outcome) {
                return outcome.proven() ? finish(outcome) : outcome;
            }
            reference = (RlpItem) step;
        }
    }

    /** A 32-byte reference consumes the next proof node, which must hash to it; a list is an inlined node. */
    private Object resolve(RlpItem reference) {
        if (reference instanceof RlpList inline) {
            int size = Rlp.encode(inline).length;
            return size < Hashes.DIGEST_LENGTH ? inline : Outcome.failed(ReasonCode.MALFORMED_PROOF_NODE,
                    "inline node after node " + (used - 1), "under 32 bytes", size + " bytes");
        }
        byte[] hash = ((RlpString) reference).bytes();
        if (hash.length != Hashes.DIGEST_LENGTH) {
            return Outcome.failed(ReasonCode.MALFORMED_PROOF_NODE, "reference in node " + (used - 1),
                    "a 32-byte hash or an inline node", Bytes.of(hash).toHex());
        }
        if (used == nodes.size()) {
            return Outcome.failed(ReasonCode.PROOF_NODE_MISSING, "node " + used, "a node with hash "
                    + Bytes.of(hash), "end of proof");
        }
        byte[] encoded = nodes.get(used);
        byte[] actual = Hashes.keccak256(encoded);
        if (!Arrays.equals(hash, actual)) {
            return new Outcome(VerificationResult.rejected(ReasonCode.PROOF_NODE_HASH_MISMATCH, "node " + used,
                    hash, actual), null);
        }
        used++;
        try {
            RlpItem node = Rlp.decode(encoded);
            if (used == 1 && node instanceof RlpString root && root.length() == 0) {
                return new Outcome(null, null);
            }
            return node instanceof RlpList list ? list : Outcome.failed(ReasonCode.MALFORMED_PROOF_NODE,
                    "node " + (used - 1), "an RLP list", "an RLP string");
        } catch (MalformedRlpException e) {
            return Outcome.failed(ReasonCode.MALFORMED_PROOF_NODE, "node " + (used - 1), "canonical RLP",
                    e.getMessage());
        }
    }

    private Object branch(RlpList node) {
        if (position == nibbles.length) {
            return Outcome.failed(ReasonCode.PROOF_PATH_MISMATCH, "node " + (used - 1),
                    "a leaf at the end of the key", "a branch");
        }
        RlpItem child = node.get(nibbles[position++]);
        if (child instanceof RlpString s && s.length() == 0) {
            return new Outcome(null, null);
        }
        return child;
    }

    /** A leaf or extension: HP-encoded path (Yellow Paper Appendix C) and a value or a child reference. */
    private Object shortNode(RlpList node) {
        if (!(node.get(0) instanceof RlpString encodedPath) || encodedPath.length() == 0) {
            return Outcome.failed(ReasonCode.MALFORMED_PROOF_NODE, "node " + (used - 1), "a hex-prefix path",
                    "none");
        }
        byte[] hp = encodedPath.bytes();
        int flag = (hp[0] >> 4) & 0xf;
        if (flag > 3 || ((flag & 1) == 0 && (hp[0] & 0xf) != 0)) {
            return Outcome.failed(ReasonCode.MALFORMED_PROOF_NODE, "node " + (used - 1), "a hex-prefix flag",
                    Bytes.of(hp).toHex());
        }
        byte[] all = HexPrefix.nibbles(hp);
        byte[] path = Arrays.copyOfRange(all, (flag & 1) == 1 ? 1 : 2, all.length);
        boolean leaf = flag >= 2;
        int remaining = nibbles.length - position;
        boolean matches = path.length <= remaining
                && Arrays.equals(path, Arrays.copyOfRange(nibbles, position, position + path.length));
        if (!matches) {
            return new Outcome(null, null);
        }
        position += path.length;
        if (!leaf) {
            return path.length == 0 ? Outcome.failed(ReasonCode.MALFORMED_PROOF_NODE, "node " + (used - 1),
                    "a non-empty extension path", "empty") : node.get(1);
        }
        if (position != nibbles.length) {
            return new Outcome(null, null);
        }
        if (!(node.get(1) instanceof RlpString value) || value.length() == 0) {
            return Outcome.failed(ReasonCode.MALFORMED_PROOF_NODE, "node " + (used - 1), "a non-empty leaf value",
                    "none");
        }
        return new Outcome(null, Bytes.of(value.bytes()));
    }

    private Outcome finish(Outcome outcome) {
        return used == nodes.size() ? outcome : Outcome.failed(ReasonCode.PROOF_NODE_SURPLUS, "node " + used,
                used + " nodes", nodes.size() + " nodes");
    }
}
