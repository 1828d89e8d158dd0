package org.custos.consortium.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The ground truth of a run: every planted violation with its catalogue rule id, clinic, the objects involved,
 * the transactions (hash, block, log index, block time) and the legal deadline and actual time where one applies.
 * Written as JSON with a fixed key order and no wall-clock content: same plan on a fresh node, same bytes.
 */
public final class GroundTruth {

    private GroundTruth() {
    }

    public static String json(Plan plan, SimulationRun.Result result) {
        SimulationParameters p = plan.parameters();
        StringBuilder out = new StringBuilder();
        out.append("{\n");
        out.append("  \"seed\": ").append(p.seed()).append(",\n");
        out.append("  \"clinics\": ").append(p.clinics()).append(",\n");
        out.append("  \"patients\": ").append(p.patients()).append(",\n");
        out.append("  \"months\": ").append(p.months()).append(",\n");
        out.append("  \"start\": ").append(time(Simulator.START)).append(",\n");
        out.append("  \"rates\": {");
        String separator = "";
        for (Violation kind : Violation.values()) {
            out.append(separator).append(string(kind.name())).append(": ").append(p.rate(kind));
            separator = ", ";
        }
        out.append("},\n");
        out.append("  \"contracts\": {\"registry\": ").append(string(result.consortium().registry()))
                .append(", \"records\": ").append(string(result.consortium().records()))
                .append(", \"accountability\": ").append(string(result.consortium().accountability()))
                .append("},\n");
        out.append("  \"clinicProfiles\": [");
        separator = "\n";
        for (int i = 0; i < plan.clinics().size(); i++) {
            SimulatedClinic clinic = plan.clinics().get(i);
            int index = i;
            boolean clean = plan.violations().stream().noneMatch(v -> v.clinic() == index);
            out.append(separator).append("    {\"index\": ").append(i).append(", \"clinic\": ")
                    .append(string(Simulator.hex(clinic.clinicId()))).append(", \"jurisdiction\": ")
                    .append(string(clinic.jurisdiction().name())).append(", \"hipaaCoveredEntity\": ")
                    .append(clinic.hipaaCoveredEntity()).append(", \"kmsAttestationKey\": ")
                    .append(string(clinic.kmsAttestationKey().getAddress())).append(", \"logSigner\": ")
                    .append(string(clinic.logSigner().getAddress())).append(", \"clean\": ").append(clean)
                    .append("}");
            separator = ",\n";
        }
        out.append("\n  ],\n");
        out.append("  \"violations\": [");
        separator = "\n";
        for (PlannedViolation v : plan.violations()) {
            out.append(separator).append("    {\"rule\": ").append(string(v.kind().ruleId()))
                    .append(", \"kind\": ").append(string(v.kind().name()))
                    .append(", \"clinic\": ").append(string(Simulator.hex(plan.clinics().get(v.clinic()).clinicId())))
                    .append(", \"clinicIndex\": ").append(v.clinic())
                    .append(",\n      \"objects\": {");
            String inner = "";
            for (Map.Entry<String, String> object : new TreeMap<>(v.objects()).entrySet()) {
                out.append(inner).append(string(object.getKey())).append(": ").append(string(object.getValue()));
                inner = ", ";
            }
            out.append("},\n      \"transactions\": [");
            inner = "";
            for (PlannedViolation.Ref ref : v.writes()) {
                TransactionReceipt receipt = result.receipts().get(ref.write());
                List<Log> logs = receipt.getLogs();
                out.append(inner).append("\n        {\"role\": ").append(string(ref.role()))
                        .append(", \"tx\": ").append(string(receipt.getTransactionHash()))
                        .append(", \"block\": ").append(receipt.getBlockNumber())
                        .append(", \"logIndex\": ").append(logs.isEmpty() ? "null" : logs.get(0).getLogIndex())
                        .append(", \"time\": ").append(time(plan.writes().get(ref.write()).timestamp()))
                        .append("}");
                inner = ",";
            }
            out.append("],\n      \"deadline\": ").append(v.deadline() < 0 ? "null" : time(v.deadline()))
                    .append(", \"actual\": ").append(v.actual() < 0 ? "null" : time(v.actual()))
                    .append("}");
            separator = ",\n";
        }
        out.append(plan.violations().isEmpty() ? "]\n" : "\n  ]\n");
        out.append("}\n");
        return out.toString();
    }

    /** Writes ground-truth.json and kms-receipts.json (every KMS deletion receipt, per clinic) into the directory. */
    public static void write(Plan plan, SimulationRun.Result result, Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("ground-truth.json"), json(plan, result), StandardCharsets.UTF_8);
        StringBuilder receipts = new StringBuilder("[");
        String separator = "\n";
        for (SimulatedClinic clinic : plan.clinics()) {
            for (KmsReceipt receipt : clinic.kmsReceipts()) {
                receipts.append(separator).append("  {\"clinic\": ").append(string(Simulator.hex(clinic.clinicId())))
                        .append(", \"receipt\": ").append(string(receipt.json()))
                        .append(", \"sha256\": ").append(string(Simulator.hex(receipt.sha256())))
                        .append(", \"signature\": ").append(string(receipt.signature()))
                        .append(", \"signer\": ").append(string(receipt.signer())).append("}");
                separator = ",\n";
            }
        }
        receipts.append("\n]\n");
        Files.writeString(directory.resolve("kms-receipts.json"), receipts.toString(), StandardCharsets.UTF_8);
    }


    private static String time(long epochSeconds) {
        return string(Instant.ofEpochSecond(epochSeconds).toString());
    }

    private static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
