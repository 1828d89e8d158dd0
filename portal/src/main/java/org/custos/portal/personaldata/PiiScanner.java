package org.custos.portal.compliance.domain;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custos.verify.Hex;

/**
 * Cleartext personal data in a 32-byte on-chain word (GDPR-MIN-01): the word read as zero-padded ASCII, then
 * e-mail addresses, international phone numbers (E.164, 8-15 digits), NHS numbers (10 digits, mod-11 check digit)
 * and IBANs (ISO 13616, mod-97 = 1). Checksums keep random-looking ids from matching by chance.
 */
public final class PiiScanner {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,24}");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9 ()-]{7,18}[0-9]");
    private static final Pattern DIGITS10 = Pattern.compile("(?<![0-9])[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{4}(?![0-9])");
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9 ]{11,30}");

    private PiiScanner() {
    }

    /** The printable text of a word (zero bytes trimmed at both ends), if it is all printable ASCII, ≥ 5 chars. */
    public static Optional<String> text(String word) {
        byte[] b = Hex.decode(word);
        int from = 0;
        int to = b.length;
        while (from < to && b[from] == 0) {
            from++;
        }
        while (to > from && b[to - 1] == 0) {
            to--;
        }
        if (to - from < 5) {
            return Optional.empty();
        }
        for (int i = from; i < to; i++) {
            if (b[i] < 0x20 || b[i] > 0x7e) {
                return Optional.empty();
            }
        }
        return Optional.of(new String(b, from, to - from, StandardCharsets.US_ASCII));
    }

    /** The kind of personal data found in {@code text}, or empty. */
    public static Optional<String> classify(String text) {
        if (EMAIL.matcher(text).find()) {
            return Optional.of("e-mail address");
        }
        Matcher nhs = DIGITS10.matcher(text);
        while (nhs.find()) {
            if (nhsValid(nhs.group().replaceAll("[ -]", ""))) {
                return Optional.of("NHS number");
            }
        }
        Matcher iban = IBAN.matcher(text.toUpperCase(Locale.ROOT));
        while (iban.find()) {
            if (ibanValid(iban.group())) {
                return Optional.of("IBAN");
            }
        }
        Matcher phone = PHONE.matcher(text);
        while (phone.find()) {
            int digits = phone.group().replaceAll("[^0-9]", "").length();
            if (digits >= 8 && digits <= 15) {
                return Optional.of("phone number");
            }
        }
        return Optional.empty();
    }

    /** NHS number: 10 digits, weights 10..2 on the first nine, check = 11 - sum mod 11 (11 → 0, 10 invalid). */
    public static boolean nhsValid(String digits) {
        if (!digits.matches("[0-9]{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }

    /** IBAN: country, check digits, BBAN; moved and converted to digits, mod 97 = 1. */
    public static boolean ibanValid(String candidate) {
        String s = candidate.replace(" ", "");
        if (s.length() < 15 || s.length() > 34 || !s.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]+")) {
            return false;
        }
        String moved = s.substring(4) + s.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : moved.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
