package org.custos.bench;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.chain.BlockHeader;
import org.custos.verify.chain.ClaimedHeader;
import org.custos.verify.chain.HeaderField;
import org.custos.verify.consensus.BftVariant;
import org.custos.verify.consensus.Secp256k1Recovery;
import org.custos.verify.consensus.ValidatorSetTracker;
import org.custos.verify.rlp.Rlp;
import org.custos.verify.rlp.RlpItem;
import org.custos.verify.rlp.RlpList;
import org.custos.verify.rlp.RlpString;

/**
 * A synthetic QBFT chain: genesis (epoch block) listing 4 validators with known keys KEC("custos-bench-key-i"),
 * then blocks proposed in turn, each carrying 3 of the 4 commit seals (the minimum quorum, ceil(2*4/3) = 3;
 * the absent sealer rotates), rounds 0-2, London-shaped headers (16 fields, baseFeePerGas).
 */
final class QbftChain {

    static final int VALIDATORS = 4;
    static final int SEALS_PER_BLOCK = 3;

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
    private static final Bytes BFT_MIX_HASH =
            Bytes.fromHex("0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365");
    private static final Bytes EMPTY_TRIE =
            Bytes.fromHex("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
    private static final Bytes EMPTY_OMMERS =
            Bytes.fromHex("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");

    final List<BigInteger> keys = new ArrayList<>();
    final Set<Bytes> validators = new TreeSet<>(ValidatorSetTracker.ADDRESS_ORDER);
    final List<ClaimedHeader> headers = new ArrayList<>();

    QbftChain(int blocksAfterGenesis) {
        for (int i = 0; i < VALIDATORS; i++) {
            BigInteger key = new BigInteger(1, Hashes.keccak256(Fixtures.ascii("custos-bench-key-" + i)))
                    .mod(CURVE.getN());
            keys.add(key);
            validators.add(address(key));
        }
        headers.add(claim(header(Bytes.of(new byte[32]), 0, Bytes.of(new byte[20]), extraData(0, List.of()))));
        for (int n = 1; n <= blocksAfterGenesis; n++) {
            Bytes parent = headers.get(n - 1).claimedHash();
            BigInteger proposer = keys.get(n % VALIDATORS);
            BlockHeader unsealed = header(parent, n, address(proposer), extraData(n % 3, List.of()));
            byte[] commitHash = commitHash(unsealed);
            List<byte[]> seals = new ArrayList<>();
            for (int s = 0; s < SEALS_PER_BLOCK; s++) {
                seals.add(sign(commitHash, keys.get((n + s) % VALIDATORS)));
            }
            headers.add(claim(unsealed.with(HeaderField.EXTRA_DATA, extraData(n % 3, seals))));
        }
    }

    private Bytes extraData(long round, List<byte[]> seals) {
        List<RlpItem> items = new ArrayList<>();
        items.add(RlpString.of(new byte[32]));
        items.add(new RlpList(validators.stream().map(a -> (RlpItem) RlpString.of(a.toArray())).toList()));
        items.add(new RlpList(List.of()));
        items.add(RlpString.ofScalar(round));
        items.add(new RlpList(seals.stream().map(s -> (RlpItem) RlpString.of(s)).toList()));
        return Bytes.of(Rlp.encode(new RlpList(items)));
    }

    private static BlockHeader header(Bytes parentHash, long number, Bytes coinbase, Bytes extraData) {
        Map<HeaderField, Bytes> f = new EnumMap<>(HeaderField.class);
        f.put(HeaderField.PARENT_HASH, parentHash);
        f.put(HeaderField.OMMERS_HASH, EMPTY_OMMERS);
        f.put(HeaderField.BENEFICIARY, coinbase);
        f.put(HeaderField.STATE_ROOT, Bytes.of(Hashes.keccak256(Fixtures.ascii("state " + number))));
        f.put(HeaderField.TRANSACTIONS_ROOT, EMPTY_TRIE);
        f.put(HeaderField.RECEIPTS_ROOT, EMPTY_TRIE);
        f.put(HeaderField.LOGS_BLOOM, Bytes.of(new byte[256]));
        f.put(HeaderField.DIFFICULTY, Fixtures.scalar(1));
        f.put(HeaderField.NUMBER, Fixtures.scalar(number));
        f.put(HeaderField.GAS_LIMIT, Fixtures.scalar(0x1fffffffffffffL));
        f.put(HeaderField.GAS_USED, Bytes.empty());
        f.put(HeaderField.TIMESTAMP, Fixtures.scalar(1_700_000_000L + 2 * number));
        f.put(HeaderField.EXTRA_DATA, extraData);
        f.put(HeaderField.MIX_HASH, BFT_MIX_HASH);
        f.put(HeaderField.NONCE, Bytes.of(new byte[8]));
        f.put(HeaderField.BASE_FEE_PER_GAS, Bytes.empty());
        return BlockHeader.of(f);
    }

    private static byte[] commitHash(BlockHeader header) {
        BftVariant qbft = BftVariant.QBFT;
        return qbft.commitSealHash(header, qbft.decode(header.get(HeaderField.EXTRA_DATA))).toArray();
    }

    private static ClaimedHeader claim(BlockHeader header) {
        return new ClaimedHeader(header, BftVariant.QBFT.blockHasher().hash(header));
    }

    static Bytes address(BigInteger key) {
        byte[] encoded = CURVE.getG().multiply(key).normalize().getEncoded(false);
        return Secp256k1Recovery.address(java.util.Arrays.copyOfRange(encoded, 1, 65));
    }

    /** RFC 6979 ECDSA, encoded {@code r ‖ s ‖ recId} with the recovery id that gives back the key. */
    static byte[] sign(byte[] hash32, BigInteger key) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(key, DOMAIN));
        BigInteger[] rs = signer.generateSignature(hash32);
        for (int recId = 0; recId <= 1; recId++) {
            byte[] sig = new byte[65];
            put(rs[0], sig, 0);
            put(rs[1], sig, 32);
            sig[64] = (byte) recId;
            if (Secp256k1Recovery.recoverAddress(hash32, sig).equals(Optional.of(address(key)))) {
                return sig;
            }
        }
        throw new IllegalStateException("no recovery id gives back the signing key");
    }

    private static void put(BigInteger value, byte[] out, int offset) {
        byte[] b = value.toByteArray();
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, offset + 32 - len, len);
    }
}
