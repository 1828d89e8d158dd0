package org.custos.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HexTest {

    @Test
    void roundTripsAllByteValues() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        assertThat(Hex.decode(Hex.encodePrefixed(all))).isEqualTo(all);
        assertThat(Hex.encode(new byte[] {0x00, (byte) 0xff, 0x1a})).isEqualTo("00ff1a");
    }

    @Test
    void acceptsUpperCaseAndMissingPrefix() {
        assertThat(Hex.decode("0XDEADbeef")).containsExactly(0xde, 0xad, 0xbe, 0xef);
        assertThat(Hex.decode("")).isEmpty();
    }

    @Test
    void rejectsOddLengthAndNonHexDigits() {
        assertThatThrownBy(() -> Hex.decode("0x123")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("odd");
        assertThatThrownBy(() -> Hex.decode("0xzz")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position 0");
    }

    @Test
    void rejectsDigitsOutsideAscii() {
        // Character.digit would take these as 1 and 5; a ledger value is ASCII hex or it is malformed
        assertThatThrownBy(() -> Hex.decode("0x\uff11\uff15")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position 0");
        assertThatThrownBy(() -> Hex.decode("0x1\u0665")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position 1");
        assertThatThrownBy(() -> Hex.decode("0xg0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void comparesBytes() {
        assertThat(Hex.sameBytes(Hex.decode("01"), Hex.decode("01"))).isTrue();
        assertThat(Hex.sameBytes(Hex.decode("01"), Hex.decode("02"))).isFalse();
    }
}
