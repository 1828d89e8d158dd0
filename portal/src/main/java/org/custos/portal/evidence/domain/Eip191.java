package org.custos.portal.evidence.domain;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.custos.verify.Hashes;
import org.custos.verify.Hex;
import org.custos.verify.consensus.Secp256k1Recovery;

/** EIP-191 personal-sign recovery: the address that signed {@code message} (signature file: 0x + 130 hex). */
public final class Eip191 {

    private Eip191() {
    }

    public static Optional<String> signer(byte[] message, byte[] signatureFile) {
        String text = new String(signatureFile, StandardCharsets.US_ASCII).trim();
        if (!text.matches("0x[0-9a-fA-F]{130}")) {
            return Optional.empty();
        }
        byte[] prefix = ("\u0019Ethereum Signed Message:\n" + message.length).getBytes(StandardCharsets.US_ASCII);
        byte[] hash = Hashes.keccak256(prefix, message);
        return Secp256k1Recovery.recoverAddress(hash, Hex.decode(text.substring(2))).map(a -> a.toHex());
    }
}
