package org.custos.consortium.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.custos.consortium.chain.Calls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.web3j.abi.FunctionEncoder;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/** Planning of time and violations, without a node. */
class ViolationPlanningTest {

    private static final long DAY = 86_400;

    private static SimulationParameters withRates(Map<Violation, Double> rates) {
        return new SimulationParameters(777L, 3, 60, 3, rates, 1);
    }

    private static Map<Violation, Double> allBut(Violation off) {
        Map<Violation, Double> rates = new EnumMap<>(SimulationParameters.all(1.0));
        rates.put(off, 0.0);
        return rates;
    }

    @ParameterizedTest
    @EnumSource(Violation.class)
    void eachKindIsPlantedWhenOnAndAbsentWhenOff(Violation kind) {
        Plan on = Simulator.plan(withRates(Map.of(kind, 1.0)));
        assertThat(on.violations()).isNotEmpty().allMatch(v -> v.kind() == kind);
        Plan allOn = Simulator.plan(withRates(SimulationParameters.all(1.0)));
        assertThat(allOn.violations()).anyMatch(v -> v.kind() == kind);
        Plan off = Simulator.plan(withRates(allBut(kind)));
        assertThat(off.violations()).isNotEmpty().noneMatch(v -> v.kind() == kind);
    }

    @Test
    void noRatesNoViolations() {
        assertThat(Simulator.plan(withRates(Map.of())).violations()).isEmpty();
        assertThat(Simulator.plan(new SimulationParameters(777L, 3, 60, 3)).violations()).isEmpty();
    }

    @Test
    void ratesBetweenZeroAndOnePlantSome() {
        Plan all = Simulator.plan(new SimulationParameters(5L, 3, 90, 6, SimulationParameters.all(1.0), 1));
        Plan half = Simulator.plan(new SimulationParameters(5L, 3, 90, 6, SimulationParameters.all(0.5), 1));
        assertThat(half.violations()).isNotEmpty().hasSizeLessThan(all.violations().size());
    }

    @Test
    void cleanClinicsGetNoViolationsButTheSameKindsOfEvents() {
        Plan plan = Simulator.plan(withRates(SimulationParameters.all(1.0)));
        assertThat(plan.violations()).noneMatch(v -> v.clinic() == 2);
        List<String> clean = plan.writes().stream().filter(w -> w.clinic() == 2).map(w -> w.function().getName())
                .distinct().toList();
        assertThat(clean).contains("commitRecord", "checkpoint", "grantConsent", "registerKey", "receiveRequest",
                "answerRequest", "anchorDocument", "detectBreach", "notifyBreach");
    }

    @Test
    void samePlanForTheSameSeedWithViolations() {
        Plan first = Simulator.plan(withRates(SimulationParameters.all(0.7)));
        Plan second = Simulator.plan(withRates(SimulationParameters.all(0.7)));
        assertThat(first.writes()).isEqualTo(second.writes());
        assertThat(first.violations()).usingRecursiveFieldByFieldElementComparator().isEqualTo(second.violations());
    }

    @Test
    void timeStartsAt2025AndStrictlyIncreasesOverTheMonths() {
        Plan plan = Simulator.plan(withRates(SimulationParameters.all(1.0)));
        assertThat(plan.writes().get(0).timestamp()).isEqualTo(1_735_689_600L);
        for (int i = 1; i < plan.writes().size(); i++) {
            assertThat(plan.writes().get(i).timestamp()).isGreaterThan(plan.writes().get(i - 1).timestamp());
        }
        long lastCheckpoint = plan.writes().stream().filter(w -> w.function().getName().equals("checkpoint"))
                .mapToLong(PlannedWrite::timestamp).max().orElseThrow();
        assertThat(lastCheckpoint).isGreaterThan(Simulator.monthStart(2)).isLessThan(Simulator.monthStart(3));
        assertThat(Simulator.monthStart(1)).isEqualTo(1_735_689_600L + 31 * DAY);
    }

