package org.custos.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VerificationResultTest {

    @Test
    void rejectionCarriesReasonAndBothValues() {
        VerificationResult result = VerificationResult.rejected(ReasonCode.ROOT_MISMATCH, "root",
                new byte[] {1}, new byte[] {2});
        assertThat(result.verified()).isFalse();
        assertThat(result.reason()).isEqualTo(ReasonCode.ROOT_MISMATCH);
        assertThat(result.expected()).isEqualTo("0x01");
        assertThat(result.actual()).isEqualTo("0x02");
        assertThat(result).hasToString("REJECTED ROOT_MISMATCH (root): expected 0x01, actual 0x02");
    }

    @Test
    void verifiedCarriesNoReasonAndRejectionNeedsOne() {
        assertThat(VerificationResult.ok().verified()).isTrue();
        assertThat(VerificationResult.ok().reason()).isNull();
        assertThatThrownBy(() -> new VerificationResult(true, ReasonCode.HASH_MISMATCH, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VerificationResult(false, null, "x", "a", "b"))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void bytesHaveValueSemantics() {
        byte[] raw = {1, 2};
        Bytes bytes = Bytes.of(raw);
        raw[0] = 9;
        assertThat(bytes).isEqualTo(Bytes.fromHex("0x0102")).hasToString("0x0102");
        assertThat(bytes.toArray()).containsExactly(1, 2);
        assertThat(Bytes.fromHex("")).isEqualTo(Bytes.empty());
    }
}
