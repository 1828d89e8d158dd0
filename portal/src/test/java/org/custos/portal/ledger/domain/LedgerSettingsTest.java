package org.custos.portal.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LedgerSettingsTest {

    private static final String HASH = "0x" + "ab".repeat(32);

    private static Map<String, String> valid() {
        Map<String, String> c = new HashMap<>();
        c.put("custos.ledger.urls", "http://node-a:8545, http://node-b:8545");
        c.put("custos.ledger.checkpoint", HASH);
        c.put("custos.ledger.consensus", "dev");
        c.put("custos.ledger.contracts.registry", "0x" + "11".repeat(20));
        c.put("custos.ledger.contracts.records", "0x" + "22".repeat(20));
        c.put("custos.ledger.contracts.accountability", "0x" + "33".repeat(20));
        return c;
    }

    private static LedgerSettings parse(Map<String, String> c) {
        return LedgerSettings.from(k -> Optional.ofNullable(c.get(k)));
    }

    @Test
    void validConfiguration() {
        LedgerSettings s = parse(valid());
        assertThat(s.syncEnabled()).isTrue();
        assertThat(s.endpoints()).containsExactly("http://node-a:8545", "http://node-b:8545");
        assertThat(s.checkpoint()).isEqualTo(new LedgerSettings.Checkpoint(0, HASH));
        assertThat(s.consensus()).isEqualTo(ConsensusKind.DEV);
        assertThat(s.batchSize()).isEqualTo(100);
        assertThat(s.prefetch()).isEqualTo(LedgerSettings.DEFAULT_PREFETCH).isEqualTo(2);
        Map<String, String> sequential = valid();
        sequential.put("custos.ledger.sync.prefetch", "0");
        assertThat(parse(sequential).prefetch()).isZero();
        assertThat(s.contracts().roleOf("0x" + "22".repeat(20))).isEqualTo("records");
    }

    @Test
    void checkpointWithNumberAndCliqueWithSigners() {
        Map<String, String> c = valid();
        c.put("custos.ledger.checkpoint", "1200:" + HASH.toUpperCase().replace("0X", "0x"));
        c.put("custos.ledger.consensus", "CLIQUE");
        c.put("custos.ledger.validators", "0x" + "AA".repeat(20));
        LedgerSettings s = parse(c);
        assertThat(s.checkpoint()).isEqualTo(new LedgerSettings.Checkpoint(1200, HASH));
        assertThat(s.validators()).containsExactly("0x" + "aa".repeat(20));
    }

    @Test
    void theSingleUrlVariableStillWorksAndWithoutCheckpointTheSyncIsOff() {
        LedgerSettings s = parse(Map.of("custos.ledger.url", "http://127.0.0.1:18545"));
        assertThat(s.endpoints()).containsExactly("http://127.0.0.1:18545");
        assertThat(s.syncEnabled()).isFalse();
        assertThat(parse(Map.of()).endpoints()).containsExactly(LedgerSettings.DEFAULT_URL);
    }

    @Test
    void clinicsMapPortalIdsToChainIds() {
        Map<String, String> c = valid();
        c.put("custos.ledger.clinics", "clinic-north=" + HASH + ",clinic-south=0x" + "cd".repeat(32));
        LedgerSettings s = parse(c);
        assertThat(s.chainClinicId("clinic-north")).contains(HASH);
        assertThat(s.chainClinicId("clinic-east")).isEmpty();
        assertThat(s.chainClinicId(HASH.toUpperCase().replace("0X", "0x"))).contains(HASH);
    }

    @Test
    void qbftAndIbft2NeedTheValidatorsAndAnEpochBlockAsCheckpoint() {
        Map<String, String> c = valid();
        c.put("custos.ledger.consensus", "qbft");
        c.put("custos.ledger.checkpoint", "60:" + HASH);
        c.put("custos.ledger.epoch-length", "30");
        c.put("custos.ledger.validators", "0x" + "AA".repeat(20) + ",0x" + "bb".repeat(20));
        LedgerSettings s = parse(c);
        assertThat(s.consensus()).isEqualTo(ConsensusKind.QBFT);
        assertThat(s.validators()).containsExactly("0x" + "aa".repeat(20), "0x" + "bb".repeat(20));
        assertThat(s.epochLength()).isEqualTo(30);

        c.put("custos.ledger.consensus", "IBFT2");
        assertThat(parse(c).consensus()).isEqualTo(ConsensusKind.IBFT2);

        c.put("custos.ledger.checkpoint", "61:" + HASH);
        assertThatThrownBy(() -> parse(c)).isInstanceOf(LedgerConfigException.class)
                .hasMessageContaining("custos.ledger.checkpoint").hasMessageContaining("epoch block");

        c.put("custos.ledger.checkpoint", "60:" + HASH);
        c.remove("custos.ledger.validators");
        assertThatThrownBy(() -> parse(c)).isInstanceOf(LedgerConfigException.class)
                .hasMessageContaining("CUSTOS_LEDGER_VALIDATORS");
    }

    @Test
    void eachBadValueIsRefusedWithTheSettingNamed() {
        assertRefused("custos.ledger.urls", "ftp://node", "not an http(s) URL");
        assertRefused("custos.ledger.urls", " , ", "no endpoint");
        assertRefused("custos.ledger.urls", "http://a:1,http://a:1", "listed twice");
        assertRefused("custos.ledger.checkpoint", "0x1234", "not a 32-byte 0x hash");
        assertRefused("custos.ledger.checkpoint", "x:" + HASH, "non-negative decimal");
        assertRefused("custos.ledger.consensus", "pow", "unknown consensus 'pow'");
        assertRefused("custos.ledger.consensus", "qbft", "custos.ledger.validators");
        assertRefused("custos.ledger.consensus", "clique", "custos.ledger.validators");
        assertRefused("custos.ledger.validators", "0x" + "aa".repeat(20), "must be empty for consensus DEV");
        assertRefused("custos.ledger.contracts.registry", "0x1234", "not a 20-byte 0x address");
        assertRefused("custos.ledger.contracts.records", "0x" + "11".repeat(20), "must differ");
        assertRefused("custos.ledger.clinics", "clinic-north", "clinic-name=0x");
        assertRefused("custos.ledger.sync.batch-size", "0", "custos.ledger.sync.batch-size");
        assertRefused("custos.ledger.sync.prefetch", "9", "custos.ledger.sync.prefetch");
        assertRefused("custos.ledger.sync.prefetch", "-1", "custos.ledger.sync.prefetch");
        assertRefused("custos.ledger.timeout-seconds", "five", "whole number");
        Map<String, String> missing = valid();
        missing.remove("custos.ledger.contracts.accountability");
        assertThatThrownBy(() -> parse(missing)).isInstanceOf(LedgerConfigException.class)
                .hasMessageContaining("CUSTOS_LEDGER_CONTRACTS_ACCOUNTABILITY");
        Map<String, String> noConsensus = valid();
        noConsensus.remove("custos.ledger.consensus");
        assertThatThrownBy(() -> parse(noConsensus)).hasMessageContaining("CUSTOS_LEDGER_CONSENSUS");
    }

    private static void assertRefused(String key, String value, String message) {
        Map<String, String> c = valid();
        c.put(key, value);
        assertThatThrownBy(() -> parse(c)).as(key + "=" + value).isInstanceOf(LedgerConfigException.class)
                .hasMessageContaining(message);
    }
}