    @Test
    void lateActsAreAfterTheirDeadlinesAndTheMissingOnesAreMissing() {
        Plan plan = Simulator.plan(withRates(SimulationParameters.all(1.0)));
        for (PlannedViolation v : plan.violations()) {
            switch (v.kind()) {
                case LATE_ERASURE, LATE_ANSWER, LATE_EXTENSION, LATE_BREACH_NOTICE -> {
                    assertThat(v.actual()).isGreaterThan(v.deadline());
                    assertThat(v.deadline()).isPositive();
                }
                case ERASURE_KEY_NOT_DESTROYED -> {
                    assertThat(v.actual()).isEqualTo(-1);
                    String keyId = v.objects().get("keyId");
                    assertThat(plan.writes()).noneMatch(w -> w.function().getName().equals("destroyKey")
                            && w.callData().contains(keyId.substring(2)));
                }
                case HHS_NOTICE_MISSING -> {
                    String breachId = v.objects().get("breachId").substring(2);
                    String hhs = "notifyBreach";
                    assertThat(plan.writes().stream().filter(w -> w.function().getName().equals(hhs)
                            && w.callData().contains(breachId)).map(PlannedWrite::callData))
                            .noneMatch(data -> data.contains(breachId + "0".repeat(63) + "1"));
                    String detect = plan.writes().get(v.writes().get(0).write()).callData();
                    long affected = Long.parseLong(detect.substring(detect.length() - 128, detect.length() - 64), 16);
                    assertThat(affected).isGreaterThanOrEqualTo(500);
                }
                case PLAIN_HASH_ON_CHAIN -> {
                    byte[] plain = Simulator.sha256(v.objects().get("identifier").getBytes(StandardCharsets.UTF_8));
                    assertThat(Numeric.toHexString(plain)).isEqualTo(v.objects().get("plainHash"));
                    assertThat(plan.writes().get(v.writes().get(0).write()).callData())
                            .contains(Numeric.toHexStringNoPrefix(plain));
                }
                case KMS_RECEIPT_WRONG_SIGNER ->
                        assertThat(v.objects().get("receiptSigner")).isNotEqualTo(v.objects().get("kmsAttestationKey"));
                case CLEARTEXT_PII_ON_CHAIN -> {
                    String ascii = Numeric.toHexStringNoPrefix(
                            v.objects().get("cleartext").getBytes(StandardCharsets.US_ASCII));
                    assertThat(v.objects().get("cleartext")).contains("@");
                    assertThat(plan.writes().get(v.writes().get(0).write()).callData()).contains(ascii);
                }
                case DISCLOSURE_INCOMPLETE -> {
                    String data = plan.writes().get(v.writes().get(0).write()).callData();
                    // recordDisclosure(clinicId, disclosureId, subject, recipientId, purposeId, dataCategory)
                    assertThat(data.substring(10 + 3 * 64, 10 + 5 * 64)).isEqualTo("0".repeat(128));
                }
                case LOG_ENTRIES_MISSING -> {
                    SimulatedClinic clinic = plan.clinics().get(v.clinic());
                    String checkpoint = plan.writes().get(v.writes().get(0).write()).callData();
                    long anchored = Long.parseLong(checkpoint.substring(10 + 64, 10 + 128), 16);
                    assertThat(Long.parseLong(v.objects().get("anchoredTreeSize"))).isEqualTo(anchored);
                    assertThat(clinic.accessLog().size()).isLessThan((int) anchored)
                            .isEqualTo(Integer.parseInt(v.objects().get("bundledEntries")));
                    assertThat(EvidenceBundle.read(EvidenceBundle.zip(clinic)))
                            .doesNotContainKey(v.objects().get("firstMissing"));
                }
                case LOG_ENTRY_TAMPERED -> {
                    SimulatedClinic clinic = plan.clinics().get(v.clinic());
                    byte[] stored = EvidenceBundle.read(EvidenceBundle.zip(clinic)).get(v.objects().get("entry"));
                    assertThat(Numeric.toHexString(org.custos.verify.merkle.MerkleTree.leafHash(stored)))
                            .isEqualTo(v.objects().get("bundledLeafHash"))
                            .isNotEqualTo(v.objects().get("anchoredLeafHash"));
                }
                case LOG_REWRITTEN -> {
                    SimulatedClinic clinic = plan.clinics().get(v.clinic());
                    String before = plan.writes().get(v.writes().get(0).write()).callData();
                    String after = plan.writes().get(v.writes().get(1).write()).callData();
                    assertThat(Long.parseLong(before.substring(10 + 64, 10 + 128), 16))
                            .isEqualTo(Long.parseLong(v.objects().get("earlierTreeSize")));
                    assertThat(Long.parseLong(after.substring(10 + 64, 10 + 128), 16))
                            .isEqualTo(Long.parseLong(v.objects().get("laterTreeSize")));
                    byte[] stored = EvidenceBundle.read(EvidenceBundle.zip(clinic)).get(v.objects().get("entry"));
                    assertThat(Numeric.toHexString(org.custos.verify.merkle.MerkleTree.leafHash(stored)))
                            .isEqualTo(v.objects().get("rewrittenLeafHash"))
                            .isNotEqualTo(v.objects().get("originalLeafHash"));
                }
                case ACCESS_AFTER_ERASURE, ACCESS_WITHOUT_CONSENT, ACCESS_AFTER_REVOCATION, BREAK_GLASS_NO_REVIEW,
                     CATEGORY_NOT_ALLOWED_FOR_ROLE -> {
                    SimulatedClinic clinic = plan.clinics().get(v.clinic());
                    OffChainRules.Entry entry = OffChainRules.entries(EvidenceBundle.read(EvidenceBundle.zip(clinic)))
                            .get(Integer.parseInt(v.objects().get("logIndex")));
                    assertThat(entry.path()).isEqualTo(v.objects().get("entry"));
                    assertThat(entry.recordId()).isEqualTo(v.objects().get("recordId"));
                    assertThat(entry.subject()).isEqualTo(v.objects().get("subject"));
                    assertThat(entry.role()).isEqualTo(v.objects().get("role"));
                    assertThat(java.time.Instant.ofEpochSecond(entry.recorded()).toString())
                            .isEqualTo(v.objects().get("recorded"));
                    // the entry is covered by the checkpoint the ground truth names
                    String checkpoint = plan.writes().get(v.writes().get(v.writes().size() - 1).write()).callData();
                    assertThat(Long.parseLong(checkpoint.substring(10 + 64, 10 + 128), 16))
                            .isGreaterThan(Long.parseLong(v.objects().get("logIndex")));
                    switch (v.kind()) {
                        case ACCESS_AFTER_ERASURE -> assertThat(entry.recorded())
                                .isGreaterThan(plan.writes().get(v.writes().get(0).write()).timestamp());
                        case ACCESS_WITHOUT_CONSENT -> {
                            assertThat(entry.purpose()).isEqualTo("HOPERAT");
                            assertThat(entry.consentId()).isNull();
                        }
                        case ACCESS_AFTER_REVOCATION -> {
                            assertThat(entry.consentId()).isEqualTo(v.objects().get("consentId"));
                            assertThat(entry.recorded())
                                    .isGreaterThan(plan.writes().get(v.writes().get(0).write()).timestamp());
                        }
                        case BREAK_GLASS_NO_REVIEW -> {
                            assertThat(entry.breakGlass()).isTrue();
                            assertThat(v.deadline()).isEqualTo(entry.recorded() + 7 * DAY);
                        }
                        default -> assertThat(entry.role()).isEqualTo("reception");
                    }
                }
                case RETENTION_EXCEEDED -> {
                    String keyId = v.objects().get("keyId").substring(2);
                    String commit = plan.writes().get(v.writes().get(0).write()).callData();
                    assertThat(commit).contains(keyId);
                    assertThat(v.deadline()).isEqualTo(plan.writes().get(v.writes().get(0).write()).timestamp()
                            + Codes.APPOINTMENT_RETENTION_DAYS * DAY);
                    assertThat(plan.writes()).noneMatch(w -> w.function().getName().equals("destroyKey")
                            && w.callData().contains(keyId) && w.timestamp() <= v.deadline() + Retention.GRACE);
                }
                default -> throw new AssertionError(v.kind());
            }
        }
    }

