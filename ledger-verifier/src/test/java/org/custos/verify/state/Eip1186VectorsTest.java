package org.custos.verify.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
import org.custos.verify.testing.Json;
import org.junit.jupiter.api.Test;

/**
 * The real mainnet {@code eth_getProof} of the beacon deposit contract at block 21925176 (a16z/helios, see
 * vectors/eip1186/PROVENANCE.md) verifies against the block's stateRoot; mutations of it are rejected with their
 * reason codes.
 */
class Eip1186VectorsTest {

    private static final String DIR = "vectors/eip1186/mainnet-21925176-deposit-contract/";

    private final Map<String, Object> proof = Json.object(Json.resource(DIR + "proof.json"));
    private final Bytes stateRoot = Bytes.fromHex((String) Json.object(Json.resource(DIR + "block.json"))
            .get("stateRoot"));
    private final Bytes address = Bytes.fromHex((String) proof.get("address"));
    private final Account account = new Account(big("nonce"), big("balance"),
            Bytes.fromHex((String) proof.get("storageHash")), Bytes.fromHex((String) proof.get("codeHash")));

    @Test
    void realProofVerifiesAgainstTheHeaderStateRoot() {
        assertThat(Eip1186ProofVerifier.verify(stateRoot, proof)).isEqualTo(VerificationResult.ok());
        assertThat(accountNodes()).hasSize(8);
        assertThat(AccountProofVerifier.valueFromProof(stateRoot, address, accountNodes()).value())
                .isEqualTo(Bytes.of(account.rlp()));
    }

    @Test
    void codeHashIsKecOfTheCode() {
        Map<String, Object> combined = Json.object(Json.resource(DIR + "account.json"));
        Bytes code = Bytes.fromHex((String) combined.get("code"));
        assertThat(Bytes.of(Hashes.keccak256(code.toArray()))).isEqualTo(account.codeHash());
    }

    @Test
    void accountMutationsAreRejected() {
        List<byte[]> nodes = accountNodes();
        assertThat(AccountProofVerifier.verify(Bytes.of(new byte[32]), address, account, nodes).reason())
                .isEqualTo(ReasonCode.PROOF_NODE_HASH_MISMATCH);
        for (int n = 0; n < nodes.size(); n++) {
            List<byte[]> flipped = new ArrayList<>(nodes);
            byte[] node = nodes.get(n).clone();
            node[node.length - 3] ^= 0x40;
            flipped.set(n, node);
            assertThat(AccountProofVerifier.verify(stateRoot, address, account, flipped).reason())
                    .as("bit flip in node " + n).isEqualTo(ReasonCode.PROOF_NODE_HASH_MISMATCH);
        }
        assertThat(AccountProofVerifier.verify(stateRoot, address, account, nodes.subList(0, 7)).reason())
                .isEqualTo(ReasonCode.PROOF_NODE_MISSING);
        List<byte[]> dropMiddle = new ArrayList<>(nodes);
        dropMiddle.remove(3);
        assertThat(AccountProofVerifier.verify(stateRoot, address, account, dropMiddle).reason())
                .isEqualTo(ReasonCode.PROOF_NODE_HASH_MISMATCH);
        List<byte[]> inserted = new ArrayList<>(nodes);
        inserted.add(nodes.get(7));
        assertThat(AccountProofVerifier.verify(stateRoot, address, account, inserted).reason())
                .isEqualTo(ReasonCode.PROOF_NODE_SURPLUS);
        List<byte[]> insertedMiddle = new ArrayList<>(nodes);
        insertedMiddle.add(2, nodes.get(2));
        assertThat(AccountProofVerifier.verify(stateRoot, address, account, insertedMiddle).reason())
                .isEqualTo(ReasonCode.PROOF_NODE_HASH_MISMATCH);
        Bytes otherAddress = Bytes.fromHex("0x00000000219ab540356cbb839cbe05303d7705fb");
        assertThat(AccountProofVerifier.verify(stateRoot, otherAddress, account, nodes).reason())
                .isEqualTo(ReasonCode.PROOF_NODE_HASH_MISMATCH);
    }

