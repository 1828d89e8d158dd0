package org.custos.verify.state;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custos.verify.Bytes;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
import org.custos.verify.chain.RpcFormatException;
import org.custos.verify.chain.RpcValues;

/**
 * Verifies a whole {@code eth_getProof} result (EIP-1186: {@code address, nonce, balance, storageHash, codeHash,
 * accountProof, storageProof[{key, value, proof}]}) against a stateRoot taken from a verified header: the account
 * proof first, then every storage proof against the proven {@code storageHash}. Malformed JSON values throw
 * {@link org.custos.verify.chain.RpcFormatException}; a failing proof is a rejected result.
 */
public final class Eip1186ProofVerifier {

    private Eip1186ProofVerifier() {
    }

    /**
     * Verifies an answer bound to its question: "account {@code address} and storage slots {@code keys} (32 bytes
     * each) at the block whose verified stateRoot is {@code stateRoot}". The answer must be for that account
     * ({@code PROOF_ADDRESS_MISMATCH}) and its {@code storageProof} an array with exactly one entry per key asked,
     * no other ({@code STORAGE_KEYS_MISMATCH}: missing, emptied or removed, a key added, swapped or repeated;
     * order is not significant); then {@link #verify(Bytes, Map)}. A valid proof of something else is not an
     * answer. Precondition: {@code stateRoot} is that of the block asked, from a header the caller has verified.
     */
    public static VerificationResult verifyAnswer(Bytes stateRoot, Bytes address, List<Bytes> keys,
                                                  Map<String, ?> proof) {
        Bytes answered = RpcValues.fixed("address", RpcValues.required(proof, "address"), 20);
        if (!answered.equals(address)) {
            return VerificationResult.rejected(ReasonCode.PROOF_ADDRESS_MISMATCH, "account " + address,
                    address.toHex(), answered.toHex());
        }
        List<String> asked = keys.stream().map(Bytes::toHex).sorted().toList();
        Object storage = proof.get("storageProof");
        if (!(storage instanceof List<?> entries)) {
            return VerificationResult.rejected(ReasonCode.STORAGE_KEYS_MISMATCH, "account " + address
                    + " storageProof", "proofs for " + asked, storage == null ? "no storageProof" : "not an array");
        }
        List<String> given = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            given.add(RpcValues.fixed("key", RpcValues.required(entry(entries, i), "key"), 32).toHex());
        }
        List<String> sorted = given.stream().sorted().toList();
        if (!sorted.equals(asked)) {
            return VerificationResult.rejected(ReasonCode.STORAGE_KEYS_MISMATCH, "account " + address
                    + " storageProof", "proofs for " + asked, "proofs for " + given);
        }
        return verify(stateRoot, proof);
    }

    /**
     * Verifies whatever the answer claims (its own address and storage keys: not bound to a question; use
     * {@link #verifyAnswer} where a question was asked). Precondition: {@code stateRoot} is the stateRoot of a
     * header the caller has verified.
     */
    public static VerificationResult verify(Bytes stateRoot, Map<String, ?> proof) {
        Bytes address = RpcValues.fixed("address", RpcValues.required(proof, "address"), 20);
        Account claimed = new Account(scalar(proof, "nonce"), scalar(proof, "balance"),
                RpcValues.fixed("storageHash", RpcValues.required(proof, "storageHash"), 32),
                RpcValues.fixed("codeHash", RpcValues.required(proof, "codeHash"), 32));
        VerificationResult account = AccountProofVerifier.verify(stateRoot, address, claimed,
                nodes(proof, "accountProof"));
        if (!account.verified()) {
            return account;
        }
        Object storage = proof.get("storageProof");
        List<?> entries = storage == null ? List.of() : RpcValues.list("storageProof", storage);
        for (int i = 0; i < entries.size(); i++) {
            Map<String, ?> entry = entry(entries, i);
            VerificationResult slot = StorageProofVerifier.verify(claimed.storageHash(),
                    RpcValues.fixed("key", RpcValues.required(entry, "key"), 32), scalar(entry, "value"),
                    nodes(entry, "proof"));
            if (!slot.verified()) {
                return slot;
            }
        }
        return VerificationResult.ok();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> entry(List<?> entries, int index) {
        Object raw = entries.get(index);
        if (!(raw instanceof Map<?, ?>)) {
            throw new RpcFormatException(ReasonCode.MALFORMED_FIELD, "storageProof[" + index + "]",
                    "expected an object, got " + (raw == null ? "null" : raw.getClass().getSimpleName()));
        }
        return (Map<String, ?>) raw;
    }

    private static BigInteger scalar(Map<String, ?> object, String name) {
        return new BigInteger(1, RpcValues.quantity(name, RpcValues.required(object, name)).toArray());
    }

    private static List<byte[]> nodes(Map<String, ?> object, String name) {
        List<byte[]> nodes = new ArrayList<>();
        for (Object node : RpcValues.list(name, RpcValues.required(object, name))) {
            nodes.add(RpcValues.data(name, node).toArray());
        }
        return nodes;
    }
}
