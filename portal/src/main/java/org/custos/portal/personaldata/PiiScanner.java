package org.custos.portal.personaldata;

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
 * and IBANs (ISO 13616, mod-97 = 1). Checksums keep random-looking ids from matching by chance. The same
 * classifiers serve the ledger-wide scan of calldata, creation code and logs ({@link PayloadScanner}).
 */
public final class PiiScanner {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,24}");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9 ()-]{7,18}[0-9]");
    private static final Pattern DIGITS10 = Pattern.compile("(?<![0-9])[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{4}(?![0-9])");
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9 ]{11,30}");

    /** IBAN length per country (SWIFT IBAN registry). */
    private static final java.util.Map<String, Integer> IBAN_LENGTHS = lengths("AD24 AE23 AL28 AT20 AZ28 BA20 BE16 "
            + "BG22 BH22 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 EE20 EG29 ES24 FI18 FO18 FR27 GB22 GE22 GI23 "
            + "GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 MC27 "
            + "MD24 ME22 MK19 MR27 MT31 MU30 NL18 NO15 PK24 PL28 PS29 PT25 QA29 RO24 RS22 SA24 SC31 SE24 SI19 SK24 "
            + "SM27 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20");

    private PiiScanner() {
    }

    private static java.util.Map<String, Integer> lengths(String table) {
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        for (String entry : table.split(" ")) {
            out.put(entry.substring(0, 2), Integer.parseInt(entry.substring(2)));
        }
        return java.util.Map.copyOf(out);
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

    /** Where personal data starts in a text, and its kind. */
    public record Match(String kind, int start) {
    }

    /** The kind of personal data found in {@code text}, or empty. */
    public static Optional<String> classify(String text) {
        return find(text).map(Match::kind);
    }

    /**
     * The first kind of personal data found in {@code text} (e-mail before NHS number before IBAN before phone
     * number) with where its first occurrence starts, or empty. {@code text} is expected to be ASCII (the IBAN
     * match runs on its upper-case form, which keeps ASCII positions).
     */
    public static Optional<Match> find(String text) {
        Matcher email = EMAIL.matcher(text);
        if (text.indexOf('@') >= 0 && email.find()) {
            return Optional.of(new Match("e-mail address", email.start()));
        }
        Matcher nhs = DIGITS10.matcher(text);
        while (nhs.find()) {
            if (nhsValid(nhs.group().replaceAll("[ -]", ""))) {
                return Optional.of(new Match("NHS number", nhs.start()));
            }
        }
        Matcher iban = IBAN.matcher(text.toUpperCase(Locale.ROOT));
        while (iban.find()) {
            // the pattern may also take what follows an IBAN ("GB82WEST12345698765432 FOR RENT"): the country's
            // IBAN length decides where it ends
            String compact = iban.group().replace(" ", "");
            Integer length = IBAN_LENGTHS.get(compact.substring(0, 2));
            if (length != null && compact.length() >= length && ibanValid(compact.substring(0, length))) {
                return Optional.of(new Match("IBAN", iban.start()));
            }
        }
        Matcher phone = PHONE.matcher(text);
        while (text.indexOf('+') >= 0 && phone.find()) {
            int digits = phone.group().replaceAll("[^0-9]", "").length();
            if (digits >= 8 && digits <= 15) {
                return Optional.of(new Match("phone number", phone.start()));
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

    /**
     * IBAN (ISO 13616): a country of the IBAN registry with its fixed length, check digits, BBAN; moved and
     * converted to digits, mod 97 = 1. The length per country keeps random upper-case text (base64, hex) from
     * matching one time in 97.
     */
    public static boolean ibanValid(String candidate) {
        String s = candidate.replace(" ", "");
        Integer length = s.length() >= 2 ? IBAN_LENGTHS.get(s.substring(0, 2)) : null;
        if (length == null || s.length() != length || !s.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]+")) {
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
