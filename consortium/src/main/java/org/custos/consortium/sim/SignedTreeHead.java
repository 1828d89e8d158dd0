package org.custos.consortium.sim;

import java.nio.charset.StandardCharsets;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * A signed tree head of a clinic's access log: the off-chain twin of an {@code AuditCheckpoint}, as canonical JSON
 * (keys sorted, no white space) {@code {"clinic":"0x..","rootHash":"0x..","time":<epoch s>,"treeSize":<n>}} where
 * time is the checkpoint's block time, and the secp256k1 signature over those bytes as an Ethereum signed message
 * (EIP-191, r||s||v) by the clinic's registered {@code logSigner}, so the signer recovers to an address.
 */
public record SignedTreeHead(String json, String signature, String signer, long treeSize, byte[] rootHash,
                             long time) {

    public static SignedTreeHead sign(byte[] clinicId, long treeSize, byte[] rootHash, long time,
                                      Credentials logSigner) {
        String json = "{\"clinic\":\"" + Numeric.toHexString(clinicId) + "\",\"rootHash\":\""
                + Numeric.toHexString(rootHash) + "\",\"time\":" + time + ",\"treeSize\":" + treeSize + "}";
        Sign.SignatureData data = Sign.signPrefixedMessage(json.getBytes(StandardCharsets.UTF_8),
                logSigner.getEcKeyPair());
        byte[] signature = new byte[65];
        System.arraycopy(data.getR(), 0, signature, 0, 32);
        System.arraycopy(data.getS(), 0, signature, 32, 32);
        signature[64] = data.getV()[0];
        return new SignedTreeHead(json, Numeric.toHexString(signature), logSigner.getAddress(), treeSize,
                rootHash.clone(), time);
    }
}
