package org.custos.portal.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The evidence is untrusted input: every malformed or hostile shape is a {@code Malformed} with its reason. */
class EvidenceBlocksTest {

    private static final String H1 = "0x" + "a1".repeat(32);
    private static final String H2 = "0x" + "b2".repeat(32);
    private final EvidenceBlocks reader = new EvidenceBlocks(1 << 20, 100);

    @Test
    void readsNumberAndHashOfEveryBlockInOrderSkippingEverythingElse() throws Exception {
        var parsed = reader.read(bytes("""
                {"version":"custos-evidence/1","chain":{"checkpoint":{"number":"0x10","hash":"%s"}},
                 "blocks":[{"block":{"parentHash":"0x00","number":"0x10","transactions":[{"hash":"0x1","input":"0x"}],
                            "hash":"%s"},"receipts":[{"logs":[]}]},
                           {"receipts":[],"block":{"hash":"%s","number":"0x11"}}],
                 "events":[],"merkleProofs":[]}""".formatted(H1, H1, H2.toUpperCase().replace("0X", "0x"))));
        assertThat(parsed.blocks()).containsExactly(new EvidenceBlocks.Block(16, H1), new EvidenceBlocks.Block(17, H2));
    }

    @Test
    void emptyBlocksIsReadAsNoBlocks() throws Exception {
        assertThat(reader.read(bytes("{\"blocks\":[]}")).blocks()).isEmpty();
    }

    @Test
    void refusesWhatIsNotATranscript() {
        refused("", "empty");
        refused("[]", "not a JSON object");
        refused("\"x\"", "not a JSON object");
        refused("{\"version\":\"custos-evidence/1\"}", "no \"blocks\" member");
        refused("{\"blocks\":{}}", "\"blocks\" is not an array");
        refused("{\"blocks\":[1]}", "blocks[0] is not an object");
        refused("{\"blocks\":[{\"receipts\":[]}]}", "blocks[0] has no \"block\" member");
        refused("{\"blocks\":[{\"block\":[]}]}", "blocks[0].block is not an object");
        refused("{\"blocks\":[{\"block\":{\"hash\":\"" + H1 + "\"}}]}", "number is not a quantity");
        refused("{\"blocks\":[{\"block\":{\"number\":\"0x1\"}}]}", "hash is not 0x and 64 hex digits");
    }

    @Test
    void refusesMalformedNumbersAndHashes() {
        for (String number : new String[] {"0x", "1", "0x01", "-0x1", "0xg", "0x1000000000000000", " 0x1"}) {
            refused(block("\"" + number + "\"", "\"" + H1 + "\""), "number is not a quantity");
        }
        refused(block("16", "\"" + H1 + "\""), "number is not a string");
        refused(block("\"0x1\"", "\"" + H1.substring(0, 65) + "\""), "hash is not 0x and 64");
        refused(block("\"0x1\"", "\"" + H1 + "00\""), "hash is not 0x and 64");
        refused(block("\"0x1\"", "null"), "hash is not a string");
    }

    @Test
    void refusesDuplicateKeysTruncationAndTrailingContent() {
        refused("{\"blocks\":[{\"block\":{\"number\":\"0x1\",\"number\":\"0x2\",\"hash\":\"" + H1 + "\"}}]}",
                "not well-formed JSON");
        refused("{\"blocks\":[],\"blocks\":[]}", "not well-formed JSON");
        refused("{\"blocks\":[{\"block\":{\"number\":\"0x1\"", "not well-formed JSON");
        refused("{\"blocks\":[]} {}", "content after");
        refused("{\"blocks\":[]", "not well-formed JSON");
    }

    @Test
    void refusesDeepNestingEvenInSkippedMembers() {
        String deep = "[".repeat(EvidenceBlocks.MAX_NESTING + 10) + "]".repeat(EvidenceBlocks.MAX_NESTING + 10);
        refused("{\"note\":" + deep + ",\"blocks\":[]}", "parser limit");
    }

    @Test
    void refusesMoreBlocksThanTheLimitAndMoreBytes() {
        StringBuilder many = new StringBuilder("{\"blocks\":[");
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append("{\"block\":{\"number\":\"0x").append(Integer.toHexString(i + 1))
                    .append("\",\"hash\":\"").append(H1).append("\"}}");
        }
        refused(many.append("]}").toString(), "more than 100 blocks");
        EvidenceBlocks small = new EvidenceBlocks(64, 10);
        assertThatThrownBy(() -> small.read(bytes("{\"blocks\":[],\"pad\":\"" + "x".repeat(100) + "\"}")))
                .isInstanceOf(EvidenceBlocks.Malformed.class).hasMessageContaining("more than the 64");
    }

    @Test
    void refusesManySmallTokens() {
        // a flood of tiny tokens in a skipped member: bounded by the token count, not only by size
        String flood = "[" + "0,".repeat(200_000) + "0]";
        refused("{\"a\":" + flood + ",\"blocks\":[]}", "parser limit");
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] bad = ("{\"blocks\":[{\"block\":{\"number\":\"0x\u00e9\",\"hash\":\"" + H1 + "\"}}]}")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> reader.read(bad)).isInstanceOf(EvidenceBlocks.Malformed.class);
    }

    private static String block(String number, String hash) {
        return "{\"blocks\":[{\"block\":{\"number\":" + number + ",\"hash\":" + hash + "}}]}";
    }

    private void refused(String json, String reason) {
        assertThatThrownBy(() -> reader.read(bytes(json)))
                .as(json.length() > 80 ? json.substring(0, 80) : json)
                .isInstanceOf(EvidenceBlocks.Malformed.class)
                .hasMessageContaining(reason);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
