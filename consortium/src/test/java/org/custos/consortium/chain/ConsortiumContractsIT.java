package org.custos.consortium.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.custos.consortium.chain.Calls.Jurisdiction;
import org.custos.consortium.testing.AnvilNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The access rule of the consortium contracts on a real node (anvil, London rules, chain id 4242): a clinic's
 * registered, non-suspended writer writes for that clinic and its events carry the right fields; another clinic's
 * writer, an unregistered address and a suspended clinic's writer are refused (mined with status 0, no event);
 * only the admin admits and suspends.
 */
class ConsortiumContractsIT {

    private static final byte[] CLINIC_A = id("clinic-a");
    private static final byte[] CLINIC_B = id("clinic-b");

    private static AnvilNode node;
    private static ChainWriter admin;
    private static ChainWriter writerA;
    private static ChainWriter writerB;
    private static ChainWriter outsider;
    private static ChainWriter writerC;
    private static Consortium consortium;
    private static EventDecoder decoder;

    @BeforeAll
    static void deployAndAdmit() throws Exception {
        node = AnvilNode.start();
        admin = writer(0);
        writerA = writer(1);
        writerB = writer(2);
        outsider = writer(3);
        writerC = new ChainWriter(node.web3j(), Credentials.create(hex(id("writer-c key"))), AnvilNode.CHAIN_ID,
                Gas.ANVIL);
        assertThat(admin.transfer(writerC.address(), BigInteger.TEN.pow(18)).isStatusOK()).isTrue();
        consortium = Consortium.deploy(admin);
        decoder = consortium.decoder();

        TransactionReceipt admitted = admin.send(consortium.registry(), Calls.admit(CLINIC_A, Jurisdiction.EU, false,
                writerA.address(), address("kms-a"), address("log-a")));
        assertThat(admitted.isStatusOK()).isTrue();
        assertThat(decoder.decode(admitted)).singleElement().satisfies(event -> {
            assertThat(event.name()).isEqualTo("ClinicAdmitted");
            assertThat(event.field("clinicId")).isEqualTo(hex(CLINIC_A));
            assertThat(event.field("jurisdiction")).isEqualTo("0");
            assertThat(event.field("hipaaCoveredEntity")).isEqualTo("false");
            assertThat(event.field("writer")).isEqualTo(writerA.address());
            assertThat(event.field("kmsAttestationKey")).isEqualTo(address("kms-a"));
            assertThat(event.field("logSigner")).isEqualTo(address("log-a"));
        });
        assertAccepted(admin, consortium.registry(), Calls.admit(CLINIC_B, Jurisdiction.US, true,
                writerB.address(), address("kms-b"), address("log-b")));
    }

    @AfterAll
    static void stopNode() throws InterruptedException {
        if (node != null) {
            node.close();
            assertThat(node.isAlive()).isFalse();
        }
        assertThat(ProcessHandle.current().descendants()
                .filter(p -> p.info().command().orElse("").endsWith("/anvil"))).isEmpty();
    }

    @Test
    void writerCommitsRecordCheckpointAndConsentForItsOwnClinic() {
        byte[] record = id("record-1");
        byte[] commitment = id("hmac-of-record-1");
        TransactionReceipt committed = assertAccepted(writerA, consortium.records(),
                Calls.commitRecord(CLINIC_A, record, commitment, 1, id("key-1"), 3, 9, 7));
        assertThat(decoder.decode(committed)).singleElement().satisfies(event -> {
            assertThat(event.contract()).isEqualTo(ContractArtifact.RECORD_REGISTRY);
            assertThat(event.name()).isEqualTo("RecordCommitted");
            assertThat(event.fields()).containsExactly(
                    entry("clinicId", hex(CLINIC_A)), entry("recordId", hex(record)),
                    entry("commitment", hex(commitment)), entry("scheme", "1"), entry("keyId", hex(id("key-1"))),
                    entry("purposeId", "3"), entry("basisCode", "9"), entry("dataCategory", "7"));
        });

        byte[] root = id("root-42");
        TransactionReceipt checkpointed = assertAccepted(writerA, consortium.records(),
                Calls.checkpoint(CLINIC_A, 42, root));
        assertThat(decoder.decode(checkpointed)).singleElement().satisfies(event -> {
            assertThat(event.name()).isEqualTo("AuditCheckpoint");
            assertThat(event.fields()).containsExactly(entry("clinicId", hex(CLINIC_A)), entry("treeSize", "42"),
                    entry("rootHash", hex(root)));
        });

        TransactionReceipt consented = assertAccepted(writerB, consortium.records(),
                Calls.grantConsent(CLINIC_B, id("consent-1"), id("subject-1"), 4, id("policy-v1"), 1_900_000_000L));
        assertThat(decoder.decode(consented)).singleElement().satisfies(event -> {
            assertThat(event.name()).isEqualTo("ConsentGranted");
            assertThat(event.fields()).containsExactly(entry("clinicId", hex(CLINIC_B)),
                    entry("consentId", hex(id("consent-1"))), entry("subjectPseudonym", hex(id("subject-1"))),
                    entry("purposeId", "4"), entry("policyHash", hex(id("policy-v1"))), entry("expiry", "1900000000"));
        });
    }

