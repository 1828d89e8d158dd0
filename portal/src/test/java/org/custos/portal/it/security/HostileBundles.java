package org.custos.portal.it.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.custos.verify.Hex;

/** The evidence bundles {@link EscapingIT} uploads, written as files to choose in the browser. */
final class HostileBundles {

    private HostileBundles() {
    }

    /** A zip named with markup, holding a manifest whose fields are markup and an entry whose name is a script. */
    static Path refused(String fileName, String clinicId) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(("{\"format\":\"<svg onload=window.__pwned=42 data-es=u2>\",\"clinic\":\"" + clinicId
                    + "\",\"files\":{\"<script>window.__pwned=43</script>.json\":\"{{7*7}}\"}}")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("<script>window.__pwned=43</script>.json"));
            zip.write("{\"resourceType\":\"<b data-es=u4>\"}".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Path file = Files.createTempDirectory("custos-escaping-").resolve(fileName);
        Files.write(file, bytes.toByteArray());
        return file;
    }

    /**
     * A bundle of the hostile clinic that would be well-formed but for its path: a manifest listing the anchored
     * document (with its true SHA-256) under a path with markup, and the document.
     */
    static Path withDocument(String clinicId) throws Exception {
        String sha = Hex.encodePrefixed(
                MessageDigest.getInstance("SHA-256").digest(HostileChain.DOCUMENT));
        String manifest = "{\"format\":\"custos-bundle/1\",\"clinic\":\"" + clinicId + "\",\"files\":[{\"path\":"
                + new ObjectMapper().writeValueAsString(Inert.DOCUMENT_PATH)
                + ",\"role\":\"document\",\"sha256\":\"" + sha + "\"}]}";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(Inert.DOCUMENT_PATH));
            zip.write(HostileChain.DOCUMENT);
            zip.closeEntry();
        }
        Path file = Files.createTempDirectory("custos-escaping-").resolve("hostile-document.zip");
        Files.write(file, bytes.toByteArray());
        return file;
    }
}
