package org.custos.portal.evidence.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custos.portal.evidence.domain.BundleRejectedException.Reason;
import org.custos.verify.Hashes;
import org.custos.verify.Hex;

/**
 * The checks of a bundle's spooled {@code manifest.json} for {@link BundleReader}: first its format and clinic
 * ({@link #clinic}: another clinic's bundle is WRONG_CLINIC before anything else of it is judged), then its listing
 * ({@link #listing}: every file listed once with its role, present and with the listed SHA-256). Streams the JSON.
 */
final class BundleManifest {

    private static final Pattern CLINIC = Pattern.compile("0x[0-9a-f]{64}");

    private BundleManifest() {
    }

    private static String printable(String s) {
        return BundleReader.printable(s);
    }

    /**
     * The manifest's format and clinic, read before anything else of it: another clinic's bundle is refused as
     * WRONG_CLINIC whatever its entries hold (their {@code source.observer} names that other clinic too) and
     * wherever {@code clinic} stands in the manifest. A manifest that is not JSON or has no valid clinic is
     * BAD_MANIFEST.
     */
    static void clinic(Path manifest, String clinic) throws IOException {
        String format = null;
        String manifestClinic = null;
        try (JsonParser p = new JsonFactory().createParser(manifest.toFile())) {
            expect(p.nextToken() == JsonToken.START_OBJECT, "manifest.json is not a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                JsonToken v = p.nextToken();
                if (field.equals("format") && v == JsonToken.VALUE_STRING) {
                    format = p.getText();
                } else if (field.equals("clinic") && v == JsonToken.VALUE_STRING) {
                    manifestClinic = p.getText();
                } else {
                    p.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BundleRejectedException(Reason.BAD_MANIFEST, "manifest.json is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (!BundleReader.FORMAT.equals(format)) {
            throw new BundleRejectedException(Reason.BAD_MANIFEST, "format must be " + BundleReader.FORMAT + ", not "
                    + (format == null ? "missing" : printable(format)));
        }
        if (manifestClinic == null || !CLINIC.matcher(manifestClinic).matches()) {
            throw new BundleRejectedException(Reason.BAD_MANIFEST, "clinic must be a lower-case 0x-hex bytes32");
        }
        if (!manifestClinic.equals(clinic)) {
            throw new BundleRejectedException(Reason.WRONG_CLINIC, "the bundle is clinic " + manifestClinic
                    + "'s, not " + clinic + "'s");
        }
    }

    static void listing(Path manifest, String clinic, LeafStore leaves, int entryCount,
                                      TreeMap<String, byte[]> files) throws IOException {
        String format = null;
        String manifestClinic = null;
        BitSet listedEntries = new BitSet();
        Set<String> listed = new HashSet<>();
        try (JsonParser p = new JsonFactory().createParser(manifest.toFile())) {
            expect(p.nextToken() == JsonToken.START_OBJECT, "manifest.json is not a JSON object");
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "format" -> {
                        expect(v == JsonToken.VALUE_STRING, "format must be a string");
                        format = p.getText();
                    }
                    case "clinic" -> {
                        expect(v == JsonToken.VALUE_STRING, "clinic must be a string");
                        manifestClinic = p.getText();
                    }
                    case "files" -> {
                        expect(v == JsonToken.START_ARRAY, "files must be an array");
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            checkFile(p, leaves, files, listedEntries, listed);
                        }
                        expect(p.currentToken() == JsonToken.END_ARRAY, "files must hold objects");
                    }
                    default -> throw new BundleRejectedException(Reason.BAD_MANIFEST,
                            "unknown manifest field " + printable(field));
                }
            }
            expect(t == JsonToken.END_OBJECT && p.nextToken() == null, "manifest.json has trailing content");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BundleRejectedException(Reason.BAD_MANIFEST, "manifest.json is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (!BundleReader.FORMAT.equals(format)) {
            throw new BundleRejectedException(Reason.BAD_MANIFEST, "format must be " + BundleReader.FORMAT + ", not "
                    + (format == null ? "missing" : printable(format)));
        }
        if (manifestClinic == null || !CLINIC.matcher(manifestClinic).matches()) {
            throw new BundleRejectedException(Reason.BAD_MANIFEST, "clinic must be a lower-case 0x-hex bytes32");
        }
        if (!manifestClinic.equals(clinic)) {
            throw new BundleRejectedException(Reason.WRONG_CLINIC, "the bundle is clinic " + manifestClinic
                    + "'s, not " + clinic + "'s");
        }
        if (listedEntries.cardinality() != entryCount) {
            int missing = -1;
            for (int i = 0; i < leaves.size(); i++) {
                if (leaves.has(i) && !listedEntries.get(i)) {
                    missing = i;
                    break;
                }
            }
            throw new BundleRejectedException(Reason.UNLISTED_FILE, EvidenceBundle.entryPath(missing)
                    + " is in the zip but not in the manifest");
        }
        for (String name : files.keySet()) {
            if (!listed.contains(name)) {
                throw new BundleRejectedException(Reason.UNLISTED_FILE, printable(name)
                        + " is in the zip but not in the manifest");
            }
        }
    }

    private static void checkFile(JsonParser p, LeafStore leaves, TreeMap<String, byte[]> files, BitSet listedEntries,
                                  Set<String> listed) throws IOException {
        String path = null;
        String role = null;
        String hash = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.getCurrentName();
            expect(p.nextToken() == JsonToken.VALUE_STRING, "manifest file fields must be strings");
            switch (field) {
                case "path" -> path = p.getText();
                case "role" -> role = p.getText();
                case "sha256" -> hash = p.getText();
                default -> throw new BundleRejectedException(Reason.BAD_MANIFEST,
                        "unknown manifest file field " + printable(field));
            }
        }
        expect(path != null && role != null && hash != null, "a manifest file needs path, role and sha256");
        Matcher m = BundleReader.ENTRY.matcher(path);
        byte[] actual;
        if (m.matches()) {
            int index = Integer.parseInt(m.group(1));
            expect(!listedEntries.get(index), printable(path) + " is listed twice");
            if (!leaves.has(index)) {
                throw new BundleRejectedException(Reason.MISSING_FILE, "the manifest lists " + printable(path)
                        + " but the zip does not hold it");
            }
            listedEntries.set(index);
            expect(role.equals("access-log-entry"), printable(path) + " must have role access-log-entry");
            actual = leaves.entrySha256(index);
        } else {
            expect(listed.add(path), printable(path) + " is listed twice");
            byte[] content = files.get(path);
            if (content == null) {
                throw new BundleRejectedException(Reason.MISSING_FILE, "the manifest lists " + printable(path)
                        + " but the zip does not hold it");
            }
            expect(role.equals(roleOf(path)), printable(path) + " must have role " + roleOf(path));
            actual = Hashes.sha256(content);
        }
        if (!Hex.encodePrefixed(actual).equals(hash)) {
            throw new BundleRejectedException(Reason.HASH_MISMATCH, printable(path) + " does not match its SHA-256 "
                    + "in the manifest (listed " + printable(hash) + ", file " + Hex.encodePrefixed(actual) + ")");
        }
    }

    static String roleOf(String path) {
        if (path.startsWith("checkpoints/")) {
            return path.endsWith(".sig") ? "signed-tree-head-signature" : "signed-tree-head";
        }
        if (path.startsWith("kms-receipts/")) {
            return path.endsWith(".sig") ? "kms-receipt-signature" : "kms-receipt";
        }
        if (path.startsWith("consents/")) {
            return "consent";
        }
        if (path.equals(BundleReader.IDENTIFIERS)) {
            return "identifier-dictionary";
        }
        return "document";
    }

    private static void expect(boolean condition, String message) {
        if (!condition) {
            throw new BundleRejectedException(Reason.BAD_MANIFEST, message);
        }
    }
}
