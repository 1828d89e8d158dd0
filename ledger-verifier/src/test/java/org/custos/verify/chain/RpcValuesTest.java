package org.custos.verify.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.custos.verify.Bytes;
import org.custos.verify.ReasonCode;
import org.junit.jupiter.api.Test;

class RpcValuesTest {

    @Test
    void acceptsCanonicalQuantities() {
        assertThat(RpcValues.quantity("q", "0x0")).isEqualTo(Bytes.empty());
        assertThat(RpcValues.quantity("q", "0x1")).isEqualTo(Bytes.fromHex("01"));
        assertThat(RpcValues.quantity("q", "0x1ff")).isEqualTo(Bytes.fromHex("01ff"));
        String max = "0x" + "f".repeat(64);
        assertThat(RpcValues.quantity("q", max).length()).isEqualTo(32);
    }

    @Test
    void rejectsEveryNonCanonicalQuantity() {
        for (String bad : new String[] {"", "0x", "0", "1", "x1", "0X1", "0x00", "0x01", "0xA", "0x1F", "0x-1",
                "0x1g", " 0x1", "0x1 ", "0x" + "1".repeat(65), "0x\uff11"}) {
            assertThatThrownBy(() -> RpcValues.quantity("q", bad)).as(bad)
                    .isInstanceOfSatisfying(RpcFormatException.class,
                            e -> assertThat(e.reason()).isEqualTo(ReasonCode.MALFORMED_FIELD));
        }
        assertThatThrownBy(() -> RpcValues.quantity("q", 1)).isInstanceOf(RpcFormatException.class);
        assertThatThrownBy(() -> RpcValues.quantity("q", null)).isInstanceOf(RpcFormatException.class);
    }

    @Test
    void agreesWithTheRegularExpressionItReplaces() {
        java.util.regex.Pattern canonical = java.util.regex.Pattern.compile("0x(0|[1-9a-f][0-9a-f]{0,63})");
        java.util.Random random = new java.util.Random(42);
        String alphabet = "0123456789abcdefABxg ";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder(random.nextInt(4) == 0 ? "" : "0x");
            int length = random.nextInt(70);
            for (int j = 0; j < length; j++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = s.toString();
            assertThat(RpcValues.canonicalQuantity(text)).as(text).isEqualTo(canonical.matcher(text).matches());
        }
    }
}
