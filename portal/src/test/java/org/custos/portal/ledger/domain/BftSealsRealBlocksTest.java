package org.custos.portal.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.custos.verify.Bytes;
import org.custos.verify.chain.BlockHeader;
import org.custos.verify.chain.HeaderField;
import org.custos.verify.chain.RpcHeaderParser;
import org.custos.verify.consensus.BftVariant;
import org.custos.verify.consensus.ValidatorSetTracker;
import org.custos.verify.rlp.Rlp;
import org.custos.verify.rlp.RlpItem;
import org.custos.verify.rlp.RlpList;
import org.custos.verify.rlp.RlpString;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/**
 * The portal's BFT seal check ({@link BftSeals}) on REAL Besu blocks (test resources ledger/bft-vectors, provenance in
 * its PROVENANCE.md): QBFT block 7528 (4 validators, 3 seals, round 1) and IBFT 2.0 blocks 178 and 100 are accepted
 * with their signing validators recorded; the same QBFT block with a seal removed (below quorum), a seal by a
 * non-validator, a header field changed, or checked under the other variant is refused with the reason.
 */
class BftSealsRealBlocksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode vector(String name) throws IOException {
        try (InputStream in = BftSealsRealBlocksTest.class.getResourceAsStream("/ledger/bft-vectors/" + name)) {
            return JSON.readTree(in);
        }
    }

    /** A header from its RLP (15 classic fields, as both vectors are pre-London). */
    private static BlockHeader fromRlp(String hex) {
        RlpList list = (RlpList) Rlp.decode(Bytes.fromHex(hex).toArray());
        Map<HeaderField, Bytes> fields = new EnumMap<>(HeaderField.class);
        HeaderField[] order = HeaderField.values();
        assertThat(list.size()).isEqualTo(15);
        for (int i = 0; i < list.size(); i++) {
            fields.put(order[i], Bytes.of(((RlpString) list.get(i)).bytes()));
        }
        return BlockHeader.of(fields);
    }

    private static SortedSet<Bytes> set(List<String> addresses) {
        SortedSet<Bytes> set = new TreeSet<>(ValidatorSetTracker.ADDRESS_ORDER);
        addresses.forEach(a -> set.add(Bytes.fromHex(a)));
        return set;
    }

    private static List<String> texts(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.asText().toLowerCase()));
        return result;
    }

    /** The header with its extraData's seal list replaced. */
    private static BlockHeader withSeals(BlockHeader header, List<byte[]> seals) {
        RlpList extra = (RlpList) Rlp.decode(header.get(HeaderField.EXTRA_DATA).toArray());
        List<RlpItem> items = new ArrayList<>(extra.items());
        items.set(4, new RlpList(seals.stream().map(s -> (RlpItem) RlpString.of(s)).toList()));
        return header.with(HeaderField.EXTRA_DATA, Bytes.of(Rlp.encode(new RlpList(items))));
    }

    private static List<byte[]> seals(BlockHeader header) {
        RlpList extra = (RlpList) Rlp.decode(header.get(HeaderField.EXTRA_DATA).toArray());
        List<byte[]> seals = new ArrayList<>();
        for (RlpItem s : ((RlpList) extra.get(4)).items()) {
            seals.add(((RlpString) s).bytes());
        }
        return seals;
    }

    @Test
    void realQbftBlockIsAcceptedWithItsThreeSigners() throws IOException {
        JsonNode v = vector("qbft-besu-qbft-elc-block7528.json");
        BlockHeader header = fromRlp(v.get("headerRlpWithSeals").asText());
        List<String> validators = texts(v.get("validators"));
        BftSeals seals = new BftSeals(BftVariant.QBFT);

        assertThat(BftVariant.QBFT.commitSealHash(header, BftVariant.QBFT.decode(header.get(HeaderField.EXTRA_DATA)))
                .toHex()).isEqualTo(v.get("commitSealHash_expected").asText());
        BftSeals.Checked checked = seals.check(header, set(validators));
        assertThat(checked.result().verified()).as(checked.result().toString()).isTrue();
        assertThat(checked.sealers()).hasSize(3).doesNotHaveDuplicates();
        assertThat(validators).containsAll(checked.sealers());
    }

    @Test
    void realQbftBlockTamperedIsRefusedWithTheReason() throws IOException {
        JsonNode v = vector("qbft-besu-qbft-elc-block7528.json");
        BlockHeader header = fromRlp(v.get("headerRlpWithSeals").asText());
        SortedSet<Bytes> validators = set(texts(v.get("validators")));
        BftSeals seals = new BftSeals(BftVariant.QBFT);
        List<byte[]> original = seals(header);

        // a seal removed: 2 of 4 is below the quorum ceil(2*4/3) = 3
        BftSeals.Checked removed = seals.check(withSeals(header, original.subList(0, 2)), validators);
        assertThat(removed.result().reason().name()).isEqualTo("QUORUM_NOT_REACHED");
        assertThat(removed.result().expected()).isEqualTo("3 of 4");
        assertThat(removed.sealers()).isEmpty();

        // a seal by a key that is not a validator, over the real commit hash
        byte[] commitHash = BftVariant.QBFT.commitSealHash(header,
                BftVariant.QBFT.decode(header.get(HeaderField.EXTRA_DATA))).toArray();
        Sign.SignatureData sig = Sign.signMessage(commitHash, ECKeyPair.create(java.math.BigInteger.valueOf(0xBAD)),
                false);
        byte[] outsider = new byte[65];
        System.arraycopy(sig.getR(), 0, outsider, 0, 32);
        System.arraycopy(sig.getS(), 0, outsider, 32, 32);
        outsider[64] = (byte) (sig.getV()[0] - 27);
        List<byte[]> withOutsider = new ArrayList<>(original.subList(0, 2));
        withOutsider.add(outsider);
        assertThat(seals.check(withSeals(header, withOutsider), validators).result().reason().name())
                .isEqualTo("SEAL_BY_NON_VALIDATOR");

        // a header field changed: the seals no longer sign it
        BlockHeader changed = header.with(HeaderField.STATE_ROOT, Bytes.fromHex("0x" + "5e".repeat(32)));
        assertThat(seals.check(changed, validators).result().reason().name())
                .isIn("SEAL_BY_NON_VALIDATOR", "SEAL_UNRECOVERABLE");

        // a validator set that is not the one the block lists
        SortedSet<Bytes> other = new TreeSet<>(validators);
        other.remove(other.first());
        assertThat(seals.check(header, other).result().reason().name()).isEqualTo("VALIDATOR_SET_MISMATCH");

        // the QBFT block read as IBFT 2.0 (other extraData layout)
        assertThat(new BftSeals(BftVariant.IBFT2).check(header, validators).result().verified()).isFalse();
    }

    @Test
    void realIbft2BlockIsAcceptedAndRefusedUnderQbft() throws IOException {
        JsonNode v = vector("ibft2-signare-block178.json");
        BlockHeader header = fromRlp(v.get("headerRlpWithSeals").asText());
        SortedSet<Bytes> validators = set(List.of("0xca31306798b41bc81c43094a1e0462890ce7a673"));
        BftSeals.Checked checked = new BftSeals(BftVariant.IBFT2).check(header, validators);
        assertThat(checked.result().verified()).as(checked.result().toString()).isTrue();
        assertThat(checked.sealers()).containsExactly("0xca31306798b41bc81c43094a1e0462890ce7a673");

        assertThat(new BftSeals(BftVariant.QBFT).check(header, validators).result().verified()).isFalse();
        assertThat(new BftSeals(BftVariant.IBFT2).check(withSeals(header, List.of()), validators).result().reason()
                .name()).isEqualTo("QUORUM_NOT_REACHED");
    }

    @Test
    void realIbft2BlockWithItsPublishedHash() throws IOException {
        JsonNode v = vector("ibft2-besu-docs-block-100-graphql.json");
        Map<String, Object> json = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.get("headerFields").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            json.put(e.getKey(), e.getValue().asText());
        }
        String published = v.get("graphqlResult").get("data").get("block").get("hash").asText();
        json.put("hash", published);
        BlockHeader header = RpcHeaderParser.parse(json).header();
        assertThat(BftVariant.IBFT2.blockHasher().hash(header).toHex()).isEqualTo(published);
        BftSeals.Checked checked = new BftSeals(BftVariant.IBFT2).check(header,
                set(List.of("0x9811ebc35d7b06b3fa8dc5809a1f9c52751e1deb")));
        assertThat(checked.result().verified()).as(checked.result().toString()).isTrue();
        assertThat(checked.sealers()).containsExactly("0x9811ebc35d7b06b3fa8dc5809a1f9c52751e1deb");
    }

    @Test
    void realQbftBlockAsThePinnedCheckpointWithTheSetConfiguredInAnotherOrder() throws IOException {
        // issue 13 A1: the checkpoint's list is compared with the pinned set as a set; this real block (built by
        // Besu) lists its 4 validators ascending, the configuration names them in reverse
        JsonNode v = vector("qbft-besu-qbft-elc-block7528.json");
        BlockHeader header = fromRlp(v.get("headerRlpWithSeals").asText());
        Map<String, Object> json = new LinkedHashMap<>();
        for (HeaderField field : HeaderField.values()) {
            if (header.get(field) != null) {
                json.put(field.jsonName(), RpcHeaderParser.format(field, header.get(field)));
            }
        }
        String hash = BftVariant.QBFT.blockHasher().hash(header).toHex();
        json.put("hash", hash);
        json.put("transactions", List.of());
        List<String> reversed = new ArrayList<>(texts(v.get("validators")));
        java.util.Collections.reverse(reversed);
        LedgerSettings.Checkpoint checkpoint = new LedgerSettings.Checkpoint(7528, hash);
        BftReplay replay = new BftReplay(BftVariant.QBFT, 4, checkpoint, reversed);
        assertThat(replay.start(7528, hash, List.of(json), n -> Optional.empty(), null)).isNull();
        assertThat(replay.validators()).containsExactlyElementsOf(set(reversed));

        BatchVerifier.Failure missing = new BftReplay(BftVariant.QBFT, 4, checkpoint, reversed.subList(0, 3))
                .start(7528, hash, List.of(json), n -> Optional.empty(), null);
        assertThat(missing.reason()).isEqualTo("VALIDATOR_SET_MISMATCH");
        assertThat(missing.check()).isEqualTo("checkpoint");
        assertThat(missing.actual()).contains("not pinned [" + reversed.get(3) + "]");
    }
}
