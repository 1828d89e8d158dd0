package org.custos.consortium.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custos.consortium.chain.ChainEvent;
import org.custos.consortium.chain.ChainWriter;
import org.custos.consortium.chain.EventDecoder;
import org.custos.consortium.chain.Gas;
import org.custos.consortium.testing.AnvilNode;
import org.custos.verify.merkle.MerkleTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * A small scenario with every violation on, on a fresh anvil: each planted violation is really in the chain data
 * (block times against deadlines, missing events missing, the plain hash in a log, the wrong receipt signer), the
 * clean clinic has no entry, and the {@code simulate} command on a second fresh anvil writes the same ground truth.
 */
class ViolationsIT {

    private static final long SEED = 4_2025L;
    private static final String[] ARGS = {"--seed", Long.toString(SEED), "--clinics", "3", "--months", "3",
        "--patients", "36", "--violations", "all=1.0"};

    @Test
    void plantedViolationsAreOnChainAndTheGroundTruthIsDeterministic(@TempDir Path temp) throws Exception {
        Plan plan = Simulator.plan(new SimulationParameters(SEED, 3, 36, 3, SimulationParameters.all(1.0), 1));
        Path first = temp.resolve("first");
        try (AnvilNode node = AnvilNode.start()) {
            ChainWriter admin = new ChainWriter(node.web3j(), Credentials.create(AnvilNode.DEV_KEYS[0]),
                    AnvilNode.CHAIN_ID, Gas.ANVIL);
            SimulationRun.Result result = SimulationRun.run(plan, new HttpService(node.url()), admin,
                    AnvilNode.CHAIN_ID, Gas.ANVIL);
            GroundTruth.write(plan, result, first);
            assertOnChain(plan, result, node.web3j());
        }
        String groundTruth = Files.readString(first.resolve("ground-truth.json"));
        Set<Violation> kinds = EnumSet.noneOf(Violation.class);
        plan.violations().forEach(v -> kinds.add(v.kind()));
        assertThat(kinds).containsExactlyInAnyOrder(Violation.values());
        for (Violation kind : Violation.values()) {
            assertThat(groundTruth).contains("\"rule\": \"" + kind.ruleId() + "\", \"kind\": \"" + kind.name() + "\"");
        }
        String clean = Numeric.toHexString(plan.clinics().get(2).clinicId());
        assertThat(groundTruth).doesNotContain("\"clinic\": \"" + clean + "\", \"clinicIndex\"");
        assertThat(plan.violations()).noneMatch(v -> v.clinic() == 2);

        Path second = temp.resolve("second");
        try (AnvilNode node = AnvilNode.start()) {
            List<String> args = new ArrayList<>(Arrays.asList(ARGS));
            args.addAll(List.of("--rpc", node.url(), "--out", second.toString()));
            Simulate.main(args.toArray(String[]::new));
        }
        assertThat(Files.readAllBytes(second.resolve("ground-truth.json")))
                .isEqualTo(groundTruth.getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readAllBytes(second.resolve("kms-receipts.json")))
                .isEqualTo(Files.readAllBytes(first.resolve("kms-receipts.json")));
        for (int c = 0; c < plan.clinics().size(); c++) {
            assertThat(Files.readAllBytes(second.resolve("bundles/clinic-" + c + ".zip")))
                    .isEqualTo(EvidenceBundle.zip(plan.clinics().get(c)));
        }
    }

