package org.custos.portal.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The vocabulary against the contracts' own source text, the documented code lists and malformed values. */
class EventVocabularyTest {

    private static final Path SOLIDITY = Path.of("..", "consortium", "src", "main", "solidity");
    private static final Pattern ENUM = Pattern.compile("enum\\s+(\\w+)\\s*\\{([^}]*)}");

    /** Every enum declared in the contracts, "Contract.Enum" to its members in order. */
    private static Map<String, List<String>> solidityEnums() throws IOException {
        Map<String, List<String>> enums = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(SOLIDITY)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sol")).sorted().toList()) {
                String contract = f.getFileName().toString().replace(".sol", "");
                Matcher m = ENUM.matcher(Files.readString(f));
                while (m.find()) {
                    enums.put(contract + "." + m.group(1),
                            Arrays.stream(m.group(2).split(",")).map(String::trim).toList());
                }
            }
        }
        return enums;
    }

    private static final Map<String, CodeList> ENUM_LISTS = Map.of(
            "ConsortiumRegistry.Jurisdiction", EventVocabulary.JURISDICTION,
            "AccountabilityRegistry.RequestType", EventVocabulary.REQUEST_TYPE,
            "AccountabilityRegistry.Regime", EventVocabulary.REGIME,
            "AccountabilityRegistry.Outcome", EventVocabulary.OUTCOME,
            "AccountabilityRegistry.Risk", EventVocabulary.RISK,
            "AccountabilityRegistry.Audience", EventVocabulary.AUDIENCE);

    private static final Map<String, Class<?>> CONSTANTS = Map.of(
            "ConsortiumRegistry.Jurisdiction", EventVocabulary.Jurisdiction.class,
            "AccountabilityRegistry.RequestType", EventVocabulary.RequestType.class,
            "AccountabilityRegistry.Regime", EventVocabulary.Regime.class,
            "AccountabilityRegistry.Outcome", EventVocabulary.Outcome.class,
            "AccountabilityRegistry.Risk", EventVocabulary.Risk.class,
            "AccountabilityRegistry.Audience", EventVocabulary.Audience.class);

    @Test
    void everyEnumOfEveryContractIsInTheVocabularyMemberForMember() throws IOException {
        Map<String, List<String>> enums = solidityEnums();
        assertEquals(ENUM_LISTS.keySet(), enums.keySet(), "an enum was added to or removed from the contracts");
        enums.forEach((name, members) -> {
            CodeList list = ENUM_LISTS.get(name);
            assertEquals(name, list.source());
            assertEquals(members, list.members(), name);
            for (int i = 0; i < members.size(); i++) {
                assertEquals(members.get(i), list.nameOf(i), name + " code " + i);
                assertEquals(members.get(i), list.nameOf(Integer.toString(i)), name + " code " + i);
            }
        });
    }

    @Test
    void theConstantsTheRulesCompareWithAreTheEnumPositions() throws Exception {
        Map<String, List<String>> enums = solidityEnums();
        for (Map.Entry<String, Class<?>> c : CONSTANTS.entrySet()) {
            List<String> members = enums.get(c.getKey());
            List<String> declared = new ArrayList<>();
            for (Field f : c.getValue().getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                    declared.add(f.getName());
                    assertEquals(members.indexOf(f.getName()), f.getInt(null), c.getKey() + "." + f.getName());
                }
            }
            assertEquals(members.size(), declared.size(), "a constant per member of " + c.getKey());
        }
    }

    @Test
    void everyEnumeratedFieldOfEveryEventHasItsListAndTheDocumentedCodeListsMatchConsortiumMd() throws IOException {
        String md = Files.readString(Path.of("..", "docs", "consortium.md"));
        assertCodes(md, "scheme", EventVocabulary.SCHEME, 3);
        assertCodes(md, "purposeId", EventVocabulary.PURPOSE, 3);
        assertCodes(md, "dataCategory", EventVocabulary.DATA_CATEGORY, 5);
        assertCodes(md, "docType", EventVocabulary.DOC_TYPE, 6);
        assertEquals("DPIA", EventVocabulary.DOC_TYPE.nameOf(EventVocabulary.DocType.DPIA));
        assertEquals("RoPA, machine-readable part", EventVocabulary.words("docType", "5"));
        for (String field : List.of("jurisdiction", "requestType", "regime", "outcome", "risk", "audience",
                "scheme", "purposeId", "dataCategory", "docType")) {
            assertTrue(EventVocabulary.codeListOf(field) != null, field);
        }
        assertNull(EventVocabulary.codeListOf("treeSize"));
    }

    private static void assertCodes(String md, String field, CodeList list, int count) {
        assertTrue(md.contains("- `" + field + "`: 1 = "), field + " code list missing in docs/consortium.md");
        assertEquals(count, list.names().size(), field);
        for (int code = 1; code <= count; code++) {
            assertFalse(list.nameOf(code).startsWith("unknown"), field + " " + code);
        }
        assertEquals("unknown code 0", list.nameOf(0), field);
    }

    @Test
    void unknownAndMalformedValuesAreNamedAsSuchNeverAnException() {
        assertEquals("unknown code 9", EventVocabulary.words("jurisdiction", "9"));
        assertEquals("unknown code 3", EventVocabulary.words("regime", "3"));
        assertEquals("unknown code -1", EventVocabulary.words("outcome", "-1"));
        assertEquals("unknown code 99999999999999999999", EventVocabulary.words("risk", "99999999999999999999"));
        assertEquals("unknown code x", EventVocabulary.words("audience", "x"));
        assertEquals("unknown code ", EventVocabulary.words("docType", ""));
        assertEquals("", EventVocabulary.words("docType", null));
        assertEquals("unknown code 7", EventVocabulary.words("docType", "7"));
        assertEquals("unknown code 0", EventVocabulary.basis("0"));
        assertEquals("unknown code 1792", EventVocabulary.basis(Integer.toString(7 << 8)));
        assertEquals("unknown code 267", EventVocabulary.basis(Integer.toString(0x010B)));
        assertEquals("unknown code " + Long.MAX_VALUE, EventVocabulary.epochSeconds(Long.toString(Long.MAX_VALUE)));
        assertEquals("unknown code 99999999999999999999", EventVocabulary.epochSeconds("99999999999999999999"));
        assertEquals("unknown code abc", EventVocabulary.legalGround("abc"));
    }

    @Test
    void composedAndTimeFieldsAreSpelledOut() {
        assertEquals("Art 6(1)(a) with Art 9(2)(a)", EventVocabulary.words("basisCode", Integer.toString(0x0101)));
        assertEquals("Art 6(1)(b) with Art 9(2)(h)", EventVocabulary.words("basisCode", Integer.toString(0x0208)));
        assertEquals("Art 6(1)(f)", EventVocabulary.words("basisCode", Integer.toString(0x0600)));
        assertEquals("none", EventVocabulary.words("legalGround", "0"));
        assertEquals("exception code 3", EventVocabulary.words("legalGround", "3"));
        assertEquals("no expiry", EventVocabulary.words("expiry", "0"));
        assertEquals("2025-01-01 00:00:00 UTC", EventVocabulary.words("expiry", "1735689600"));
        assertEquals("2025-01-01 00:00:00 UTC", EventVocabulary.words("awareAt", "1735689600"));
        assertEquals("0xab", EventVocabulary.words("docHash", "0xab"));
        assertEquals("500", EventVocabulary.words("affectedCount", "500"));
    }

    @Test
    void storedFieldsAreDescribedInOrderWithWordsAndRawValues() {
        List<EventVocabulary.Field> fields = EventVocabulary.describe(
                "{\"clinicId\":\"0x01\",\"jurisdiction\":\"2\",\"hipaaCoveredEntity\":true,\"docType\":\"5\"}");
        assertEquals(List.of("clinicId", "jurisdiction", "hipaaCoveredEntity", "docType"),
                fields.stream().map(EventVocabulary.Field::name).toList());
        assertEquals("0x01", fields.get(0).display());
        assertFalse(fields.get(0).decoded());
        assertEquals("US (2)", fields.get(1).display());
        assertEquals("true", fields.get(2).display());
        assertEquals("RoPA, machine-readable part (5)", fields.get(3).display());
        assertEquals("jurisdiction: unknown code 9 (9)",
                EventVocabulary.summary("{\"jurisdiction\":\"9\"}"));
    }

    @Test
    void textThatIsNotTheCodecsObjectIsShownAsItIs() {
        assertTrue(EventVocabulary.describe(null).isEmpty());
        assertTrue(EventVocabulary.describe(" ").isEmpty());
        assertEquals("not json", EventVocabulary.describe("not json").get(0).display());
        assertEquals("[1,2]", EventVocabulary.describe("[1,2]").get(0).display());
        assertEquals("{\"a\":", EventVocabulary.describe("{\"a\":").get(0).display());
        assertEquals("{\"x\":1}", EventVocabulary.describe("{\"n\":{\"x\":1}}").get(0).display());
        assertEquals("error: unknown topic0 0x12", EventVocabulary.summary("{\"error\":\"unknown topic0 0x12\"}"));
    }

    @Test
    void displayDecodesOnlyNumbersOfCodedFieldsAndKeepsTheRawCode() {
        assertEquals("lab result (3)", EventVocabulary.display("dataCategory", "3"));
        assertEquals("unknown code 9 (9)", EventVocabulary.display("jurisdiction", "9"));
        assertEquals("ACCESS", EventVocabulary.display("requestType", "ACCESS"));
        assertEquals("none (0)", EventVocabulary.display("legalGround", "0"));
        assertEquals("3", EventVocabulary.display("treeSize", "3"));
        assertEquals("1735689600", EventVocabulary.display("expiry", "1735689600"));
        assertNull(EventVocabulary.display("docType", null));
    }
}