    @Test
    void wrongAccountValuesAndAbsenceClaimsAreRejected() {
        List<byte[]> nodes = accountNodes();
        Account richer = new Account(account.nonce(), account.balance().add(BigInteger.ONE), account.storageHash(),
                account.codeHash());
        VerificationResult result = AccountProofVerifier.verify(stateRoot, address, richer, nodes);
        assertThat(result.reason()).isEqualTo(ReasonCode.PROOF_VALUE_MISMATCH);
        assertThat(result.expected()).isEqualTo(Bytes.of(richer.rlp()).toHex());
        assertThat(result.actual()).isEqualTo(Bytes.of(account.rlp()).toHex());
        assertThat(AccountProofVerifier.verify(stateRoot, address, Account.EMPTY, nodes).reason())
                .isEqualTo(ReasonCode.PROOF_VALUE_MISMATCH);
        assertThat(AccountProofVerifier.verifyAbsent(stateRoot, address, nodes).reason())
                .isEqualTo(ReasonCode.CLAIMED_ABSENT_BUT_PRESENT);
    }

    @Test
    void storageProofAndItsMutations() {
        Map<String, Object> entry = Json.object(storage().get(0));
        Bytes slot = Bytes.fromHex((String) entry.get("key"));
        BigInteger value = new BigInteger(((String) entry.get("value")).substring(2), 16);
        List<byte[]> nodes = nodes(entry.get("proof"));
        assertThat(StorageProofVerifier.verify(account.storageHash(), slot, value, nodes).verified()).isTrue();
        assertThat(StorageProofVerifier.verify(account.storageHash(), slot, value.add(BigInteger.ONE), nodes)
                .reason()).isEqualTo(ReasonCode.PROOF_VALUE_MISMATCH);
        assertThat(StorageProofVerifier.verify(account.storageHash(), slot, BigInteger.ZERO, nodes).reason())
                .isEqualTo(ReasonCode.CLAIMED_ABSENT_BUT_PRESENT);
        Bytes otherSlot = Bytes.fromHex("0x" + "00".repeat(31) + "02");
        assertThat(StorageProofVerifier.verify(account.storageHash(), otherSlot, value, nodes).reason())
                .isEqualTo(ReasonCode.PROOF_NODE_HASH_MISMATCH);
        assertThat(StorageProofVerifier.verify(stateRoot, slot, value, nodes).reason())
                .isEqualTo(ReasonCode.PROOF_NODE_HASH_MISMATCH);
        assertThat(StorageProofVerifier.verify(account.storageHash(), slot, value, nodes.subList(0, 2)).reason())
                .isEqualTo(ReasonCode.PROOF_NODE_MISSING);
    }

    @Test
    void wholeResultWithATamperedStorageValueIsRejected() {
        Map<String, Object> tampered = new LinkedHashMap<>(proof);
        Map<String, Object> entry = new LinkedHashMap<>(Json.object(storage().get(0)));
        entry.put("value", "0x1");
        tampered.put("storageProof", List.of(entry));
        assertThat(Eip1186ProofVerifier.verify(stateRoot, tampered).reason())
                .isEqualTo(ReasonCode.PROOF_VALUE_MISMATCH);
        Map<String, Object> poorer = new LinkedHashMap<>(proof);
        poorer.put("balance", "0x0");
        assertThat(Eip1186ProofVerifier.verify(stateRoot, poorer).reason())
                .isEqualTo(ReasonCode.PROOF_VALUE_MISMATCH);
    }

    private BigInteger big(String name) {
        return new BigInteger(((String) proof.get(name)).substring(2), 16);
    }

    @SuppressWarnings("unchecked")
    private List<Object> storage() {
        return (List<Object>) proof.get("storageProof");
    }

    private List<byte[]> accountNodes() {
        return nodes(proof.get("accountProof"));
    }

    @SuppressWarnings("unchecked")
    private static List<byte[]> nodes(Object raw) {
        List<byte[]> out = new ArrayList<>();
        for (Object node : (List<Object>) raw) {
            out.add(Bytes.fromHex((String) node).toArray());
        }
        return out;
    }
}
