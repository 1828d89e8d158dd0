package org.custos.consortium.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.web3j.utils.Numeric;

/**
 * A clinic's evidence bundle (docs/evidence-bundle.md): one deterministic zip with {@code manifest.json} first, then
 * the access-log entries, signed tree heads, consents, documents, KMS receipts and the identifier dictionary in that
 * order, each entry dated
 * 2025-01-01T00:00:00 (DOS time, no extra fields), so the same plan gives the same bytes.
 */
public final class EvidenceBundle {

    public static final String FORMAT = "custos-bundle/1";
    public static final String MANIFEST = "manifest.json";
    public static final String ROLE_LOG_ENTRY = "access-log-entry";
    public static final String ROLE_CONSENT = "consent";
    public static final String ROLE_DOCUMENT = "document";
    public static final String ROLE_KMS_RECEIPT = "kms-receipt";
    public static final String ROLE_KMS_SIGNATURE = "kms-receipt-signature";
    public static final String ROLE_TREE_HEAD = "signed-tree-head";
    public static final String ROLE_TREE_HEAD_SIGNATURE = "signed-tree-head-signature";
    public static final String ROLE_IDENTIFIERS = "identifier-dictionary";
    /** The identifiers the clinic lists for the plain-hash check (GDPR-MIN-02); personal data, never anchored. */
    public static final String IDENTIFIERS = "identifiers/dictionary.json";
    public static final String IDENTIFIERS_FORMAT = "custos-identifiers/1";
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2025, 1, 1, 0, 0);

    private EvidenceBundle() {
    }

    /** One file of a bundle: its path in the zip, role and bytes. */
    public record File(String path, String role, byte[] bytes) {
    }

    /** The files of a clinic's bundle (without the manifest), in zip order. */
    public static List<File> files(SimulatedClinic clinic) {
        List<File> files = new ArrayList<>();
        for (int i = 0; i < clinic.accessLog().size(); i++) {
            files.add(new File(logPath(i), ROLE_LOG_ENTRY, clinic.accessLog().get(i)));
        }
        for (int i = 0; i < clinic.treeHeads().size(); i++) {
            SignedTreeHead head = clinic.treeHeads().get(i);
            files.add(new File(treeHeadPath(i), ROLE_TREE_HEAD, head.json().getBytes(StandardCharsets.UTF_8)));
            files.add(new File(String.format("checkpoints/%06d.sig", i), ROLE_TREE_HEAD_SIGNATURE,
                    head.signature().getBytes(StandardCharsets.US_ASCII)));
        }
        for (int i = 0; i < clinic.consents().size(); i++) {
            files.add(new File(String.format("consents/%06d.json", i), ROLE_CONSENT, clinic.consents().get(i)));
        }
        for (Map.Entry<String, byte[]> document : clinic.documents().entrySet()) {
            files.add(new File(document.getKey(), ROLE_DOCUMENT, document.getValue()));
        }
        for (int i = 0; i < clinic.kmsReceipts().size(); i++) {
            KmsReceipt receipt = clinic.kmsReceipts().get(i);
            files.add(new File(String.format("kms-receipts/%06d.json", i), ROLE_KMS_RECEIPT,
                    receipt.json().getBytes(StandardCharsets.UTF_8)));
            files.add(new File(String.format("kms-receipts/%06d.sig", i), ROLE_KMS_SIGNATURE,
                    receipt.signature().getBytes(StandardCharsets.US_ASCII)));
        }
        files.add(new File(IDENTIFIERS, ROLE_IDENTIFIERS, dictionary(clinic.identifiers())));
        return files;
    }

    /**
     * The identifier dictionary: canonical JSON (keys sorted, no white space)
     * {@code {"format":"custos-identifiers/1","identifiers":["MRN-00-000003","pat000003.c00@mail.example",..]}}.
     */
    public static byte[] dictionary(List<String> identifiers) {
        StringBuilder json = new StringBuilder("{\"format\":\"").append(IDENTIFIERS_FORMAT)
                .append("\",\"identifiers\":[");
        for (int i = 0; i < identifiers.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"');
            String id = identifiers.get(i);
            for (int k = 0; k < id.length(); k++) {
                char c = id.charAt(k);
                if (c == '"' || c == '\\') {
                    json.append('\\').append(c);
                } else if (c < 0x20) {
                    json.append(String.format("\\u%04x", (int) c));
                } else {
                    json.append(c);
                }
            }
            json.append('"');
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The signed tree head of the clinic's k-th checkpoint (0-based, in anchoring order). */
    public static String treeHeadPath(int k) {
        return String.format("checkpoints/%06d.json", k);
    }

    public static String logPath(int index) {
        return String.format("access-log/%06d.json", index);
    }

    /**
     * The manifest: canonical JSON (keys sorted, no white space)
     * {@code {"clinic":"0x..","files":[{"path":..,"role":..,"sha256":"0x.."},..],"format":"custos-bundle/1"}}.
     */
    public static byte[] manifest(byte[] clinicId, List<File> files) {
        StringBuilder json = new StringBuilder("{\"clinic\":\"").append(Numeric.toHexString(clinicId))
                .append("\",\"files\":[");
        for (int i = 0; i < files.size(); i++) {
            File file = files.get(i);
            json.append(i == 0 ? "" : ",").append("{\"path\":\"").append(file.path()).append("\",\"role\":\"")
                    .append(file.role()).append("\",\"sha256\":\"")
                    .append(Numeric.toHexString(Simulator.sha256(file.bytes()))).append("\"}");
        }
        return json.append("],\"format\":\"").append(FORMAT).append("\"}").toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The bundle's zip bytes. */
    public static byte[] zip(SimulatedClinic clinic) {
        List<File> files = files(clinic);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            put(zip, MANIFEST, manifest(clinic.clinicId(), files));
            for (File file : files) {
                put(zip, file.path(), file.bytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes {@code dir/bundles/clinic-<index>.zip} for every clinic of the plan. */
    public static void writeAll(Plan plan, Path dir) throws IOException {
        Path bundles = Files.createDirectories(dir.resolve("bundles"));
        for (int i = 0; i < plan.clinics().size(); i++) {
            Files.write(bundles.resolve("clinic-" + i + ".zip"), zip(plan.clinics().get(i)));
        }
    }

    /** Reads a bundle's zip into path to bytes, in zip order. */
    public static Map<String, byte[]> read(byte[] zipBytes) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(
                new java.io.ByteArrayInputStream(zipBytes), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static void put(ZipOutputStream zip, String path, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(path);
        entry.setTimeLocal(ENTRY_TIME);
        entry.setMethod(ZipEntry.DEFLATED);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }
}