    private static void assertOnChain(Plan plan, SimulationRun.Result result, Web3j web3j) throws Exception {
        EventDecoder decoder = result.consortium().decoder();
        List<ChainEvent> events = result.events();
        for (int i = 0; i < plan.writes().size(); i += 17) {
            assertThat(blockTime(web3j, result.receipts().get(i))).isEqualTo(plan.writes().get(i).timestamp());
        }
        for (PlannedViolation v : plan.violations()) {
            String clinicId = Numeric.toHexString(plan.clinics().get(v.clinic()).clinicId());
            List<TransactionReceipt> receipts = v.writes().stream()
                    .map(ref -> result.receipts().get(ref.write())).toList();
            for (TransactionReceipt receipt : receipts) {
                assertThat(decoder.decode(receipt).get(0).field("clinicId")).isEqualTo(clinicId);
            }
            switch (v.kind()) {
                case LATE_ERASURE -> {
                    ChainEvent destroyed = decoder.decode(receipts.get(1)).get(0);
                    assertThat(destroyed.name()).isEqualTo("KeyDestroyed");
                    assertThat(destroyed.field("keyId")).isEqualTo(v.objects().get("keyId"));
                    long received = blockTime(web3j, receipts.get(0));
                    assertThat(blockTime(web3j, receipts.get(1))).isGreaterThan(Simulator.plusMonths(received, 1))
                            .isEqualTo(v.actual());
                    assertThat(v.deadline()).isEqualTo(Simulator.plusMonths(received, 1));
                }
                case ERASURE_KEY_NOT_DESTROYED -> {
                    assertThat(decoder.decode(receipts.get(0)).get(0).field("requestType")).isEqualTo("1");
                    assertThat(decoder.decode(receipts.get(1)).get(0).field("outcome")).isEqualTo("0");
                    assertThat(events).noneMatch(e -> e.name().equals("KeyDestroyed")
                            && e.field("keyId").equals(v.objects().get("keyId")));
                    assertThat(events).anyMatch(e -> e.name().equals("KeyRegistered")
                            && e.field("keyId").equals(v.objects().get("keyId")));
                }
                case KMS_RECEIPT_WRONG_SIGNER -> {
                    ChainEvent destroyed = decoder.decode(receipts.get(1)).get(0);
                    KmsReceipt receipt = plan.clinics().get(v.clinic()).kmsReceipts().stream()
                            .filter(r -> Numeric.toHexString(r.sha256()).equals(destroyed.field("kmsDeletionReceiptHash")))
                            .findFirst().orElseThrow();
                    String registered = events.stream().filter(e -> e.name().equals("ClinicAdmitted")
                            && e.field("clinicId").equals(clinicId)).findFirst().orElseThrow()
                            .field("kmsAttestationKey");
                    assertThat(recover(receipt)).isEqualTo(receipt.signer()).isNotEqualToIgnoringCase(registered);
                }
                case LATE_ANSWER -> assertThat(blockTime(web3j, receipts.get(1)))
                        .isGreaterThan(Simulator.plusMonths(blockTime(web3j, receipts.get(0)), 1));
                case LATE_EXTENSION -> {
                    assertThat(decoder.decode(receipts.get(1)).get(0).name()).isEqualTo("RequestExtended");
                    long received = blockTime(web3j, receipts.get(0));
                    assertThat(blockTime(web3j, receipts.get(1))).isGreaterThan(Simulator.plusMonths(received, 1));
                    assertThat(blockTime(web3j, receipts.get(2))).isLessThanOrEqualTo(Simulator.plusMonths(received, 3));
                }
                case LATE_BREACH_NOTICE -> {
                    ChainEvent detected = decoder.decode(receipts.get(0)).get(0);
                    ChainEvent notified = decoder.decode(receipts.get(1)).get(0);
                    assertThat(notified.field("audience")).isEqualTo("0");
                    assertThat(blockTime(web3j, receipts.get(1)))
                            .isGreaterThan(Long.parseLong(detected.field("awareAt")) + 72 * 3600);
                }
                case HHS_NOTICE_MISSING -> {
                    ChainEvent detected = decoder.decode(receipts.get(0)).get(0);
                    assertThat(Long.parseLong(detected.field("affectedCount"))).isGreaterThanOrEqualTo(500);
                    assertThat(events).anyMatch(e -> e.name().equals("BreachNotified")
                            && e.field("breachId").equals(v.objects().get("breachId")));
                    assertThat(events).noneMatch(e -> e.name().equals("BreachNotified")
                            && e.field("breachId").equals(v.objects().get("breachId")) && e.field("audience").equals("1"));
                }
                case PLAIN_HASH_ON_CHAIN -> {
                    String plain = Numeric.toHexString(Simulator.sha256(
                            v.objects().get("identifier").getBytes(StandardCharsets.UTF_8)));
                    assertThat(decoder.decode(receipts.get(0)).get(0).field("subjectPseudonym")).isEqualTo(plain);
                    assertThat(receipts.get(0).getLogs().get(0).getTopics()).contains(plain);
                }
                case CLEARTEXT_PII_ON_CHAIN -> {
                    ChainEvent disclosure = decoder.decode(receipts.get(0)).get(0);
                    byte[] recipient = Numeric.hexStringToByteArray(disclosure.field("recipientId"));
                    assertThat(new String(recipient, StandardCharsets.US_ASCII).replace("\0", ""))
                            .isEqualTo(v.objects().get("cleartext"));
                }
                case DISCLOSURE_INCOMPLETE -> {
                    ChainEvent disclosure = decoder.decode(receipts.get(0)).get(0);
                    assertThat(disclosure.field("recipientId")).isEqualTo(Numeric.toHexString(new byte[32]));
                    assertThat(disclosure.field("purposeId")).isEqualTo("0");
                }
                case LOG_ENTRIES_MISSING -> {
                    ChainEvent checkpoint = decoder.decode(receipts.get(0)).get(0);
                    Map<String, byte[]> bundle = EvidenceBundle.read(EvidenceBundle.zip(plan.clinics().get(v.clinic())));
                    int treeSize = Integer.parseInt(checkpoint.field("treeSize"));
                    assertThat(bundle).doesNotContainKey(EvidenceBundle.logPath(treeSize - 1))
                            .containsKey(EvidenceBundle.logPath(0));
                    assertThat(events.stream().filter(e -> e.name().equals("AuditCheckpoint")
                            && e.field("clinicId").equals(clinicId)).reduce((x, y) -> y).orElseThrow())
                            .isEqualTo(checkpoint);
                }
                case LOG_ENTRY_TAMPERED -> {
                    ChainEvent checkpoint = decoder.decode(receipts.get(0)).get(0);
                    assertThat(checkpoint.name()).isEqualTo("AuditCheckpoint");
                    Map<String, byte[]> bundle = EvidenceBundle.read(EvidenceBundle.zip(plan.clinics().get(v.clinic())));
                    List<byte[]> leaves = new ArrayList<>();
                    for (int i = 0; i < Integer.parseInt(checkpoint.field("treeSize")); i++) {
                        leaves.add(MerkleTree.leafHash(bundle.get(EvidenceBundle.logPath(i))));
                    }
                    assertThat(Numeric.toHexString(MerkleTree.rootHash(leaves)))
                            .isNotEqualTo(checkpoint.field("rootHash"));
                    int tampered = Integer.parseInt(v.objects().get("entry").replaceAll("\\D", ""));
                    leaves.set(tampered, Numeric.hexStringToByteArray(v.objects().get("anchoredLeafHash")));
                    assertThat(Numeric.toHexString(MerkleTree.rootHash(leaves))).isEqualTo(checkpoint.field("rootHash"));
                }
                default -> throw new AssertionError(v.kind());
            }
        }
    }

    private static String recover(KmsReceipt receipt) throws Exception {
        byte[] signature = Numeric.hexStringToByteArray(receipt.signature());
        Sign.SignatureData data = new Sign.SignatureData(signature[64], Arrays.copyOfRange(signature, 0, 32),
                Arrays.copyOfRange(signature, 32, 64));
        return "0x" + Keys.getAddress(Sign.signedPrefixedMessageToKey(
                receipt.json().getBytes(StandardCharsets.UTF_8), data));
    }

    private static long blockTime(Web3j web3j, TransactionReceipt receipt) throws Exception {
        return web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(receipt.getBlockNumber()), false).send()
                .getBlock().getTimestamp().longValueExact();
    }
}
