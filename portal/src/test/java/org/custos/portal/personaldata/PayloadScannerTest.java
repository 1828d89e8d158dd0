package org.custos.portal.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.custos.portal.personaldata.PayloadScanner.Hit;
import org.custos.portal.personaldata.PayloadScanner.Shape;
import org.custos.verify.Hashes;
import org.junit.jupiter.api.Test;

/**
 * The ledger-wide scanner per encoding (where the hit is and what kind, never the data), against what must not
 * match (random ABI calldata, addresses, hashes, Merkle proofs, signatures, the consortium's own bytecode, ordinary
 * text), and at adversarial sizes (bounded hits, time and allocation).
 */
class PayloadScannerTest {

    private static final byte[] SELECTOR = {(byte) 0x3d, 0x74, 0x03, (byte) 0xa3};

    @Test
    void asciiInAnAbiStringNamesTheOffsetOfTheMatch() {
        String text = "contact alice.smith@example.org today";
        byte[] calldata = concat(SELECTOR, word(0x20), abiBytes(ascii(text)));
        List<Hit> hits = PayloadScanner.scan(calldata, Shape.INPUT);
        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.rule()).isEqualTo("GDPR-MIN-01");
            assertThat(h.kind()).isEqualTo("e-mail address");
            assertThat(h.encoding()).isEqualTo("ASCII/UTF-8 in ABI string/bytes");
            assertThat(h.offset()).isEqualTo(4 + 64 + text.indexOf("alice"));
        });
        assertThat(hits.toString()).doesNotContain("alice").doesNotContain("example");
    }

    @Test
    void everyClassifierInPlainAsciiAndAZeroPaddedWord() {
        assertThat(kinds("reach me on +44 20 7946 0958 after six", Shape.INPUT)).containsExactly("phone number");
        assertThat(kinds("nhs 943 476 5919 seen", Shape.INPUT)).containsExactly("NHS number");
        assertThat(kinds("pay GB82WEST12345698765432 for rent", Shape.LOG_DATA)).containsExactly("IBAN");
        assertThat(kinds("nhs 943 476 5918 is no NHS number", Shape.INPUT)).isEmpty();
        byte[] padded = Arrays.copyOf(ascii("pat000034.c00@mail.example"), 32);
        assertThat(PayloadScanner.scan(concat(SELECTOR, padded, word(7)), Shape.INPUT)).extracting(Hit::kind)
                .containsExactly("e-mail address");
        assertThat(PayloadScanner.scan(padded, Shape.TOPIC)).extracting(Hit::kind).containsExactly("e-mail address");
    }

    @Test
    void utf16LittleAndBigEndian() {
        byte[] le = "tel +44 20 7946 0958".getBytes(StandardCharsets.UTF_16LE);
        byte[] be = "NHS 943 476 5919".getBytes(StandardCharsets.UTF_16BE);
        List<Hit> hits = PayloadScanner.scan(concat(new byte[] {1, 2, 3}, le), Shape.INPUT);
        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.kind()).isEqualTo("phone number");
            assertThat(h.encoding()).isEqualTo("UTF-16LE");
            assertThat(h.offset()).isEqualTo(3 + 2 * 4);
        });
        assertThat(PayloadScanner.scan(concat(SELECTOR, be), Shape.INPUT)).singleElement()
                .satisfies(h -> assertThat(h.encoding() + " " + h.kind()).isEqualTo("UTF-16BE NHS number"));
    }

    @Test
    void hexAndBase64InTextAreDecoded() {
        String hex = "0x" + HexFormat.of().formatHex(ascii("bob.jones@clinic.example"));
        byte[] calldata = concat(SELECTOR, word(0x20), abiBytes(ascii(hex)));
        assertThat(PayloadScanner.scan(calldata, Shape.INPUT)).singleElement().satisfies(h -> {
            assertThat(h.kind()).isEqualTo("e-mail address");
            assertThat(h.encoding()).isEqualTo("hex text (ASCII)");
            assertThat(h.offset()).isEqualTo(4 + 64 + 2);
        });
        String b64 = Base64.getEncoder().encodeToString(ascii("IBAN DE89370400440532013000."));
        assertThat(PayloadScanner.scan(ascii("memo " + b64 + " end"), Shape.INPUT)).singleElement()
                .satisfies(h -> {
                    assertThat(h.kind()).isEqualTo("IBAN");
                    assertThat(h.encoding()).isEqualTo("base64 text (ASCII)");
                    assertThat(h.offset()).isEqualTo(5);
                });
        String b64Utf16 = Base64.getEncoder().encodeToString("mail carol@example.org".getBytes(StandardCharsets.UTF_16LE));
        assertThat(PayloadScanner.scan(ascii(b64Utf16), Shape.LOG_DATA)).extracting(Hit::encoding)
                .containsExactly("base64 text (UTF-16LE)");
        // a base64 run that is not aligned at its first character (preceded by letters of the alphabet)
        String shifted = "ab" + Base64.getEncoder().encodeToString(ascii("x dan@example.org y"));
        assertThat(PayloadScanner.scan(ascii(shifted), Shape.INPUT)).extracting(Hit::kind)
                .containsExactly("e-mail address");
    }

    @Test
    void ciphertextLikeBlobsInAbiBytesAndRawCalldata() {
        byte[] blob = random(119, 1);
        byte[] abi = concat(SELECTOR, word(0x40), word(5), abiBytes(blob));
        assertThat(PayloadScanner.scan(abi, Shape.INPUT)).singleElement().satisfies(h -> {
            assertThat(h.rule()).isEqualTo("GDPR-MIN-03");
            assertThat(h.offset()).isEqualTo(4 + 96);
            assertThat(h.length()).isEqualTo(119);
            assertThat(h.bitsPerByte()).isGreaterThan(6);
        });
        assertThat(PayloadScanner.scan(blob, Shape.INPUT)).singleElement()
                .satisfies(h -> assertThat(h.offset() + "/" + h.length()).isEqualTo("0/119"));
        assertThat(PayloadScanner.scan(concat(word(0x20), abiBytes(blob)), Shape.LOG_DATA)).hasSize(1);
        // never in creation code or topics
        assertThat(PayloadScanner.scan(blob, Shape.CREATION)).isEmpty();
        // 64 bytes are not more than 64
        assertThat(PayloadScanner.scan(random(64, 2), Shape.INPUT)).isEmpty();
    }

    @Test
    void ordinaryCalldataAddressesHashesProofsAndSignaturesDoNotMatch() {
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < 3000; i++) {
            List<byte[]> words = new ArrayList<>();
            int n = 1 + r.nextInt(12);
            for (int k = 0; k < n; k++) {
                words.add(switch (r.nextInt(4)) {
                    case 0 -> concat(new byte[12], random(20, r.nextLong()));       // address
                    case 1 -> Hashes.keccak256(ascii("h" + r.nextLong()));            // hash
                    case 2 -> word(r.nextLong(1, Long.MAX_VALUE));                    // amount
                    default -> word(1_760_000_000L + r.nextInt(1_000_000));           // time
                });
            }
            byte[] calldata = concat(random(4, i), concat(words.toArray(new byte[0][])));
            assertThat(PayloadScanner.scan(calldata, Shape.INPUT)).as("calldata %d", i).isEmpty();
            assertThat(PayloadScanner.scan(concat(words.toArray(new byte[0][])), Shape.LOG_DATA)).isEmpty();
            assertThat(PayloadScanner.scan(random(20, i), Shape.INPUT)).isEmpty();
            assertThat(PayloadScanner.scan(Hashes.keccak256(ascii("t" + i)), Shape.TOPIC)).isEmpty();
        }
        // a Merkle proof (bytes32[] of 6 hashes), one and two signatures as ABI bytes, a raw signature
        byte[][] proof = new byte[8][];
        proof[0] = word(0x20);
        proof[1] = word(6);
        for (int k = 0; k < 6; k++) {
            proof[k + 2] = Hashes.keccak256(ascii("leaf" + k));
        }
        assertThat(PayloadScanner.scan(concat(SELECTOR, concat(proof)), Shape.INPUT)).isEmpty();
        byte[] sig = concat(random(64, 9), new byte[] {27});
        assertThat(PayloadScanner.scan(concat(SELECTOR, word(0x20), abiBytes(sig)), Shape.INPUT)).isEmpty();
        byte[] twoSigs = concat(sig, concat(random(64, 10), new byte[] {0}));
        assertThat(PayloadScanner.scan(concat(SELECTOR, word(0x20), abiBytes(twoSigs)), Shape.INPUT)).isEmpty();
        assertThat(PayloadScanner.scan(sig, Shape.INPUT)).isEmpty();
        // three hashes side by side as raw bytes (96 bytes: whole words)
        assertThat(PayloadScanner.scan(concat(proof[2], proof[3], proof[4]), Shape.INPUT)).isEmpty();
        // ordinary text
        assertThat(kinds("invoice 48213 settled, pallet 77 shipped to warehouse north", Shape.INPUT)).isEmpty();
    }

    @Test
    void ordinaryCallsAndTheLogsThatRepeatThemDoNotMatch() {
        // the shapes of the sync benchmark's ordinary traffic (OrdinaryTraffic), as input and as a log repeating it
        SplittableRandom r = new SplittableRandom(7);
        String[] words = {"invoice", "order", "batch", "settled", "shipped", "to", "warehouse", "payment", "refund"};
        for (int i = 0; i < 2000; i++) {
            byte[] address = concat(new byte[12], random(20, r.nextLong()));
            byte[] token = concat(hex("a9059cbb"), address, word(r.nextLong(1, 1L << 50)));
            byte[] swap = concat(hex("38ed1739"), word(r.nextLong(1, 1L << 60)), word(r.nextLong(1, 1L << 60)),
                    word(0xa0), address, word(1_760_000_000L + r.nextInt(1_000_000)), word(2), address,
                    concat(new byte[12], random(20, r.nextLong())));
            String memo = words[r.nextInt(words.length)] + " " + r.nextInt(100_000) + " " + words[r.nextInt(words.length)];
            byte[] note = concat(hex("3d7403a3"), word(0x20), abiBytes(ascii(memo)));
            byte[] signature = concat(random(64, r.nextLong()), new byte[] {(byte) (27 + r.nextInt(2))});
            byte[] permit = concat(hex("d505accf"), address, address, word(r.nextLong(1, 1L << 60)),
                    word(1_760_000_000L), word(0x80), abiBytes(signature));
            byte[] multicall = concat(hex("ac9650d8"), word(0x20), word(2), word(0x40), word(0x40 + 32 + 96),
                    abiBytes(token), abiBytes(token));
            for (byte[] call : List.of(token, swap, note, permit, multicall)) {
                assertThat(PayloadScanner.scan(call, Shape.INPUT)).as("input %d", i).isEmpty();
                assertThat(PayloadScanner.scan(call, Shape.LOG_DATA)).as("log %d", i).isEmpty();
            }
        }
        // a signature with a neighbour's byte, as raw bytes; two signatures and a byte
        byte[] sig = concat(random(64, 11), new byte[] {28});
        assertThat(PayloadScanner.scan(concat(new byte[] {0x41}, sig), Shape.INPUT)).isEmpty();
        assertThat(PayloadScanner.scan(concat(new byte[] {0x01}, sig, sig), Shape.LOG_DATA)).isEmpty();
        // a ciphertext in a call's ABI bytes is found in the log repeating the call too
        byte[] call = concat(hex("c0ffee01"), word(0x20), abiBytes(random(150, 12)));
        assertThat(PayloadScanner.scan(call, Shape.LOG_DATA)).singleElement()
                .satisfies(h -> assertThat(h.offset() + "/" + h.length()).isEqualTo("68/150"));
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    @Test
    void theConsortiumsBytecodeIsNeitherTextNorCiphertext() throws Exception {
        for (String name : List.of("ConsortiumRegistry", "RecordRegistry", "AccountabilityRegistry")) {
            byte[] code = HexFormat.of().parseHex(resource("/contracts/" + name + ".bin").trim());
            assertThat(PayloadScanner.scan(code, Shape.CREATION)).as(name).isEmpty();
            // deployed through a factory: the code as an ABI bytes argument, and as raw calldata
            byte[] factory = concat(SELECTOR, word(0x40), Hashes.keccak256(ascii(name)), abiBytes(code));
            assertThat(PayloadScanner.scan(factory, Shape.INPUT)).as(name).isEmpty();
            assertThat(PayloadScanner.scan(code, Shape.INPUT)).as(name).isEmpty();
        }
    }

    @Test
    void hugePayloadsStayBounded() {
        int size = 8 << 20;
        byte[] emails = new byte[size];
        byte[] pattern = ascii("a@b.cd ");
        for (int i = 0; i < size; i++) {
            emails[i] = pattern[i % pattern.length];
        }
        byte[] digits = new byte[size];
        for (int i = 0; i < size; i++) {
            digits[i] = (byte) ('0' + (i * 7 + i / 10) % 10);
        }
        byte[] base64 = ascii(Base64.getEncoder().encodeToString(random(3 << 20, 3)));
        byte[] utf16 = new byte[size];
        for (int i = 0; i < size; i += 2) {
            utf16[i] = (byte) ('0' + i % 10);
        }
        byte[] noise = random(size, 4);
        byte[] oneAtTheEnd = concat(filled(size, (byte) 'q'), ascii(" erin@example.org"));
        for (byte[] payload : List.of(emails, digits, base64, utf16, noise, oneAtTheEnd)) {
            long before = allocated();
            List<Hit> hits = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> PayloadScanner.scan(payload, Shape.INPUT));
            long allocated = allocated() - before;
            assertThat(hits.size()).isLessThanOrEqualTo(PayloadScanner.MAX_HITS);
            // a few windows at a time: allocation grows with the payload by a bounded factor, nothing is kept
            assertThat(allocated).as("bytes allocated for %d bytes", payload.length).isLessThan(24L * payload.length);
        }
        assertThat(PayloadScanner.scan(emails, Shape.INPUT)).hasSize(PayloadScanner.MAX_HITS);
        assertThat(PayloadScanner.scan(oneAtTheEnd, Shape.INPUT)).singleElement()
                .satisfies(h -> assertThat(h.offset()).isEqualTo(size + 1));
    }

    @Test
    void emptyAndNullPayloads() {
        assertThat(PayloadScanner.scan(null, Shape.INPUT)).isEmpty();
        assertThat(PayloadScanner.scan(new byte[0], Shape.LOG_DATA)).isEmpty();
        assertThat(PayloadScanner.scan(new byte[] {'@'}, Shape.TOPIC)).isEmpty();
    }

    private static List<String> kinds(String text, Shape shape) {
        return PayloadScanner.scan(ascii(text), shape).stream().map(Hit::kind).toList();
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = PayloadScannerTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] word(long value) {
        byte[] w = new byte[32];
        for (int i = 0; i < 8; i++) {
            w[31 - i] = (byte) (value >>> (8 * i));
        }
        return w;
    }

    static byte[] abiBytes(byte[] content) {
        return concat(word(content.length), Arrays.copyOf(content, (content.length + 31) / 32 * 32));
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    private static byte[] filled(int n, byte value) {
        byte[] b = new byte[n];
        Arrays.fill(b, value);
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
