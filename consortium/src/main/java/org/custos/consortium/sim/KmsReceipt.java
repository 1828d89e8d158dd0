package org.custos.consortium.sim;

import java.nio.charset.StandardCharsets;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * A KMS key-deletion receipt: canonical JSON (keys sorted, no white space)
 * {@code {"clinic":"0x..","destroyedAt":<epoch s>,"keyId":"0x..","kms":"custos-sim-kms"}} and the signer's
 * secp256k1 signature over it (Ethereum signed-message, EIP-191, so the signer address is recoverable and compares
 * with the registry's {@code kmsAttestationKey}). {@code KeyDestroyed.kmsDeletionReceiptHash} = SHA-256 of the JSON
 * bytes.
 */
public record KmsReceipt(String json, String signature, String signer) {

    public static KmsReceipt sign(byte[] clinicId, byte[] keyId, long destroyedAt, Credentials signer) {
        String json = "{\"clinic\":\"" + Numeric.toHexString(clinicId) + "\",\"destroyedAt\":" + destroyedAt
                + ",\"keyId\":\"" + Numeric.toHexString(keyId) + "\",\"kms\":\"custos-sim-kms\"}";
        Sign.SignatureData data = Sign.signPrefixedMessage(json.getBytes(StandardCharsets.UTF_8),
                signer.getEcKeyPair());
        byte[] signature = new byte[65];
        System.arraycopy(data.getR(), 0, signature, 0, 32);
        System.arraycopy(data.getS(), 0, signature, 32, 32);
        signature[64] = data.getV()[0];
        return new KmsReceipt(json, Numeric.toHexString(signature), signer.getAddress());
    }

    public byte[] sha256() {
        return Simulator.sha256(json.getBytes(StandardCharsets.UTF_8));
    }

}