    /**
     * The newer kinds draw from their own random streams: switching one off changes no write of the history
     * (except checkpoints and review anchors, whose content depends on the log, and the kind's own key
     * destructions) and no other violation (their log indexes aside).
     */
    @ParameterizedTest
    @EnumSource(value = Violation.class, names = {"LOG_ENTRIES_MISSING", "LOG_ENTRY_TAMPERED", "LOG_REWRITTEN",
        "ACCESS_AFTER_ERASURE", "ACCESS_WITHOUT_CONSENT", "ACCESS_AFTER_REVOCATION", "BREAK_GLASS_NO_REVIEW",
        "CATEGORY_NOT_ALLOWED_FOR_ROLE", "RETENTION_EXCEEDED"})
    void switchingANewerKindOffChangesNoOtherChoice(Violation kind) {
        Plan on = Simulator.plan(withRates(SimulationParameters.all(1.0)));
        Plan off = Simulator.plan(withRates(allBut(kind)));
        java.util.Set<String> logDependent = java.util.Set.of("checkpoint", "anchorDocument", "destroyKey");
        assertThat(off.writes().stream().filter(w -> !logDependent.contains(w.function().getName()))
                .map(PlannedWrite::toString).toList())
                .isEqualTo(on.writes().stream().filter(w -> !logDependent.contains(w.function().getName()))
                        .map(PlannedWrite::toString).toList());
        assertThat(on.violations()).anyMatch(v -> v.kind() == kind);
        List<PlannedViolation> others = on.violations().stream().filter(v -> v.kind() != kind).toList();
        assertThat(off.violations()).hasSameSizeAs(others);
        for (int i = 0; i < others.size(); i++) {
            PlannedViolation expected = others.get(i);
            PlannedViolation actual = off.violations().get(i);
            assertThat(actual.kind()).isEqualTo(expected.kind());
            assertThat(actual.clinic()).isEqualTo(expected.clinic());
            if (!expected.objects().containsKey("logIndex") && !expected.kind().name().startsWith("LOG_")) {
                assertThat(actual.objects()).isEqualTo(expected.objects());
            }
        }
    }

