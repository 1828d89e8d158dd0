package org.custos.portal.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.chain.BlockHeader;
import org.custos.verify.chain.HeaderField;
import org.custos.verify.chain.HeaderHasher;
import org.custos.verify.chain.RpcHeaderParser;
import org.custos.verify.trie.PatriciaTrie;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * Clique (EIP-225) blocks signed in the test with known keys (no Clique node is available here): a chain signed by
 * the pinned signer verifies with the signer recorded; an outsider's seal stops the batch at that block with
 * SEAL_BY_NON_VALIDATOR, keeping the blocks before it; the same chain under DEV checks no seal.
 */
class BatchVerifierCliqueTest {

    private static final ECKeyPair SIGNER = ECKeyPair.create(BigInteger.valueOf(0xC11C0E1L));
    private static final ECKeyPair OUTSIDER = ECKeyPair.create(BigInteger.valueOf(0xBAD5EA1L));
    private static final Bytes EMPTY_ROOT = Bytes.of(PatriciaTrie.EMPTY_ROOT);
    private static final String CHECKPOINT = "0x" + "ab".repeat(32);

    private static String address(ECKeyPair key) {
        return "0x" + Keys.getAddress(key.getPublicKey());
    }

    private static LedgerSettings settings(String consensus, String validators) {
        Map<String, String> c = new HashMap<>();
        c.put("custos.ledger.urls", "http://node:8545");
        c.put("custos.ledger.checkpoint", "10:" + CHECKPOINT);
        c.put("custos.ledger.consensus", consensus);
        if (validators != null) {
            c.put("custos.ledger.validators", validators);
        }
        c.put("custos.ledger.contracts.registry", "0x" + "11".repeat(20));
        c.put("custos.ledger.contracts.records", "0x" + "22".repeat(20));
        c.put("custos.ledger.contracts.accountability", "0x" + "33".repeat(20));
        return LedgerSettings.from(k -> Optional.ofNullable(c.get(k)));
    }

    /** Five empty Clique blocks 11..15 on the checkpoint, block {@code outsiderAt} sealed by the outsider. */
    private static List<RpcBlock> chain(long outsiderAt) {
        List<RpcBlock> blocks = new ArrayList<>();
        Bytes parent = Bytes.fromHex(CHECKPOINT);
        for (long n = 11; n <= 15; n++) {
            EnumMap<HeaderField, Bytes> f = new EnumMap<>(HeaderField.class);
            f.put(HeaderField.PARENT_HASH, parent);
            f.put(HeaderField.OMMERS_HASH, Bytes.of(Hashes.keccak256(new byte[] {(byte) 0xc0})));
            f.put(HeaderField.BENEFICIARY, Bytes.of(new byte[20]));
            f.put(HeaderField.STATE_ROOT, Bytes.of(Hashes.keccak256(new byte[] {(byte) n})));
            f.put(HeaderField.TRANSACTIONS_ROOT, EMPTY_ROOT);
            f.put(HeaderField.RECEIPTS_ROOT, EMPTY_ROOT);
            f.put(HeaderField.LOGS_BLOOM, Bytes.of(new byte[256]));
            f.put(HeaderField.DIFFICULTY, Bytes.of(new byte[] {2}));
            f.put(HeaderField.NUMBER, Bytes.of(BigInteger.valueOf(n).toByteArray()));
            f.put(HeaderField.GAS_LIMIT, Bytes.of(new byte[] {0x01, 0x00, 0x00, 0x00}));
            f.put(HeaderField.GAS_USED, Bytes.empty());
            f.put(HeaderField.TIMESTAMP, Bytes.of(BigInteger.valueOf(1_733_011_200L + 15 * n).toByteArray()));
            f.put(HeaderField.EXTRA_DATA, Bytes.of(new byte[32]));   // vanity; the seal is appended below
            f.put(HeaderField.MIX_HASH, Bytes.of(new byte[32]));
            f.put(HeaderField.NONCE, Bytes.of(new byte[8]));
            BlockHeader unsealed = BlockHeader.of(f);
            byte[] sealHash = Hashes.keccak256(unsealed.rlp());
            Sign.SignatureData sig = Sign.signMessage(sealHash, n == outsiderAt ? OUTSIDER : SIGNER, false);
            byte[] extra = new byte[32 + 65];
            System.arraycopy(sig.getR(), 0, extra, 32, 32);
            System.arraycopy(sig.getS(), 0, extra, 64, 32);
            extra[96] = (byte) (sig.getV()[0] - 27);
            BlockHeader sealed = unsealed.with(HeaderField.EXTRA_DATA, Bytes.of(extra));
            Bytes hash = HeaderHasher.ETHEREUM.hash(sealed);
            Map<String, Object> json = new LinkedHashMap<>();
            for (HeaderField field : HeaderField.values()) {
                if (sealed.get(field) != null) {
                    json.put(field.jsonName(), RpcHeaderParser.format(field, sealed.get(field)));
                }
            }
            json.put("hash", hash.toHex());
            json.put("transactions", List.of());
            blocks.add(new RpcBlock(n, json, List.of()));
            parent = hash;
        }
        return blocks;
    }

    @Test
    void aChainSealedByThePinnedSignerVerifies() {
        BatchVerifier.Outcome o = new BatchVerifier(settings("CLIQUE", address(SIGNER)))
                .verify(10, CHECKPOINT, chain(-1), Instant.EPOCH);
        assertThat(o.failure()).isNull();
        assertThat(o.blocks()).hasSize(5);
        assertThat(o.blocks()).allSatisfy(b -> assertThat(b.getSealers()).isEqualTo(address(SIGNER)));
    }

    @Test
    void anOutsidersSealStopsTheBatchAtThatBlock() {
        BatchVerifier.Outcome o = new BatchVerifier(settings("CLIQUE", address(SIGNER)))
                .verify(10, CHECKPOINT, chain(13), Instant.EPOCH);
        assertThat(o.blocks()).extracting(VerifiedBlock::getNumber).containsExactly(11L, 12L);
        assertThat(o.failure().block()).isEqualTo(13);
        assertThat(o.failure().check()).isEqualTo("seal");
        assertThat(o.failure().reason()).isEqualTo("SEAL_BY_NON_VALIDATOR");
        assertThat(o.failure().actual()).isEqualTo(address(OUTSIDER));
    }

    @Test
    void theWrongParentForTheFirstBlockIsAParentMismatch() {
        BatchVerifier.Outcome o = new BatchVerifier(settings("CLIQUE", address(SIGNER)))
                .verify(10, "0x" + "cd".repeat(32), chain(-1), Instant.EPOCH);
        assertThat(o.blocks()).isEmpty();
        assertThat(o.failure().reason()).isEqualTo("PARENT_MISMATCH");
        assertThat(o.failure().block()).isEqualTo(11);
    }

    @Test
    void aDevChainChecksNoSeal() {
        BatchVerifier.Outcome o = new BatchVerifier(settings("DEV", null)).verify(10, CHECKPOINT, chain(13),
                Instant.EPOCH);
        assertThat(o.failure()).isNull();
        assertThat(o.blocks()).allSatisfy(b -> assertThat(b.getSealers()).isNull());
    }
}
