package org.custos.portal.ledger.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names people use for the consortium's clinics, keyed by on-chain clinic id (bytes32 hex). Names are labels for
 * reading, never evidence: every proof, link and export still carries the id (docs/decisions.md D19).
 *
 * <p>The source is the regulator's own register of the clinics it supervises, given as configuration
 * ({@code custos.clinic.names}, environment {@code CUSTOS_CLINIC_NAMES}): entries {@code 0x<id>=Name} separated by
 * {@code ;} or new lines. A clinic without an entry is named by its portal clinic id when it has one
 * ({@code custos.ledger.clinics}), else by its shortened id ({@code 0x1234…cdef}).
 */
public final class ClinicDirectory {

    public static final String NAMES = "custos.clinic.names";
    /** The longest name accepted: a name is a label on a page, not a document. */
    public static final int MAX_NAME = 120;

    private static final Pattern HASH = Pattern.compile("0x[0-9a-f]{64}");
    private static final ClinicDirectory EMPTY = new ClinicDirectory(Map.of());

    private final Map<String, String> names;

    private ClinicDirectory(Map<String, String> names) {
        this.names = Collections.unmodifiableMap(names);
    }

    /** No names configured: every clinic is named by its short id. */
    public static ClinicDirectory empty() {
        return EMPTY;
    }

    /**
     * From the configured names and the portal's clinic mapping (portal clinic id to on-chain id, used where no
     * name is configured); throws {@link LedgerConfigException} naming the entry that is wrong.
     */
    public static ClinicDirectory of(String configured, Map<String, String> portalClinics) {
        Map<String, String> result = new LinkedHashMap<>();
        portalClinics.forEach((portalId, chainId) -> result.putIfAbsent(chainId, portalId));
        Map<String, String> explicit = new LinkedHashMap<>();
        for (String part : (configured == null ? "" : configured).split("[;\\n]")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            String id = eq < 0 ? "" : part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String name = eq < 0 ? "" : part.substring(eq + 1).strip();
            if (!HASH.matcher(id).matches() || name.isEmpty() || name.length() > MAX_NAME
                    || name.chars().anyMatch(Character::isISOControl)) {
                throw new LedgerConfigException(NAMES + " (CUSTOS_CLINIC_NAMES): expected 0x<32-byte clinic id>=name "
                        + "(1 to " + MAX_NAME + " printable characters), entries separated by ';', got '"
                        + shorten(part.strip()) + "'");
            }
            if (explicit.put(id, name) != null) {
                throw new LedgerConfigException(NAMES + ": clinic named twice: " + id);
            }
        }
        result.putAll(explicit);
        return new ClinicDirectory(result);
    }

    /** The configured (or portal) name of a clinic, if it has one. */
    public Optional<String> configuredName(String clinicId) {
        return clinicId == null ? Optional.empty()
                : Optional.ofNullable(names.get(clinicId.toLowerCase(Locale.ROOT)));
    }

    /** What a page shows for a clinic: its name, else its shortened id; empty for null. */
    public String name(String clinicId) {
        if (clinicId == null || clinicId.isBlank()) {
            return "";
        }
        return configuredName(clinicId).orElseGet(() -> shortId(clinicId));
    }

    /** What an export writes: the name and, in brackets, the full id (the id alone when no name is known). */
    public String nameWithId(String clinicId) {
        if (clinicId == null || clinicId.isBlank()) {
            return "";
        }
        return configuredName(clinicId).map(n -> n + " (" + clinicId + ")").orElse(clinicId);
    }

    /** The names known, by clinic id, in configuration order. */
    public Map<String, String> names() {
        return names;
    }

    /** {@code 0x1234…cdef} for a 66-character id; anything else as given. */
    public static String shortId(String clinicId) {
        return clinicId != null && clinicId.length() == 66
                ? clinicId.substring(0, 6) + "\u2026" + clinicId.substring(62) : String.valueOf(clinicId);
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "\u2026";
    }
}
