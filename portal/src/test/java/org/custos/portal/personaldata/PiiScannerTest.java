package org.custos.portal.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.custos.verify.Hex;
import org.junit.jupiter.api.Test;

class PiiScannerTest {

    private static String word(String ascii) {
        byte[] b = ascii.getBytes(StandardCharsets.US_ASCII);
        byte[] w = new byte[32];
        System.arraycopy(b, 0, w, 0, b.length);
        return Hex.encodePrefixed(w);
    }

    @Test
    void checksumsDecide() {
        assertThat(PiiScanner.nhsValid("9434765919")).isTrue();
        assertThat(PiiScanner.nhsValid("9434765918")).isFalse();
        assertThat(PiiScanner.ibanValid("GB82WEST12345698765432")).isTrue();
        assertThat(PiiScanner.ibanValid("GB82WEST12345698765433")).isFalse();
        assertThat(PiiScanner.ibanValid("DE89 3704 0044 0532 0130 00")).isTrue();
    }

    @Test
    void classifiesTextInWords() {
        assertThat(PiiScanner.text(word("pat000034.c00@mail.example")).flatMap(PiiScanner::classify))
                .contains("e-mail address");
        assertThat(PiiScanner.text(word("943 476 5919")).flatMap(PiiScanner::classify)).contains("NHS number");
        assertThat(PiiScanner.text(word("943 476 5918")).flatMap(PiiScanner::classify)).isEmpty();
        assertThat(PiiScanner.text(word("GB82WEST12345698765432")).flatMap(PiiScanner::classify)).contains("IBAN");
        assertThat(PiiScanner.text(word("+44 20 7946 0958")).flatMap(PiiScanner::classify))
                .contains("phone number");
        assertThat(PiiScanner.text("0x" + "5a".repeat(32)).flatMap(PiiScanner::classify)).isEmpty();
        assertThat(PiiScanner.text("0x" + "00".repeat(31) + "05")).isEmpty();
        assertThat(PiiScanner.text("0x8e2908d9dbd2f6aded8dc4cc42e58f5667710cbd13a020f5653ef6eb14488577")).isEmpty();
    }
}
