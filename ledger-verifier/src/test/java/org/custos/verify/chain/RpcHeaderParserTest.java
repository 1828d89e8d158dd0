package org.custos.verify.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.custos.verify.ReasonCode;
import org.junit.jupiter.api.Test;

/** Fail-closed parsing, one rule per test, on the real Cancun block. */
class RpcHeaderParserTest {

    @Test
    void unknownHeaderFieldIsRejected() {
        Map<String, Object> block = Blocks.load(Blocks.CANCUN);
        block.put("requestsHashV2", "0x00");
        assertRejected(block, ReasonCode.UNKNOWN_FIELD, "requestsHashV2");
    }

    @Test
    void withdrawalsRootWithoutBaseFeeIsImpossible() {
        Map<String, Object> block = Blocks.load(Blocks.SHANGHAI);
        block.remove("baseFeePerGas");
        assertRejected(block, ReasonCode.IMPOSSIBLE_FIELD_COMBINATION, "baseFeePerGas");
    }

    @Test
    void blobGasFieldsComeTogether() {
        Map<String, Object> block = Blocks.load(Blocks.CANCUN);
        block.remove("blobGasUsed");
        assertRejected(block, ReasonCode.IMPOSSIBLE_FIELD_COMBINATION, "blobGasUsed");
    }

    @Test
    void parentBeaconRootWithoutBlobFieldsIsImpossible() {
        Map<String, Object> block = Blocks.load(Blocks.CANCUN);
        block.remove("blobGasUsed");
        block.remove("excessBlobGas");
        assertRejected(block, ReasonCode.IMPOSSIBLE_FIELD_COMBINATION, "blobGasUsed");
    }

    @Test
    void missingClassicFieldIsRejected() {
        Map<String, Object> block = Blocks.load(Blocks.CANCUN);
        block.remove("stateRoot");
        assertRejected(block, ReasonCode.MISSING_FIELD, "stateRoot");
    }

    @Test
    void missingClaimedHashIsRejected() {
        Map<String, Object> block = Blocks.load(Blocks.CANCUN);
        block.remove("hash");
        assertRejected(block, ReasonCode.MISSING_FIELD, "hash");
    }

    @Test
    void quantityWithLeadingZeroIsMalformed() {
        Map<String, Object> block = Blocks.load(Blocks.CANCUN);
        block.put("gasUsed", "0x0" + ((String) block.get("gasUsed")).substring(2));
        assertRejected(block, ReasonCode.MALFORMED_FIELD, "gasUsed");
    }

    @Test
    void shortHashIsMalformed() {
        Map<String, Object> block = Blocks.load(Blocks.CANCUN);
        block.put("stateRoot", "0x1234");
        assertRejected(block, ReasonCode.MALFORMED_FIELD, "stateRoot");
    }

    @Test
    void nonStringValueIsMalformed() {
        Map<String, Object> block = Blocks.load(Blocks.CANCUN);
        block.put("timestamp", java.math.BigInteger.TEN);
        assertRejected(block, ReasonCode.MALFORMED_FIELD, "timestamp");
    }

    @Test
    void quantitiesRoundTripToTheirJsonText() {
        Map<String, Object> block = Blocks.load(Blocks.CANCUN);
        BlockHeader header = RpcHeaderParser.parse(block).header();
        for (HeaderField field : HeaderField.values()) {
            if (header.get(field) != null) {
                assertThat(RpcHeaderParser.format(field, header.get(field))).as(field.jsonName())
                        .isEqualTo(block.get(field.jsonName()));
            }
        }
    }

    private static void assertRejected(Map<String, Object> block, ReasonCode reason, String field) {
        RpcFormatException e = catchThrowableOfType(RpcFormatException.class,
                () -> RpcHeaderParser.parse(block));
        assertThat(e).as("expected rejection").isNotNull();
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.field()).isEqualTo(field);
    }
}
