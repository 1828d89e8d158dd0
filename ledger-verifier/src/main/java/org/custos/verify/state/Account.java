package org.custos.verify.state;

import java.math.BigInteger;
import java.util.Objects;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.rlp.Rlp;
import org.custos.verify.rlp.RlpItem;
import org.custos.verify.rlp.RlpList;
import org.custos.verify.rlp.RlpString;
import org.custos.verify.trie.PatriciaTrie;

/**
 * An account state (Yellow Paper §4.1): nonce, balance, storageRoot ({@code storageHash} in EIP-1186) and
 * codeHash, stored in the state trie as RLP([nonce, balance, storageRoot, codeHash]).
 */
public record Account(BigInteger nonce, BigInteger balance, Bytes storageHash, Bytes codeHash) {

    /** What {@code eth_getProof} reports for an address not in the state: zeros, empty storage, no code. */
    public static final Account EMPTY = new Account(BigInteger.ZERO, BigInteger.ZERO,
            Bytes.of(PatriciaTrie.EMPTY_ROOT), Bytes.of(Hashes.keccak256()));

    public Account {
        Objects.requireNonNull(nonce);
        Objects.requireNonNull(balance);
        if (storageHash.length() != 32 || codeHash.length() != 32) {
            throw new IllegalArgumentException("storageHash and codeHash must be 32 bytes");
        }
    }

    public byte[] rlp() {
        return Rlp.encodeList(Rlp.encode(RlpString.ofScalar(nonce)), Rlp.encode(RlpString.ofScalar(balance)),
                Rlp.encodeBytes(storageHash.toArray()), Rlp.encodeBytes(codeHash.toArray()));
    }

    /**
     * Decodes a state-trie leaf value.
     *
     * @throws org.custos.verify.rlp.MalformedRlpException if it is not RLP([scalar, scalar, 32 bytes, 32 bytes])
     */
    public static Account fromRlp(byte[] encoded) {
        RlpItem item = Rlp.decode(encoded);
        if (!(item instanceof RlpList list) || list.size() != 4
                || !(list.get(0) instanceof RlpString nonce) || !(list.get(1) instanceof RlpString balance)
                || !(list.get(2) instanceof RlpString storage) || storage.length() != 32
                || !(list.get(3) instanceof RlpString code) || code.length() != 32) {
            throw new org.custos.verify.rlp.MalformedRlpException("not an account: RLP([nonce, balance, "
                    + "storageRoot, codeHash])");
        }
        return new Account(nonce.asScalar(), balance.asScalar(), Bytes.of(storage.bytes()), Bytes.of(code.bytes()));
    }
}
