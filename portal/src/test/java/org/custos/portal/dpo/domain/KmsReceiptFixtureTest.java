package org.custos.portal.dpo.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.custos.portal.dpo.domain.KmsReceiptVerifier.Reason;
import org.custos.portal.dpo.domain.KmsReceiptVerifier.Verdict;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.verify.Hashes;
import org.custos.verify.Hex;
import org.junit.jupiter.api.Test;

/**
 * The strict receipt rule accepts every receipt the consortium simulator wrote into the committed demo fixture
 * ({@code consortium/fixtures/demo/kms-receipts.json} and the {@code kms-receipts/} of each bundle, their exact bytes
 * and {@code .sig} files), and refuses each one against another signer.
 */
class KmsReceiptFixtureTest {

    private static final Path FIXTURE = Path.of(System.getProperty("custos.fixture.dir",
            "../consortium/fixtures/demo"));
    private static final String OTHER_SIGNER = "0x" + "12".repeat(20);

    private static Verdict verify(byte[] receipt, byte[] sig, String clinic, String signer) throws IOException {
        JsonNode content = new ObjectMapper().readTree(receipt);
        String keyId = content.path("keyId").asText();
        ProvenEvent destroyed = new ProvenEvent(1, "KeyDestroyed", clinic, Map.of("clinicId", clinic, "keyId", keyId,
                "kmsDeletionReceiptHash", Hex.encodePrefixed(Hashes.sha256(receipt))), 1, 0, 0, "0x" + "00".repeat(32),
                Instant.EPOCH, null);
        return new KmsReceiptVerifier().verify(receipt, sig,
                new KmsReceiptVerifier.Expected(clinic, Set.of(keyId), List.of(destroyed), signer));
    }

    @Test
    void everyFixtureReceiptVerifiesAgainstItsSignerAndNoOther() throws IOException {
        JsonNode all = new ObjectMapper().readTree(FIXTURE.resolve("kms-receipts.json").toFile());
        assertThat(all.size()).isGreaterThan(100);
        for (JsonNode r : all) {
            byte[] receipt = r.path("receipt").asText().getBytes(StandardCharsets.UTF_8);
            byte[] sig = r.path("signature").asText().getBytes(StandardCharsets.US_ASCII);
            String clinic = r.path("clinic").asText();
            Verdict v = verify(receipt, sig, clinic, r.path("signer").asText());
            assertThat(v.verified()).as(r.toString()).isTrue();
            assertThat(v.sha256()).isEqualTo(r.path("sha256").asText());
            assertThat(verify(receipt, sig, clinic, OTHER_SIGNER).reason()).isEqualTo(Reason.WRONG_SIGNER);
        }
    }

    @Test
    void everyBundledReceiptAndSignatureFileVerifies() throws IOException {
        Map<String, String> signerBySha = new HashMap<>();
        Map<String, String> clinicBySha = new HashMap<>();
        for (JsonNode r : new ObjectMapper().readTree(FIXTURE.resolve("kms-receipts.json").toFile())) {
            signerBySha.put(r.path("sha256").asText(), r.path("signer").asText());
            clinicBySha.put(r.path("sha256").asText(), r.path("clinic").asText());
        }
        int checked = 0;
        try (var bundles = Files.list(FIXTURE.resolve("bundles"))) {
            for (Path zip : bundles.filter(p -> p.toString().endsWith(".zip")).sorted().toList()) {
                Map<String, byte[]> files = kmsFiles(zip);
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    if (!f.getKey().endsWith(".json")) {
                        continue;
                    }
                    byte[] sig = files.get(f.getKey().replace(".json", ".sig"));
                    String sha = Hex.encodePrefixed(Hashes.sha256(f.getValue()));
                    assertThat(signerBySha).as(zip + " " + f.getKey()).containsKey(sha);
                    Verdict v = verify(f.getValue(), sig, clinicBySha.get(sha), signerBySha.get(sha));
                    assertThat(v.verified()).as(zip + " " + f.getKey() + ": " + v).isTrue();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    private static Map<String, byte[]> kmsFiles(Path zip) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (e.getName().startsWith("kms-receipts/")) {
                    out.put(e.getName(), z.readAllBytes());
                }
            }
        }
        return out;
    }
}
