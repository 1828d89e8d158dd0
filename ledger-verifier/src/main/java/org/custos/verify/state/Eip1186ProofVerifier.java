package org.custos.verify.state;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custos.verify.Bytes;
import org.custos.verify.VerificationResult;
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

    /** Precondition: {@code stateRoot} is the stateRoot of a header the caller has verified. */
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
        for (Object raw : storage == null ? List.of() : RpcValues.list("storageProof", storage)) {
            @SuppressWarnings("unchecked")
            Map<String, ?> entry = (Map<String, ?>) raw;
            VerificationResult slot = StorageProofVerifier.verify(claimed.storageHash(),
                    RpcValues.fixed("key", RpcValues.required(entry, "key"), 32), scalar(entry, "value"),
                    nodes(entry, "proof"));
            if (!slot.verified()) {
                return slot;
            }
        }
        return VerificationResult.ok();
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
