package org.custos.consortium.sim;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.StringType;
import org.web3j.abi.datatypes.Type;
import org.web3j.utils.Numeric;

/**
 * A test-side evaluation of the off-chain access and retention rules over a plan's writes and its clinics' evidence
 * bundles, independent of how the simulator planted anything: it reads the entries from the bundle zip and the
 * policies from the bundle's JSON documents, and reports findings as "KIND clinic object" strings (the object is the
 * entry path, or the key id for retention).
 */
final class OffChainRules {

    private static final Pattern POLICY_ROLE = Pattern.compile("\\{\"categories\":\\[([0-9,]*)\\],\"role\":\"(\\w+)\"\\}");
    private static final Pattern ROPA_CATEGORY = Pattern.compile(
            "\\{\"category\":(\\d+),\"name\":\"[^\"]*\",\"retentionDays\":(\\d+)\\}");

    private OffChainRules() {
    }

    /** A parsed access-log entry. */
    record Entry(String path, long recorded, String role, String subject, String recordId, String purpose,
                 int category, String consentId, boolean breakGlass, byte[] bytes) {
    }

    static List<Entry> entries(Map<String, byte[]> bundle) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; bundle.containsKey(EvidenceBundle.logPath(i)); i++) {
            byte[] bytes = bundle.get(EvidenceBundle.logPath(i));
            AuditEvent event = FhirEvidence.parse(AuditEvent.class, bytes);
            String consent = event.getEntity().size() > 2
                    ? event.getEntity().get(2).getWhat().getIdentifier().getValue() : null;
            String purpose = event.getPurposeOfEventFirstRep().getCodingFirstRep().getCode();
            boolean breakGlass = ((BooleanType) event.getExtensionByUrl(FhirEvidence.BREAK_GLASS_EXTENSION)
                    .getValue()).booleanValue();
            int category = Integer.parseInt(((StringType) event.getEntity().get(1)
                    .getExtensionByUrl(FhirEvidence.DATA_CATEGORY_EXTENSION).getValue()).getValue());
            Coding role = event.getAgentFirstRep().getRoleFirstRep().getCodingFirstRep();
            entries.add(new Entry(EvidenceBundle.logPath(i), event.getRecorded().getTime() / 1000, role.getCode(),
                    event.getEntity().get(0).getWhat().getIdentifier().getValue(),
                    event.getEntity().get(1).getWhat().getIdentifier().getValue(), purpose, category, consent,
                    breakGlass, bytes));
        }
        return entries;
    }

    static int purposeId(String code) {
        return switch (code) {
            case "TREAT" -> 1;
            case "HPAYMT" -> 2;
            case "HOPERAT" -> 3;
            default -> throw new IllegalArgumentException(code);
        };
    }

    /** Every finding of the six rules over every clinic of the plan. */
    static Set<String> findings(Plan plan) {
        Set<String> findings = new HashSet<>();
        long head = plan.writes().get(plan.writes().size() - 1).timestamp();
        for (int c = 0; c < plan.clinics().size(); c++) {
            SimulatedClinic clinic = plan.clinics().get(c);
            Map<String, byte[]> bundle = EvidenceBundle.read(EvidenceBundle.zip(clinic));
            findings.addAll(findings(plan, c, bundle, head));
        }
        return findings;
    }

    private static Set<String> findings(Plan plan, int c, Map<String, byte[]> bundle, long head) {
        Set<String> findings = new HashSet<>();
        Map<String, String> keyOfRecord = new HashMap<>();
        Map<String, Long> recordTime = new HashMap<>();
        Map<String, Integer> recordCategory = new HashMap<>();
        Map<String, Long> destroyed = new HashMap<>();
        Map<String, List<long[]>> grants = new HashMap<>(); // subject/purpose -> {grantedAt, revokedAt or MAX}
        Map<String, long[]> consentById = new HashMap<>();
        Map<String, Long> anchored = new HashMap<>(); // docHash -> time (docType 4 only)
        for (PlannedWrite w : plan.writes()) {
            if (w.clinic() != c) {
                continue;
            }
            switch (w.function().getName()) {
                case "commitRecord" -> {
                    String record = hex(arg(w, 1));
                    keyOfRecord.put(record, hex(arg(w, 4)));
                    recordTime.put(record, w.timestamp());
                    recordCategory.put(record, ((BigInteger) arg(w, 7)).intValueExact());
                }
                case "destroyKey" -> destroyed.put(hex(arg(w, 1)), w.timestamp());
                case "grantConsent" -> {
                    long[] span = {w.timestamp(), Long.MAX_VALUE};
                    grants.computeIfAbsent(hex(arg(w, 2)) + "/" + arg(w, 3), k -> new ArrayList<>()).add(span);
                    consentById.put(hex(arg(w, 1)), span);
                }
                case "revokeConsent" -> consentById.get(hex(arg(w, 1)))[1] = w.timestamp();
                case "anchorDocument" -> {
                    if (((BigInteger) arg(w, 1)).intValueExact() == Codes.DOC_BREAK_GLASS_REVIEW) {
                        anchored.put(hex(arg(w, 2)), w.timestamp());
                    }
                }
                default -> {
                }
            }
        }
        Map<String, Set<Integer>> allowed = new HashMap<>();
        Matcher roles = POLICY_ROLE.matcher(text(bundle.get(Documents.ACCESS_POLICY_JSON)));
        while (roles.find()) {
            Set<Integer> categories = new HashSet<>();
            for (String category : roles.group(1).split(",")) {
                categories.add(Integer.parseInt(category));
            }
            allowed.put(roles.group(2), categories);
        }
        Map<Integer, Long> retentionDays = new HashMap<>();
        Matcher ropa = ROPA_CATEGORY.matcher(text(bundle.get(Documents.ROPA_JSON)));
        while (ropa.find()) {
            retentionDays.put(Integer.parseInt(ropa.group(1)), Long.parseLong(ropa.group(2)));
        }
        List<String> reviews = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : bundle.entrySet()) {
            Long at = anchored.get(hex(Simulator.sha256(file.getValue())));
            if (file.getKey().startsWith("documents/break-glass-review-") && at != null) {
                reviews.add(at + " " + text(file.getValue()));
            }
        }
        for (Entry e : entries(bundle)) {
            String prefix = " " + c + " " + e.path();
            Long keyDestroyed = destroyed.get(keyOfRecord.get(e.recordId()));
            if (keyDestroyed != null && keyDestroyed < e.recorded()) {
                findings.add(Violation.ACCESS_AFTER_ERASURE + prefix);
            }
            List<long[]> spans = grants.getOrDefault(e.subject() + "/" + purposeId(e.purpose()), List.of());
            if (spans.stream().noneMatch(s -> s[0] <= e.recorded())) {
                findings.add(Violation.ACCESS_WITHOUT_CONSENT + prefix);
            } else if (spans.stream().noneMatch(s -> s[0] <= e.recorded() && e.recorded() < s[1])) {
                findings.add(Violation.ACCESS_AFTER_REVOCATION + prefix);
            }
            if (e.breakGlass() && reviews.stream().noneMatch(r -> r.contains("| " + e.path() + " |")
                    && Long.parseLong(r.substring(0, r.indexOf(' '))) <= e.recorded() + CareViolations.REVIEW_WITHIN)) {
                findings.add(Violation.BREAK_GLASS_NO_REVIEW + prefix);
            }
            if (!allowed.getOrDefault(e.role(), Set.of()).contains(e.category())) {
                findings.add(Violation.CATEGORY_NOT_ALLOWED_FOR_ROLE + prefix);
            }
        }
        for (Map.Entry<String, Long> record : recordTime.entrySet()) {
            long end = record.getValue() + retentionDays.get(recordCategory.get(record.getKey())) * 86_400;
            long lapse = end + Retention.GRACE;
            Long keyDestroyed = destroyed.get(keyOfRecord.get(record.getKey()));
            if (lapse < head && (keyDestroyed == null || keyDestroyed > lapse)) {
                findings.add(Violation.RETENTION_EXCEEDED + " " + c + " " + keyOfRecord.get(record.getKey()));
            }
        }
        return findings;
    }

    /** The planted violations of the six kinds, in the same form. */
    static Set<String> planted(Plan plan) {
        Set<String> planted = new HashSet<>();
        for (PlannedViolation v : plan.violations()) {
            switch (v.kind()) {
                case ACCESS_AFTER_ERASURE, ACCESS_WITHOUT_CONSENT, ACCESS_AFTER_REVOCATION, BREAK_GLASS_NO_REVIEW,
                     CATEGORY_NOT_ALLOWED_FOR_ROLE ->
                        planted.add(v.kind() + " " + v.clinic() + " " + v.objects().get("entry"));
                case RETENTION_EXCEEDED -> planted.add(v.kind() + " " + v.clinic() + " " + v.objects().get("keyId"));
                default -> {
                }
            }
        }
        return planted;
    }

    @SuppressWarnings("rawtypes")
    static Object arg(PlannedWrite write, int index) {
        return ((Type) write.function().getInputParameters().get(index)).getValue();
    }

    private static String hex(Object bytes) {
        return Numeric.toHexString((byte[]) bytes);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
