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
                case LOG_REWRITTEN -> {
                    ChainEvent before = decoder.decode(receipts.get(0)).get(0);
                    ChainEvent after = decoder.decode(receipts.get(1)).get(0);
                    int n1 = Integer.parseInt(before.field("treeSize"));
                    int n2 = Integer.parseInt(after.field("treeSize"));
                    List<byte[]> leaves = leaves(plan, v.clinic());
                    assertThat(leaves.size()).isGreaterThanOrEqualTo(n1);
                    assertThat(Numeric.toHexString(MerkleTree.rootHash(leaves.subList(0, n1))))
                            .isNotEqualTo(before.field("rootHash"));
                    if (leaves.size() >= n2) { // else LOG_ENTRIES_MISSING at the same clinic took its tail
                        assertThat(Numeric.toHexString(MerkleTree.rootHash(leaves.subList(0, n2))))
                                .isEqualTo(after.field("rootHash"));
                        List<byte[]> proof = MerkleTree.consistencyProof(leaves.subList(0, n2), n1);
                        assertThat(org.custos.verify.merkle.ConsistencyProofVerifier.verifyConsistency(n1, n2,
                                Numeric.hexStringToByteArray(before.field("rootHash")),
                                Numeric.hexStringToByteArray(after.field("rootHash")), proof).verified()).isFalse();
                    }
                    int rewritten = Integer.parseInt(v.objects().get("entry").replaceAll("\\D", ""));
                    leaves.set(rewritten, Numeric.hexStringToByteArray(v.objects().get("originalLeafHash")));
                    assertThat(Numeric.toHexString(MerkleTree.rootHash(leaves.subList(0, n1))))
                            .isEqualTo(before.field("rootHash"));
                }
                case ACCESS_AFTER_ERASURE, ACCESS_WITHOUT_CONSENT, ACCESS_AFTER_REVOCATION, BREAK_GLASS_NO_REVIEW,
                     CATEGORY_NOT_ALLOWED_FOR_ROLE -> {
                    Map<String, byte[]> bundle = EvidenceBundle.read(EvidenceBundle.zip(plan.clinics().get(v.clinic())));
                    int index = Integer.parseInt(v.objects().get("logIndex"));
                    OffChainRules.Entry entry = OffChainRules.entries(bundle).get(index);
                    ChainEvent checkpoint = decoder.decode(receipts.get(receipts.size() - 1)).get(0);
                    assertThat(checkpoint.name()).isEqualTo("AuditCheckpoint");
                    assertThat(Integer.parseInt(checkpoint.field("treeSize"))).isGreaterThan(index);
                    switch (v.kind()) {
                        case ACCESS_AFTER_ERASURE -> {
                            ChainEvent destroyed = decoder.decode(receipts.get(0)).get(0);
                            assertThat(destroyed.name()).isEqualTo("KeyDestroyed");
                            assertThat(destroyed.field("keyId")).isEqualTo(v.objects().get("keyId"));
                            assertThat(events).anyMatch(e -> e.name().equals("RecordCommitted")
                                    && e.field("recordId").equals(entry.recordId())
                                    && e.field("keyId").equals(v.objects().get("keyId")));
                            assertThat(blockTime(web3j, receipts.get(0))).isLessThan(entry.recorded());
                        }
                        case ACCESS_WITHOUT_CONSENT -> {
                            assertThat(decoder.decode(receipts.get(0)).get(0).field("recordId"))
                                    .isEqualTo(entry.recordId());
                            assertThat(events).noneMatch(e -> e.name().equals("ConsentGranted")
                                    && e.field("subjectPseudonym").equals(entry.subject())
                                    && e.field("purposeId").equals(Integer.toString(
                                            OffChainRules.purposeId(entry.purpose()))));
                        }
                        case ACCESS_AFTER_REVOCATION -> {
                            ChainEvent revoked = decoder.decode(receipts.get(0)).get(0);
                            assertThat(revoked.name()).isEqualTo("ConsentRevoked");
                            assertThat(revoked.field("consentId")).isEqualTo(entry.consentId());
                            assertThat(blockTime(web3j, receipts.get(0))).isLessThan(entry.recorded());
                        }
                        case BREAK_GLASS_NO_REVIEW -> {
                            assertThat(entry.breakGlass()).isTrue();
                            Set<String> reviewHashes = new java.util.HashSet<>();
                            bundle.forEach((path, bytes) -> {
                                if (new String(bytes, StandardCharsets.UTF_8).contains("| " + entry.path() + " |")) {
                                    reviewHashes.add(Numeric.toHexString(Simulator.sha256(bytes)));
                                }
                            });
                            assertThat(events).noneMatch(e -> e.name().equals("DocumentAnchored")
                                    && e.field("clinicId").equals(clinicId) && reviewHashes.contains(e.field("docHash")));
                            // honest clinics anchor their reviews (docType 4)
                            assertThat(events).anyMatch(e -> e.name().equals("DocumentAnchored")
                                    && !e.field("clinicId").equals(clinicId) && e.field("docType").equals("4"));
                        }
                        default -> {
                            byte[] policy = bundle.get(Documents.ACCESS_POLICY_JSON);
                            assertThat(events).anyMatch(e -> e.name().equals("DocumentAnchored")
                                    && e.field("clinicId").equals(clinicId) && e.field("docType").equals("6")
                                    && e.field("docHash").equals(Numeric.toHexString(Simulator.sha256(policy))));
                            assertThat(new String(policy, StandardCharsets.UTF_8))
                                    .contains("{\"categories\":[" + v.objects().get("allowedCategories")
                                            + "],\"role\":\"" + entry.role() + "\"}");
                            assertThat(v.objects().get("allowedCategories").split(","))
                                    .doesNotContain(Integer.toString(entry.category()));
                        }
                    }
                }
                case RETENTION_EXCEEDED -> {
                    ChainEvent committed = decoder.decode(receipts.get(0)).get(0);
                    assertThat(committed.field("dataCategory")).isEqualTo("5");
                    assertThat(committed.field("keyId")).isEqualTo(v.objects().get("keyId"));
                    long end = blockTime(web3j, receipts.get(0)) + Codes.APPOINTMENT_RETENTION_DAYS * 86_400L;
                    assertThat(v.deadline()).isEqualTo(end);
                    long head = web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf("latest"), false).send()
                            .getBlock().getTimestamp().longValueExact();
                    assertThat(head).isGreaterThan(end + Retention.GRACE);
                    for (int i = 0; i < events.size(); i++) {
                        if (events.get(i).name().equals("KeyDestroyed")
                                && events.get(i).field("keyId").equals(v.objects().get("keyId"))) {
                            assertThat(v.actual()).isGreaterThan(end + Retention.GRACE);
                        }
                    }
                }
                default -> throw new AssertionError(v.kind());
            }
        }
        assertSignedTreeHeads(plan, result, web3j);
    }

    /** Each clinic's bundle holds, per AuditCheckpoint on the chain, its tree head signed by the admitted logSigner. */
    private static void assertSignedTreeHeads(Plan plan, SimulationRun.Result result, Web3j web3j) throws Exception {
        EventDecoder decoder = result.consortium().decoder();
        for (int c = 0; c < plan.clinics().size(); c++) {
            String clinicId = Numeric.toHexString(plan.clinics().get(c).clinicId());
            String logSigner = result.events().stream().filter(e -> e.name().equals("ClinicAdmitted")
                    && e.field("clinicId").equals(clinicId)).findFirst().orElseThrow().field("logSigner");
            Map<String, byte[]> bundle = EvidenceBundle.read(EvidenceBundle.zip(plan.clinics().get(c)));
            int k = 0;
            for (TransactionReceipt receipt : result.receipts()) {
                for (ChainEvent event : decoder.decode(receipt)) {
                    if (event.name().equals("AuditCheckpoint") && event.field("clinicId").equals(clinicId)) {
                        byte[] json = bundle.get(EvidenceBundle.treeHeadPath(k));
                        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"clinic\":\"" + clinicId
                                + "\",\"rootHash\":\"" + event.field("rootHash") + "\",\"time\":"
                                + blockTime(web3j, receipt) + ",\"treeSize\":" + event.field("treeSize") + "}");
                        byte[] signature = Numeric.hexStringToByteArray(new String(bundle.get(
                                String.format("checkpoints/%06d.sig", k)), StandardCharsets.US_ASCII));
                        Sign.SignatureData data = new Sign.SignatureData(signature[64],
                                Arrays.copyOfRange(signature, 0, 32), Arrays.copyOfRange(signature, 32, 64));
                        assertThat("0x" + Keys.getAddress(Sign.signedPrefixedMessageToKey(json, data)))
                                .isEqualToIgnoringCase(logSigner);
                        k++;
                    }
                }
            }
            assertThat(k).isEqualTo(3);
            assertThat(bundle).doesNotContainKey(EvidenceBundle.treeHeadPath(k));
        }
    }

    /** The leaf hashes of a clinic's bundled log, with a tampered entry (if any) put back as anchored. */
    private static List<byte[]> leaves(Plan plan, int clinic) {
        Map<String, byte[]> bundle = EvidenceBundle.read(EvidenceBundle.zip(plan.clinics().get(clinic)));
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; bundle.containsKey(EvidenceBundle.logPath(i)); i++) {
            leaves.add(MerkleTree.leafHash(bundle.get(EvidenceBundle.logPath(i))));
        }
        for (PlannedViolation other : plan.violations()) {
            if (other.clinic() == clinic && other.kind() == Violation.LOG_ENTRY_TAMPERED) {
                leaves.set(Integer.parseInt(other.objects().get("entry").replaceAll("\\D", "")),
                        Numeric.hexStringToByteArray(other.objects().get("anchoredLeafHash")));
            }
        }
        return leaves;
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
