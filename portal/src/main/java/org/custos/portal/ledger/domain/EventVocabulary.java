package org.custos.portal.ledger.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The words of the consortium's event codes, in one place for the rules, the pages and the exports. Each enumerated
 * event field maps to one code list:
 *
 * <table>
 *   <caption>Event fields and their code lists</caption>
 *   <tr><th>field</th><th>code list</th><th>source</th></tr>
 *   <tr><td>jurisdiction</td><td>{@link #JURISDICTION}</td><td>ConsortiumRegistry.Jurisdiction</td></tr>
 *   <tr><td>requestType</td><td>{@link #REQUEST_TYPE}</td><td>AccountabilityRegistry.RequestType</td></tr>
 *   <tr><td>regime</td><td>{@link #REGIME}</td><td>AccountabilityRegistry.Regime</td></tr>
 *   <tr><td>outcome</td><td>{@link #OUTCOME}</td><td>AccountabilityRegistry.Outcome</td></tr>
 *   <tr><td>risk</td><td>{@link #RISK}</td><td>AccountabilityRegistry.Risk</td></tr>
 *   <tr><td>audience</td><td>{@link #AUDIENCE}</td><td>AccountabilityRegistry.Audience</td></tr>
 *   <tr><td>scheme</td><td>{@link #SCHEME}</td><td>docs/consortium.md code list (uint8)</td></tr>
 *   <tr><td>purposeId</td><td>{@link #PURPOSE}</td><td>docs/consortium.md code list (uint16)</td></tr>
 *   <tr><td>dataCategory</td><td>{@link #DATA_CATEGORY}</td><td>docs/consortium.md code list (uint16)</td></tr>
 *   <tr><td>docType</td><td>{@link #DOC_TYPE}</td><td>docs/consortium.md code list (uint16)</td></tr>
 *   <tr><td>basisCode</td><td>{@link #basis}</td><td>docs/consortium.md: (Art 6(1) letter &lt;&lt; 8) | Art 9(2) letter</td></tr>
 *   <tr><td>legalGround</td><td>{@link #legalGround}</td><td>0 = none, otherwise the clinic's exception code</td></tr>
 *   <tr><td>expiry, awareAt</td><td>{@link #epochSeconds}</td><td>seconds since the epoch (expiry 0 = none)</td></tr>
 * </table>
 *
 * <p>The Solidity enums are the contracts' own ({@code consortium/src/main/solidity/*.sol}, checked against the
 * source text by EventVocabularyTest); an enum's code is its position. A code outside its list is shown as
 * {@code unknown code N}, never guessed at and never an exception: the contracts record codes as given and the
 * auditor judges them. Every other field (ids, hashes, counts, versions) is shown as it was decoded.
 */
public final class EventVocabulary {

    /** ConsortiumRegistry.Jurisdiction: where a clinic is established. */
    public static final class Jurisdiction {
        public static final int EU = 0;
        public static final int UK = 1;
        public static final int US = 2;

        private Jurisdiction() {
        }
    }

    /** AccountabilityRegistry.RequestType. */
    public static final class RequestType {
        public static final int ACCESS = 0;
        public static final int ERASURE = 1;
        public static final int RECTIFICATION = 2;
        public static final int ACCOUNTING = 3;

        private RequestType() {
        }
    }

    /** AccountabilityRegistry.Regime: the regime a request declares. */
    public static final class Regime {
        public static final int GDPR = 0;
        public static final int UK_GDPR = 1;
        public static final int HIPAA = 2;

        private Regime() {
        }
    }

    /** AccountabilityRegistry.Outcome of an answered request. */
    public static final class Outcome {
        public static final int FULFILLED = 0;
        public static final int PARTIAL = 1;
        public static final int REFUSED = 2;

        private Outcome() {
        }
    }

    /** AccountabilityRegistry.Risk of a breach. */
    public static final class Risk {
        public static final int UNLIKELY = 0;
        public static final int RISK = 1;
        public static final int HIGH = 2;

        private Risk() {
        }
    }

    /** AccountabilityRegistry.Audience of a breach notice. */
    public static final class Audience {
        public static final int AUTHORITY = 0;
        public static final int HHS = 1;
        public static final int SUBJECTS = 2;
        public static final int MEDIA = 3;

        private Audience() {
        }
    }

    /** docs/consortium.md {@code docType} codes. */
    public static final class DocType {
        public static final int ROPA = 1;
        public static final int DPIA = 2;
        public static final int ACCESS_POLICY = 3;
        public static final int BREAK_GLASS_REVIEW = 4;
        public static final int ROPA_JSON = 5;
        public static final int ACCESS_POLICY_JSON = 6;

        private DocType() {
        }
    }

    public static final CodeList JURISDICTION = CodeList.ofEnum("ConsortiumRegistry.Jurisdiction", "EU", "UK", "US");
    public static final CodeList REQUEST_TYPE = CodeList.ofEnum("AccountabilityRegistry.RequestType",
            "ACCESS", "ERASURE", "RECTIFICATION", "ACCOUNTING");
    public static final CodeList REGIME = CodeList.ofEnum("AccountabilityRegistry.Regime", "GDPR", "UK_GDPR", "HIPAA");
    public static final CodeList OUTCOME = CodeList.ofEnum("AccountabilityRegistry.Outcome",
            "FULFILLED", "PARTIAL", "REFUSED");
    public static final CodeList RISK = CodeList.ofEnum("AccountabilityRegistry.Risk", "UNLIKELY", "RISK", "HIGH");
    public static final CodeList AUDIENCE = CodeList.ofEnum("AccountabilityRegistry.Audience",
            "AUTHORITY", "HHS", "SUBJECTS", "MEDIA");
    public static final CodeList SCHEME = CodeList.of("scheme", Map.of(
            1, "HMAC-SHA-256 under an off-chain key", 2, "salted SHA-256", 3, "Pedersen"));
    public static final CodeList PURPOSE = CodeList.of("purposeId", Map.of(
            1, "treatment", 2, "payment", 3, "health-care operations"));
    public static final CodeList DATA_CATEGORY = CodeList.of("dataCategory", Map.of(
            1, "clinical note", 2, "imaging", 3, "lab result", 4, "prescription", 5, "appointment and contact data"));
    public static final CodeList DOC_TYPE = CodeList.of("docType", Map.of(
            DocType.ROPA, "records of processing (RoPA)", DocType.DPIA, "DPIA",
            DocType.ACCESS_POLICY, "access policy", DocType.BREAK_GLASS_REVIEW, "break-glass review",
            DocType.ROPA_JSON, "RoPA, machine-readable part", DocType.ACCESS_POLICY_JSON,
            "access policy, machine-readable part"));

    /** The code list of each enumerated field, by field name. */
    private static final Map<String, CodeList> BY_FIELD = Map.of(
            "jurisdiction", JURISDICTION, "requestType", REQUEST_TYPE, "regime", REGIME, "outcome", OUTCOME,
            "risk", RISK, "audience", AUDIENCE, "scheme", SCHEME, "purposeId", PURPOSE,
            "dataCategory", DATA_CATEGORY, "docType", DOC_TYPE);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One decoded field as shown: its name, its value in words, and the raw value as decoded from the log. */
    public record Field(String name, String words, String raw) {

        /** Whether the words say more than the raw value. */
        public boolean decoded() {
            return !words.equals(raw);
        }

        /** Words and, when they differ, the raw value: {@code EU (2)}. */
        public String display() {
            return decoded() ? words + " (" + raw + ")" : raw;
        }
    }

    private EventVocabulary() {
    }

    /** The code list of an enumerated field, or null when the field is not enumerated. */
    public static CodeList codeListOf(String field) {
        return BY_FIELD.get(field);
    }

    /** A field's value in words; the raw value itself when the field carries no code. */
    public static String words(String field, String raw) {
        if (raw == null) {
            return "";
        }
        CodeList list = BY_FIELD.get(field);
        if (list != null) {
            return list.nameOf(raw);
        }
        return switch (field) {
            case "basisCode" -> basis(raw);
            case "legalGround" -> legalGround(raw);
            case "expiry" -> "0".equals(raw) ? "no expiry" : epochSeconds(raw);
            case "awareAt" -> epochSeconds(raw);
            default -> raw;
        };
    }

    /**
     * A value named after an event field as people read it: a number of an enumerated or composed field in words
     * with the raw value in brackets ({@code lab result (3)}); anything else, including a value already in words
     * (a rule's {@code requestType} "ACCESS"), unchanged.
     */
    public static String display(String field, String value) {
        if (value == null || parse(value) == null
                || (!BY_FIELD.containsKey(field) && !List.of("basisCode", "legalGround").contains(field))) {
            return value;
        }
        String words = words(field, value);
        return words.equals(value) ? value : words + " (" + value.trim() + ")";
    }

    /**
     * The fields of a stored event ({@link VerifiedEvent#getFieldsJson()}, the codec's flat JSON object), each in
     * words and raw, in the order decoded. Text that is not such an object gives one field {@code fields} holding it.
     */
    public static List<Field> describe(String fieldsJson) {
        List<Field> out = new ArrayList<>();
        if (fieldsJson == null || fieldsJson.isBlank()) {
            return out;
        }
        try {
            JsonNode node = JSON.readTree(fieldsJson);
            if (node == null || !node.isObject()) {
                out.add(new Field("fields", fieldsJson, fieldsJson));
                return out;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String raw = f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString();
                out.add(new Field(f.getKey(), words(f.getKey(), raw), raw));
            }
        } catch (IOException e) {
            out.add(new Field("fields", fieldsJson, fieldsJson));
        }
        return out;
    }

    /** The fields in words with their raw values, one line: {@code regime: HIPAA (2), requestType: ACCESS (0)}. */
    public static String summary(String fieldsJson) {
        StringBuilder b = new StringBuilder();
        for (Field f : describe(fieldsJson)) {
            b.append(b.length() == 0 ? "" : ", ").append(f.name()).append(": ").append(f.display());
        }
        return b.toString();
    }

    /**
     * A {@code basisCode}: {@code (Art 6(1) letter << 8) | Art 9(2) letter}, letters a = 1 (Art 6(1) has a-f, Art
     * 9(2) a-j; 0 = no Art 9 condition). Anything else is an unknown code.
     */
    public static String basis(String raw) {
        Integer code = parse(raw);
        if (code == null || code < 0 || code > 0xFFFF) {
            return unknown(raw);
        }
        int art6 = code >> 8;
        int art9 = code & 0xFF;
        if (art6 < 1 || art6 > 6 || art9 > 10) {
            return unknown(raw);
        }
        String six = "Art 6(1)(" + (char) ('a' + art6 - 1) + ")";
        return art9 == 0 ? six : six + " with Art 9(2)(" + (char) ('a' + art9 - 1) + ")";
    }

    /** A {@code legalGround}: 0 is none; any other value is the clinic's exception code, shown as such. */
    public static String legalGround(String raw) {
        Integer code = parse(raw);
        if (code == null) {
            return unknown(raw);
        }
        return code == 0 ? "none" : "exception code " + code;
    }

    /** Seconds since the epoch in the portal's time format (InstantConverter's), or unknown when not a number in range. */
    public static String epochSeconds(String raw) {
        try {
            return TIME.format(Instant.ofEpochSecond(Long.parseLong(raw.trim())));
        } catch (RuntimeException e) {
            return unknown(raw);
        }
    }

    static String unknown(String raw) {
        return "unknown code " + raw;
    }

    static Integer parse(String raw) {
        try {
            return Integer.valueOf(raw.trim());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