    @Test
    void everyClinicScopedFunctionTakesOnlyItsClinicsWriterAndEmitsOneEvent() {
        byte[] subject = id("subject-2");
        List<Object[]> calls = List.of(
                new Object[] {consortium.records(), Calls.supersedeRecord(CLINIC_B, id("old"), id("new")),
                    "RecordSuperseded"},
                new Object[] {consortium.records(), Calls.revokeConsent(CLINIC_B, id("consent-2"), subject, 4),
                    "ConsentRevoked"},
                new Object[] {consortium.records(), Calls.registerKey(CLINIC_B, id("key-2"), subject, id("kc")),
                    "KeyRegistered"},
                new Object[] {consortium.records(), Calls.destroyKey(CLINIC_B, id("key-2"), id("kms-receipt")),
                    "KeyDestroyed"},
                new Object[] {consortium.accountability(), Calls.receiveRequest(CLINIC_B, id("request-1"), subject,
                    Calls.RequestType.ERASURE, Calls.Regime.HIPAA), "RequestReceived"},
                new Object[] {consortium.accountability(), Calls.extendRequest(CLINIC_B, id("request-1"),
                    id("reasons")), "RequestExtended"},
                new Object[] {consortium.accountability(), Calls.answerRequest(CLINIC_B, id("request-1"),
                    Calls.Outcome.PARTIAL, 3, id("reply")), "RequestAnswered"},
                new Object[] {consortium.accountability(), Calls.recordDisclosure(CLINIC_B, id("disclosure-1"),
                    subject, id("recipient"), 2, 5), "DisclosureRecorded"},
                new Object[] {consortium.accountability(), Calls.detectBreach(CLINIC_B, id("breach-1"),
                    1_800_000_000L, 501, Calls.Risk.HIGH), "BreachDetected"},
                new Object[] {consortium.accountability(), Calls.notifyBreach(CLINIC_B, id("breach-1"),
                    Calls.Audience.HHS, id("notice")), "BreachNotified"},
                new Object[] {consortium.accountability(), Calls.anchorDocument(CLINIC_B, 2, id("dpia"), 3),
                    "DocumentAnchored"});
        for (Object[] call : calls) {
            String contract = (String) call[0];
            Function function = (Function) call[1];
            assertRefused(writerA, contract, function);
            assertRefused(outsider, contract, function);
            List<ChainEvent> events = decoder.decode(assertAccepted(writerB, contract, function));
            assertThat(events).as(function.getName()).singleElement().satisfies(event -> {
                assertThat(event.name()).isEqualTo(call[2]);
                assertThat(event.field("clinicId")).isEqualTo(hex(CLINIC_B));
            });
        }
    }

    @Test
    void accountabilityEventsCarryTheirFields() {
        TransactionReceipt detected = assertAccepted(writerA, consortium.accountability(),
                Calls.detectBreach(CLINIC_A, id("breach-a"), 1_800_000_123L, 42, Calls.Risk.RISK));
        assertThat(decoder.decode(detected)).singleElement().satisfies(event -> assertThat(event.fields())
                .containsExactly(entry("clinicId", hex(CLINIC_A)), entry("breachId", hex(id("breach-a"))),
                        entry("awareAt", "1800000123"), entry("affectedCount", "42"), entry("risk", "1")));
        TransactionReceipt received = assertAccepted(writerA, consortium.accountability(),
                Calls.receiveRequest(CLINIC_A, id("request-a"), id("subject-a"), Calls.RequestType.ACCOUNTING,
                        Calls.Regime.UK_GDPR));
        assertThat(decoder.decode(received)).singleElement().satisfies(event -> assertThat(event.fields())
                .containsExactly(entry("clinicId", hex(CLINIC_A)), entry("requestId", hex(id("request-a"))),
                        entry("subjectPseudonym", hex(id("subject-a"))), entry("requestType", "3"),
                        entry("regime", "1")));
    }

    @Test
    void anotherClinicsWriterIsRefused() {
        assertRefused(writerB, consortium.records(), Calls.commitRecord(CLINIC_A, id("r"), id("c"), 1, id("k"), 1, 1, 1));
        assertRefused(writerB, consortium.records(), Calls.checkpoint(CLINIC_A, 1, id("root")));
        assertRefused(writerA, consortium.records(),
                Calls.grantConsent(CLINIC_B, id("consent"), id("s"), 1, id("p"), 0));
        assertRefused(writerA, consortium.accountability(), Calls.anchorDocument(CLINIC_B, 1, id("doc"), 1));
    }

