package org.custos.verify.rlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.custos.verify.Hex;
import org.junit.jupiter.api.Test;

/** Canonical-form rules beyond the vectors, one rule per test. */
class RlpTest {

    @Test
    void rejectsEmptyInputAndTrailingBytes() {
        assertThatThrownBy(() -> Rlp.decode(new byte[0])).isInstanceOf(MalformedRlpException.class);
        assertThatThrownBy(() -> Rlp.decode(Hex.decode("0x808080")))
                .isInstanceOf(MalformedRlpException.class).hasMessageContaining("trailing");
    }

    @Test
    void rejectsChildThatOverrunsItsList() {
        // a list with a 2-byte payload whose child claims 1 + 2 bytes, although the input has them
        assertThatThrownBy(() -> Rlp.decode(Hex.decode("0xc2820102")))
                .isInstanceOf(MalformedRlpException.class).hasMessageContaining("overruns");
        assertThat(Rlp.decode(Hex.decode("0xc3820102")))
                .isEqualTo(RlpList.of(RlpString.of(new byte[] {1, 2})));
    }

    @Test
    void longFormIsUsedFromFiftySixBytes() {
        byte[] fiftyFive = new byte[55];
        byte[] fiftySix = new byte[56];
        assertThat(Rlp.encodeBytes(fiftyFive)[0] & 0xff).isEqualTo(0x80 + 55);
        assertThat(Rlp.encodeBytes(fiftySix)).startsWith(0xb8, 56);
        assertThat(Rlp.decode(Rlp.encodeBytes(fiftySix))).isEqualTo(RlpString.of(fiftySix));
    }

    @Test
    void scalarsHaveNoLeadingZeros() {
        assertThat(RlpString.ofScalar(0).length()).isZero();
        assertThat(RlpString.ofScalar(BigInteger.valueOf(255)).bytes()).containsExactly(0xff);
        assertThatThrownBy(() -> RlpString.of(new byte[] {0, 1}).asScalar())
                .isInstanceOf(MalformedRlpException.class);
        assertThatThrownBy(() -> RlpString.ofScalar(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
