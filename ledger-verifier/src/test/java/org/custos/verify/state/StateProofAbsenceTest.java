package org.custos.verify.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.ReasonCode;
import org.custos.verify.rlp.Rlp;
import org.custos.verify.rlp.RlpString;
import org.custos.verify.trie.ProofBuilder;
import org.custos.verify.trie.SecureTrie;
import org.custos.verify.trie.TrieEntry;
import org.junit.jupiter.api.Test;

/** Account and storage exclusion proofs over tries built in the test (no real exclusion proof exists). */
class StateProofAbsenceTest {

    private final Random random = new Random(42);

    @Test
    void absentAccountAndZeroSlotAreProvenAbsent() {
        List<TrieEntry> state = new ArrayList<>();
        List<TrieEntry> hashedState = new ArrayList<>();
        Account account = null;
        Bytes present = null;
        for (int i = 0; i < 50; i++) {
            byte[] address = new byte[20];
            random.nextBytes(address);
            account = new Account(BigInteger.valueOf(i), BigInteger.TEN.pow(18 + i % 3),
                    Bytes.of(new byte[32]), Bytes.of(Hashes.keccak256(address)));
            present = Bytes.of(address);
            state.add(new TrieEntry(address, account.rlp()));
            hashedState.add(new TrieEntry(Hashes.keccak256(address), account.rlp()));
        }
        Bytes root = Bytes.of(SecureTrie.rootHash(state));
        Bytes fresh = Bytes.fromHex("0x" + "ab".repeat(20));
        List<byte[]> absentProof = ProofBuilder.proof(hashedState, Hashes.keccak256(fresh.toArray()));
        assertThat(AccountProofVerifier.verifyAbsent(root, fresh, absentProof).verified()).isTrue();
        assertThat(AccountProofVerifier.verify(root, fresh, Account.EMPTY, absentProof).verified()).isTrue();
        Account claimed = new Account(BigInteger.ONE, BigInteger.ONE, Account.EMPTY.storageHash(),
                Account.EMPTY.codeHash());
        assertThat(AccountProofVerifier.verify(root, fresh, claimed, absentProof).reason())
                .isEqualTo(ReasonCode.CLAIMED_PRESENT_BUT_ABSENT);
        List<byte[]> presentProof = ProofBuilder.proof(hashedState, Hashes.keccak256(present.toArray()));
        assertThat(AccountProofVerifier.verify(root, present, account, presentProof).verified()).isTrue();
        assertThat(AccountProofVerifier.verifyAbsent(root, present, presentProof).reason())
                .isEqualTo(ReasonCode.CLAIMED_ABSENT_BUT_PRESENT);

        List<TrieEntry> storage = new ArrayList<>();
        for (int slot = 0; slot < 5; slot++) {
            byte[] key = slotKey(slot);
            storage.add(new TrieEntry(Hashes.keccak256(key), Rlp.encode(RlpString.ofScalar(1000 + slot))));
        }
        Bytes storageRoot = Bytes.of(org.custos.verify.trie.PatriciaTrie.rootHash(storage));
        byte[] unset = slotKey(9);
        List<byte[]> zeroProof = ProofBuilder.proof(storage, Hashes.keccak256(unset));
        assertThat(StorageProofVerifier.verify(storageRoot, Bytes.of(unset), BigInteger.ZERO, zeroProof).verified())
                .isTrue();
        assertThat(StorageProofVerifier.verify(storageRoot, Bytes.of(unset), BigInteger.ONE, zeroProof).reason())
                .isEqualTo(ReasonCode.CLAIMED_PRESENT_BUT_ABSENT);
        List<byte[]> setProof = ProofBuilder.proof(storage, Hashes.keccak256(slotKey(3)));
        assertThat(StorageProofVerifier.verify(storageRoot, Bytes.of(slotKey(3)), BigInteger.valueOf(1003), setProof)
                .verified()).isTrue();
    }

    private static byte[] slotKey(int slot) {
        byte[] key = new byte[32];
        key[31] = (byte) slot;
        return key;
    }
}
