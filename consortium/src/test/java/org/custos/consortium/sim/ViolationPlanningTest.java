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
                default -> throw new AssertionError(v.kind());
            }
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