    @Test
    void offChainRulesFindExactlyThePlantedAccessAndRetentionViolations() {
        for (SimulationParameters parameters : List.of(withRates(SimulationParameters.all(1.0)),
                new SimulationParameters(2025L, 5, 100, 12, SimulationParameters.all(0.5), 1))) {
            Plan plan = Simulator.plan(parameters);
            java.util.Set<String> planted = OffChainRules.planted(plan);
            assertThat(planted).isNotEmpty();
            assertThat(OffChainRules.findings(plan)).isEqualTo(planted);
        }
    }

    @Test
    void honestHistoriesHaveNoOffChainFindings() {
        assertThat(OffChainRules.findings(Simulator.plan(withRates(Map.of())))).isEmpty();
        Plan year = Simulator.plan(new SimulationParameters(2025L, 5, 100, 12));
        assertThat(OffChainRules.findings(year)).isEmpty();
        // honest break-glass accesses exist at every clinic, each with its anchored review in the bundle
        for (SimulatedClinic clinic : year.clinics()) {
            Map<String, byte[]> bundle = EvidenceBundle.read(EvidenceBundle.zip(clinic));
            assertThat(OffChainRules.entries(bundle)).anyMatch(OffChainRules.Entry::breakGlass);
            assertThat(bundle.keySet()).contains(Documents.breakGlassReview(1), Documents.ACCESS_POLICY,
                    Documents.ACCESS_POLICY_JSON, Documents.ROPA_JSON);
        }
        // and honest keys of appointment data are destroyed at retention end
        assertThat(year.writes().stream().filter(w -> w.function().getName().equals("destroyKey")).count())
                .isGreaterThan(year.writes().stream().filter(w -> w.function().getName().equals("receiveRequest"))
                        .count());
    }

