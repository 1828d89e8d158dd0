package org.custos.portal.evidence.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.custos.verify.Hashes;
import org.custos.verify.Hex;

/** Builds small custos-bundle/1 zips for unit tests (entries in the format of docs/evidence-bundle.md). */
public final class TestBundles {

    public static final String CLINIC = "0x" + "ab".repeat(32);
    public static final String OTHER_CLINIC = "0x" + "cd".repeat(32);

    private TestBundles() {
    }

    public static String entry(int index, String clinic, String recorded, String role, String purpose,
                               boolean breakGlass, String subject, String record, int category, String consent) {
        String purposes = "[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActReason\",\"code\":\""
                + purpose + "\"}" + (breakGlass ? ",{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActReason\","
                + "\"code\":\"BTG\"}" : "") + "]}]";
        String consentEntity = consent == null ? "" : ",{\"what\":{\"type\":\"Consent\",\"identifier\":{\"system\":"
                + "\"urn:custos:consent-id\",\"value\":\"" + consent + "\"}}}";
        return "{\"resourceType\":\"AuditEvent\",\"id\":\"access-" + String.format("%06d", index) + "\","
                + "\"extension\":[{\"url\":\"urn:custos:fhir:StructureDefinition/break-glass\",\"valueBoolean\":"
                + breakGlass + "}],"
                + "\"type\":{\"system\":\"http://terminology.hl7.org/CodeSystem/audit-event-type\",\"code\":\"rest\"},"
                + "\"action\":\"R\",\"recorded\":\"" + recorded + "\",\"outcome\":\"0\",\"purposeOfEvent\":" + purposes
                + ",\"agent\":[{\"role\":[{\"coding\":[{\"system\":\"urn:custos:staff-role\",\"code\":\"" + role
                + "\"}]}],\"who\":{\"identifier\":{\"system\":\"urn:custos:clinic:" + clinic + ":staff\",\"value\":"
                + "\"staff-01\"}},\"requestor\":true}],\"source\":{\"observer\":{\"identifier\":{\"system\":"
                + "\"urn:custos:clinic-id\",\"value\":\"" + clinic + "\"}}},\"entity\":[{\"what\":{\"type\":\"Patient\","
                + "\"identifier\":{\"system\":\"urn:custos:subject-pseudonym\",\"value\":\"" + subject + "\"}}},"
                + "{\"extension\":[{\"url\":\"urn:custos:fhir:StructureDefinition/data-category\",\"valueString\":\""
                + category + "\"}],\"what\":{\"identifier\":{\"system\":\"urn:custos:record-id\",\"value\":\"" + record
                + "\"}}}" + consentEntity + "]}";
    }

    public static String simpleEntry(int index) {
        return entry(index, CLINIC, "2025-01-0" + (1 + index % 9) + "T10:00:00+00:00", "physician", "TREAT", false,
                word(1), word(2), 1, word(3));
    }

    public static String word(int n) {
        return "0x" + String.format("%064x", n);
    }

    /** Files of a valid bundle of {@code entries} entries (path → content), manifest not included. */
    public static Map<String, byte[]> files(int entries) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < entries; i++) {
            files.put(EvidenceBundle.entryPath(i), simpleEntry(i).getBytes(StandardCharsets.UTF_8));
        }
        files.put("documents/ropa-v1.json", ("{\"categories\":[{\"category\":5,\"retentionDays\":30}],\"clinic\":\""
                + CLINIC + "\",\"format\":\"custos-ropa/1\"}").getBytes(StandardCharsets.UTF_8));
        return files;
    }

    public static String manifest(String clinic, Map<String, byte[]> files) {
        List<String> rows = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            rows.add("{\"path\":\"" + f.getKey() + "\",\"role\":\"" + (f.getKey().startsWith("access-log/")
                    ? "access-log-entry" : BundleReader.roleOf(f.getKey())) + "\",\"sha256\":\""
                    + Hex.encodePrefixed(Hashes.sha256(f.getValue())) + "\"}");
        }
        return "{\"clinic\":\"" + clinic + "\",\"files\":[" + String.join(",", rows) + "],\"format\":\"custos-bundle/1\"}";
    }

    /** A zip of the manifest (if not null) and the files, in that order. */
    public static byte[] zip(String manifest, Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            if (manifest != null) {
                zip.putNextEntry(new ZipEntry(BundleReader.MANIFEST));
                zip.write(manifest.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    public static byte[] valid(int entries) throws IOException {
        Map<String, byte[]> files = files(entries);
        return zip(manifest(CLINIC, files), files);
    }
}