    @Test
    void unregisteredAddressIsRefused() {
        assertRefused(outsider, consortium.records(), Calls.commitRecord(CLINIC_A, id("r"), id("c"), 1, id("k"), 1, 1, 1));
        assertRefused(outsider, consortium.records(), Calls.checkpoint(CLINIC_B, 1, id("root")));
        assertRefused(outsider, consortium.records(), Calls.grantConsent(CLINIC_A, id("c"), id("s"), 1, id("p"), 0));
        assertRefused(admin, consortium.records(), Calls.checkpoint(CLINIC_A, 1, id("root")));
        assertRefused(writerA, consortium.records(), Calls.checkpoint(id("never-admitted"), 1, id("root")));
    }

    @Test
    void suspendedClinicsWriterIsRefused() {
        byte[] clinicC = id("clinic-c");
        assertAccepted(admin, consortium.registry(), Calls.admit(clinicC, Jurisdiction.UK, false, writerC.address(),
                address("kms-c"), address("log-c")));
        assertAccepted(writerC, consortium.records(), Calls.checkpoint(clinicC, 1, id("root-1")));
        assertThat(isActiveWriter(clinicC, writerC.address())).isTrue();

        TransactionReceipt suspended = assertAccepted(admin, consortium.registry(), Calls.suspend(clinicC));
        assertThat(decoder.decode(suspended)).singleElement().satisfies(event -> assertThat(event.fields())
                .containsExactly(entry("clinicId", hex(clinicC))));

        assertThat(isActiveWriter(clinicC, writerC.address())).isFalse();
        assertRefused(writerC, consortium.records(), Calls.checkpoint(clinicC, 2, id("root-2")));
        assertRefused(writerC, consortium.records(),
                Calls.commitRecord(clinicC, id("r"), id("c"), 1, id("k"), 1, 1, 1));
        assertRefused(writerC, consortium.accountability(), Calls.anchorDocument(clinicC, 1, id("doc"), 1));
    }

    @Test
    void onlyTheAdminAdmitsAndSuspends() {
        byte[] clinicD = id("clinic-d");
        assertRefused(writerA, consortium.registry(), Calls.admit(clinicD, Jurisdiction.EU, false,
                writerA.address(), address("kms-d"), address("log-d")));
        assertRefused(outsider, consortium.registry(), Calls.admit(clinicD, Jurisdiction.EU, false,
                outsider.address(), address("kms-d"), address("log-d")));
        assertThat(isActiveWriter(clinicD, writerA.address())).isFalse();
        assertThat(isActiveWriter(clinicD, outsider.address())).isFalse();

        assertRefused(writerA, consortium.registry(), Calls.suspend(CLINIC_B));
        assertRefused(writerB, consortium.registry(), Calls.suspend(CLINIC_B));
        assertRefused(writerA, consortium.registry(), Calls.update(CLINIC_A, Jurisdiction.EU, false,
                outsider.address(), address("kms-a"), address("log-a")));
        assertThat(isActiveWriter(CLINIC_B, writerB.address())).isTrue();
        assertThat(isActiveWriter(CLINIC_A, writerA.address())).isTrue();
        assertAccepted(writerB, consortium.records(), Calls.checkpoint(CLINIC_B, 7, id("root-7")));
    }

    private static TransactionReceipt assertAccepted(ChainWriter from, String contract, Function function) {
        TransactionReceipt receipt = from.send(contract, function);
        assertThat(receipt.isStatusOK()).as(function.getName() + " from " + from.address()).isTrue();
        return receipt;
    }

    private static void assertRefused(ChainWriter from, String contract, Function function) {
        TransactionReceipt receipt = from.send(contract, function);
        assertThat(receipt.isStatusOK()).as(function.getName() + " from " + from.address() + " must revert")
                .isFalse();
        assertThat(receipt.getLogs()).isEmpty();
    }

    private static boolean isActiveWriter(byte[] clinicId, String account) {
        List<Type> result = admin.call(consortium.registry(), Calls.isActiveWriter(clinicId, account));
        return (Boolean) result.get(0).getValue();
    }

    private static ChainWriter writer(int devKey) {
        return new ChainWriter(node.web3j(), Credentials.create(AnvilNode.DEV_KEYS[devKey]), AnvilNode.CHAIN_ID,
                Gas.ANVIL);
    }

    private static byte[] id(String label) {
        return Hash.sha3(label.getBytes(StandardCharsets.UTF_8));
    }

    private static String address(String label) {
        return Numeric.toHexString(id(label)).substring(0, 42);
    }

    private static String hex(byte[] bytes) {
        return Numeric.toHexString(bytes);
    }

    private static Map.Entry<String, String> entry(String key, String value) {
        return Map.entry(key, value);
    }
}