    @Test
    void aRewrittenLogMatchesOnlyTheLaterCheckpointAndIsNotConsistentWithTheEarlier() {
        Plan plan = Simulator.plan(withRates(Map.of(Violation.LOG_REWRITTEN, 1.0)));
        assertThat(plan.violations()).isNotEmpty();
        for (PlannedViolation v : plan.violations()) {
            Map<String, byte[]> bundle = EvidenceBundle.read(EvidenceBundle.zip(plan.clinics().get(v.clinic())));
            List<byte[]> leaves = new java.util.ArrayList<>();
            for (int i = 0; bundle.containsKey(EvidenceBundle.logPath(i)); i++) {
                leaves.add(org.custos.verify.merkle.MerkleTree.leafHash(bundle.get(EvidenceBundle.logPath(i))));
            }
            PlannedWrite before = plan.writes().get(v.writes().get(0).write());
            PlannedWrite after = plan.writes().get(v.writes().get(1).write());
            int n1 = ((java.math.BigInteger) OffChainRules.arg(before, 1)).intValueExact();
            int n2 = ((java.math.BigInteger) OffChainRules.arg(after, 1)).intValueExact();
            byte[] r1 = (byte[]) OffChainRules.arg(before, 2);
            byte[] r2 = (byte[]) OffChainRules.arg(after, 2);
            assertThat(org.custos.verify.merkle.MerkleTree.rootHash(leaves.subList(0, n2))).isEqualTo(r2);
            assertThat(org.custos.verify.merkle.MerkleTree.rootHash(leaves.subList(0, n1))).isNotEqualTo(r1);
            List<byte[]> proof = org.custos.verify.merkle.MerkleTree.consistencyProof(leaves.subList(0, n2), n1);
            assertThat(org.custos.verify.merkle.ConsistencyProofVerifier.verifyConsistency(n1, n2, r1, r2, proof)
                    .verified()).isFalse();
            // with the original entry back, the earlier checkpoint is the root of the log as first logged
            int rewritten = Integer.parseInt(v.objects().get("entry").replaceAll("\\D", ""));
            leaves.set(rewritten, Numeric.hexStringToByteArray(v.objects().get("originalLeafHash")));
            assertThat(org.custos.verify.merkle.MerkleTree.rootHash(leaves.subList(0, n1))).isEqualTo(r1);
        }
    }

    @Test
    void cleanClinicAnswersInTimeAndSignsReceiptsWithItsKmsKey() throws Exception {
        Plan plan = Simulator.plan(withRates(SimulationParameters.all(1.0)));
        SimulatedClinic clean = plan.clinics().get(2);
        for (KmsReceipt receipt : clean.kmsReceipts()) {
            byte[] signature = Numeric.hexStringToByteArray(receipt.signature());
            Sign.SignatureData data = new Sign.SignatureData(signature[64], java.util.Arrays.copyOfRange(signature, 0, 32),
                    java.util.Arrays.copyOfRange(signature, 32, 64));
            String signer = "0x" + org.web3j.crypto.Keys.getAddress(
                    Sign.signedPrefixedMessageToKey(receipt.json().getBytes(StandardCharsets.UTF_8), data));
            assertThat(signer).isEqualTo(clean.kmsAttestationKey().getAddress());
        }
        String id = Numeric.toHexStringNoPrefix(clean.clinicId());
        Map<String, Long> received = new java.util.HashMap<>();
        for (PlannedWrite w : plan.writes()) {
            if (w.clinic() != 2) {
                continue;
            }
            String data = w.callData();
            String requestId = data.length() >= 138 ? data.substring(74, 138) : "";
            if (w.function().getName().equals("receiveRequest")) {
                received.put(requestId, w.timestamp());
            } else if (w.function().getName().equals("answerRequest")) {
                assertThat(w.timestamp()).isLessThanOrEqualTo(Simulator.plusMonths(received.get(requestId), 1));
            }
            assertThat(data).contains(id);
        }
        assertThat(received).isNotEmpty();
    }

    @Test
    void plusMonthsIsCalendarArithmetic() {
        long jan31 = 1_735_689_600L + 30 * DAY;
        assertThat(Simulator.plusMonths(jan31, 1)).isEqualTo(1_735_689_600L + (31 + 27) * DAY);
        assertThat(FunctionEncoder.encode(Calls.checkpoint(new byte[32], 0, new byte[32]))).isNotEmpty();
    }
}
