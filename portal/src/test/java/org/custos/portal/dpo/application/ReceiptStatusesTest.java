package org.custos.portal.dpo.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A kept signature file is turned back into the 65 bytes the evidence format carries; anything else is kept. */
class ReceiptStatusesTest {

    @Test
    void aSignatureFileOfHexTextBecomesItsSixtyFiveBytes() {
        byte[] raw = new byte[65];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (i * 7);
        }
        String hex = java.util.HexFormat.of().formatHex(raw);
        assertArrayEquals(raw, ReceiptStatuses.signature(("0x" + hex).getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals(raw, ReceiptStatuses.signature((" 0X" + hex.toUpperCase() + "\n")
                .getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals(raw, ReceiptStatuses.signature(hex.getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals(raw, ReceiptStatuses.signature(raw), "raw bytes stay as they are");
        byte[] shortText = ("0x" + hex.substring(2)).getBytes(StandardCharsets.US_ASCII);
        assertEquals(shortText.length, ReceiptStatuses.signature(shortText).length, "not a signature: unchanged");
        byte[] notHex = ("0x" + "zz" + hex.substring(2)).getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(notHex, ReceiptStatuses.signature(notHex));
    }
}
