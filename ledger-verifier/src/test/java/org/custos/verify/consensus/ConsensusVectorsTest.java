package org.custos.verify.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
import org.custos.verify.chain.BlockHeader;
import org.custos.verify.chain.HeaderField;
import org.custos.verify.chain.RpcHeaderParser;
import org.custos.verify.rlp.Rlp;
import org.custos.verify.testing.BftBlocks;
import org.custos.verify.testing.HeaderRlp;
import org.custos.verify.testing.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One case per consensus vector file (see each directory's PROVENANCE.md). */
class ConsensusVectorsTest {

    @Test
    @DisplayName("qbft-besu-qbft-elc/block7528.json")
    void qbftBlock7528() {
        Map<String, Object> v = Json.object(Json.resource("vectors/qbft-besu-qbft-elc/block7528.json"));
        BlockHeader header = HeaderRlp.decode((String) v.get("headerRlpWithSeals"));
        Set<Bytes> validators = addresses(v.get("validators"));
        Bytes expectedCommitHash = Bytes.fromHex((String) v.get("commitSealHash_expected"));
        BftExtraData extra = BftVariant.QBFT.decode(header.get(HeaderField.EXTRA_DATA));

        assertThat(extra.round()).isEqualTo(1);
        assertThat(extra.seals()).hasSize(3);
        assertThat(Bytes.of(Hashes.keccak256(Bytes.fromHex((String) v.get("headerRlpForCommitSeal_round1_noSeals"))
                .toArray()))).isEqualTo(expectedCommitHash);
        assertThat(BftVariant.QBFT.commitSealHash(header, extra)).isEqualTo(expectedCommitHash);
        assertThat(recoverAll(expectedCommitHash, extra)).hasSize(3).isSubsetOf(validators);
        assertThat(new BftCommitSealVerifier(BftVariant.QBFT).verify(header, validators).verified()).isTrue();

        // seals do NOT verify against the round-0 (onchain) hash
        Bytes onchain = BftVariant.QBFT.blockHasher().hash(header);
        assertThat(recoverAll(onchain, extra)).doesNotContainAnyElementsOf(validators);
        // rule-derived onchain hash from ledger-facts §4.6 (not confirmed by the source)
        assertThat(onchain.toHex()).startsWith("0x502568a0").endsWith("af42");

        BlockHeader twoSeals = BftBlocks.withSeals(BftVariant.QBFT, header,
                BftBlocks.seals(BftVariant.QBFT, header).subList(0, 2));
        VerificationResult result = new BftCommitSealVerifier(BftVariant.QBFT).verify(twoSeals, validators);
        assertThat(result.reason()).isEqualTo(ReasonCode.QUORUM_NOT_REACHED);
        assertThat(result.expected()).isEqualTo("3 of 4");
        assertThatThrownBy(() -> BftVariant.IBFT2.decode(header.get(HeaderField.EXTRA_DATA)))
                .isInstanceOf(MalformedExtraDataException.class);

        BftExtraData single = BftVariant.QBFT.decode(Bytes.fromHex((String) v.get("extraData_1validator_1seal_round0")));
        assertThat(single.validators()).containsExactly(Bytes.fromHex("0xcc4b2d4fbb236d5207b37a5cf739b8491b2b717c"));
        assertThat(single.round()).isZero();
        assertThat(single.vote()).isEmpty();
        assertThat(single.seals()).hasSize(1);
    }

    @Test
    @DisplayName("qbft-codec-kat/QbftExtraDataCodecTest.json")
    void qbftCodecKnownAnswer() {
        Map<String, Object> v = Json.object(Json.resource("vectors/qbft-codec-kat/QbftExtraDataCodecTest.json"));
        Bytes raw = Bytes.fromHex((String) v.get("extraData"));
        BftExtraData extra = BftVariant.QBFT.decode(raw);

        byte[] vanity = new byte[32];
        for (int i = 0; i < 32; i++) {
            vanity[i] = (byte) (i + 1);
        }
        assertThat(extra.vanity()).isEqualTo(Bytes.of(vanity));
        assertThat(extra.validators()).containsExactly(address(1), address(2));
        assertThat(extra.vote()).contains(new BftVote(address(1), true));
        assertThat(extra.round()).isEqualTo(0xFEDCBA).isEqualTo(16702650);
        assertThat(extra.seals()).containsExactly(seal(1, 10, 0), seal(10, 1, 0));
        assertThat(Bytes.of(Rlp.encode(extra.raw()))).isEqualTo(raw);
        assertThat(BftBlocks.extraData(BftVariant.QBFT, extra.validators(), extra.vote(), extra.round(),
                extra.seals().stream().map(Bytes::toArray).toList()).toArray()).hasSize(raw.length());
        // IBFT 2.0 needs a 4-byte round: the QBFT scalar 0xfedcba is not one
        assertThatThrownBy(() -> BftVariant.IBFT2.decode(raw)).isInstanceOf(MalformedExtraDataException.class);
    }

    @Test
    @DisplayName("ibft2-signare/block178.json")
    void ibft2Block178() {
        Map<String, Object> v = Json.object(Json.resource("vectors/ibft2-signare/block178.json"));
        BlockHeader header = HeaderRlp.decode((String) v.get("headerRlpWithSeals"));
        Bytes validator = Bytes.fromHex("0xca31306798b41bc81c43094a1e0462890ce7a673");
        BftExtraData extra = BftVariant.IBFT2.decode(header.get(HeaderField.EXTRA_DATA));

        assertThat(extra.vote()).isEmpty();
        assertThat(extra.round()).isZero();
        assertThat(recoverAll(BftVariant.IBFT2.commitSealHash(header, extra), extra)).containsExactly(validator);
        assertThat(header.get(HeaderField.BENEFICIARY)).isEqualTo(validator);
        assertThat(new BftCommitSealVerifier(BftVariant.IBFT2).verify(header, Set.of(validator)).verified()).isTrue();
        // the QBFT layout does not fit (vote 0x80 is not a list)
        assertThatThrownBy(() -> BftVariant.QBFT.decode(header.get(HeaderField.EXTRA_DATA)))
                .isInstanceOf(MalformedExtraDataException.class);
        // rule-derived block hash from ledger-facts §4.6 (not confirmed by the source)
        assertThat(BftVariant.IBFT2.blockHasher().hash(header).toHex()).startsWith("0x31ff9cad").endsWith("19df");
    }

    @Test
    @DisplayName("bft-real-single/qbft-firefly-evmconnect-0xe5f2.json")
    void qbftFireflyBlock() {
        Map<String, Object> file = Json.object(Json.resource(
                "vectors/bft-real-single/qbft-firefly-evmconnect-0xe5f2.json"));
        Map<String, Object> block = new LinkedHashMap<>(Json.object(file.get("block")));
        BlockHeader header = RpcHeaderParser.parse(block).header();
        Bytes miner = Bytes.fromHex((String) block.get("miner"));
        BftExtraData extra = BftVariant.QBFT.decode(header.get(HeaderField.EXTRA_DATA));

        assertThat(extra.round()).isZero();
        assertThat(extra.validators()).containsExactly(miner);
        // round 0: the commit-seal hash is the node-reported block hash
        assertThat(BftVariant.QBFT.commitSealHash(header, extra)).isEqualTo(Bytes.fromHex((String) block.get("hash")));
        assertThat(recoverAll(BftVariant.QBFT.commitSealHash(header, extra), extra)).containsExactly(miner);
        assertThat(new BftCommitSealVerifier(BftVariant.QBFT).verify(header, Set.of(miner)).verified()).isTrue();
        VerificationResult other = new BftCommitSealVerifier(BftVariant.QBFT)
                .verify(header, Set.of(Bytes.fromHex("0x0000000000000000000000000000000000000001")));
        assertThat(other.reason()).isEqualTo(ReasonCode.SEAL_BY_NON_VALIDATOR);
        assertThat(other.actual()).isEqualTo(miner.toHex());
    }

    @Test
    @DisplayName("bft-real-single/ibft2-besu-docs-block-100-graphql.json")
    void ibft2BesuDocsBlock100() {
        Map<String, Object> file = Json.object(Json.resource(
                "vectors/bft-real-single/ibft2-besu-docs-block-100-graphql.json"));
        Map<String, Object> fields = new LinkedHashMap<>(Json.object(file.get("headerFields")));
        Map<String, Object> graphql = Json.object(Json.object(Json.object(file.get("graphqlResult")).get("data"))
                .get("block"));
        fields.put("hash", graphql.get("hash"));
        BlockHeader header = RpcHeaderParser.parse(fields).header();
        Bytes validator = Bytes.fromHex("0x9811ebc35d7b06b3fa8dc5809a1f9c52751e1deb");
        BftExtraData extra = BftVariant.IBFT2.decode(header.get(HeaderField.EXTRA_DATA));

        assertThat(BftVariant.IBFT2.blockHasher().hash(header)).isEqualTo(Bytes.fromHex((String) graphql.get("hash")));
        assertThat(recoverAll(BftVariant.IBFT2.commitSealHash(header, extra), extra)).containsExactly(validator);
        assertThat(new BftCommitSealVerifier(BftVariant.IBFT2).verify(header, Set.of(validator)).verified()).isTrue();
        // with the QBFT commit form (4 items plus empty seal list) the seal recovers to someone else
        assertThat(new BftCommitSealVerifier(BftVariant.QBFT).verify(
                header.with(HeaderField.EXTRA_DATA, qbftForm(extra)), Set.of(validator)).reason())
                .isEqualTo(ReasonCode.SEAL_BY_NON_VALIDATOR);
    }

    @Test
    @DisplayName("clique-rinkeby/rinkeby-30000.json")
    void cliqueRinkeby30000() {
        Map<String, Object> block = new LinkedHashMap<>(Json.object(Json.resource(
                "vectors/clique-rinkeby/rinkeby-30000.json")));
        Set<Bytes> signers = addresses(block.remove("signers"));
        block.remove("source");
        block.replaceAll((k, val) -> val instanceof BigInteger n ? "0x" + n.toString(16) : val);
        BlockHeader header = RpcHeaderParser.parse(block).header();

        assertThat(new CliqueSealVerifier().recoverSigner(header))
                .contains(Bytes.fromHex("0x42eb768f2244c8811c63729a21a3569731535f06"));
        assertThat(new CliqueSealVerifier().verify(header, signers).verified()).isTrue();
        Set<Bytes> others = new HashSet<>(signers);
        others.remove(Bytes.fromHex("0x42eb768f2244c8811c63729a21a3569731535f06"));
        assertThat(new CliqueSealVerifier().verify(header, others).reason())
                .isEqualTo(ReasonCode.SEAL_BY_NON_VALIDATOR);
    }

    private static Bytes qbftForm(BftExtraData ibft2) {
        return BftBlocks.extraData(BftVariant.QBFT, ibft2.validators(), Optional.empty(), ibft2.round(),
                ibft2.seals().stream().map(Bytes::toArray).toList());
    }

    private static List<Bytes> recoverAll(Bytes hash, BftExtraData extra) {
        return extra.seals().stream()
                .map(s -> Secp256k1Recovery.recoverAddress(hash.toArray(), s.toArray()).orElseThrow())
                .distinct().toList();
    }

    private static Set<Bytes> addresses(Object list) {
        return ((List<?>) list).stream().map(a -> Bytes.fromHex((String) a)).collect(Collectors.toSet());
    }

    private static Bytes address(int last) {
        byte[] a = new byte[20];
        a[19] = (byte) last;
        return Bytes.of(a);
    }

    private static Bytes seal(int r, int s, int recId) {
        byte[] b = new byte[65];
        b[31] = (byte) r;
        b[63] = (byte) s;
        b[64] = (byte) recId;
        return Bytes.of(b);
    }
}
