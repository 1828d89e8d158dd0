package org.custos.reports.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File-backed evidence: the same hash, size and bytes as in memory, and a file changed after hashing is caught. */
class EvidenceTest {

    @TempDir
    Path dir;

    @Test
    void fileBackedEvidenceHasTheHashSizeAndBytesOfItsFile() throws IOException {
        byte[] json = "{\"version\":\"custos-evidence/1\",\"note\":\"Łódź ✓\"}".repeat(5_000)
                .getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("evidence.json"), json);
        Evidence fromFile = Evidence.ofFile(file);
        Evidence inMemory = new Evidence(json);
        assertThat(fromFile.fileBacked()).isTrue();
        assertThat(inMemory.fileBacked()).isFalse();
        assertThat(fromFile.sha256Hex()).isEqualTo(inMemory.sha256Hex()).isEqualTo(Evidence.sha256Hex(json));
        assertThat(fromFile.size()).isEqualTo(json.length).isEqualTo(inMemory.size());
        assertThat(fromFile).isEqualTo(inMemory).hasSameHashCodeAs(inMemory);
        try (InputStream in = fromFile.openStream()) {
            assertThat(in.readAllBytes()).isEqualTo(json);
        }
        assertThat(fromFile.json()).isEqualTo(json);
    }

    @Test
    void aFileChangedAfterItWasHashedFailsWhenRead() throws IOException {
        Path file = Files.writeString(dir.resolve("evidence.json"), "{\"a\":1}");
        Evidence evidence = Evidence.ofFile(file);
        Files.writeString(file, "{\"a\":2}");
        assertThatThrownBy(() -> evidence.openStream().readAllBytes()).isInstanceOf(IOException.class)
                .hasMessageContaining("changed after it was hashed");
        Files.writeString(file, "{\"a\":1}", StandardOpenOption.APPEND);
        assertThatThrownBy(() -> evidence.openStream().readAllBytes()).isInstanceOf(IOException.class)
                .hasMessageContaining("changed after it was hashed");
        Files.writeString(file, "{\"a");
        assertThatThrownBy(evidence::json).hasCauseInstanceOf(IOException.class)
                .hasMessageContaining("changed after it was hashed");
    }

    @Test
    void emptyMissingOrDirectoryEvidenceIsRefused() throws IOException {
        Path empty = Files.write(dir.resolve("empty.json"), new byte[0]);
        assertThatThrownBy(() -> Evidence.ofFile(empty)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> Evidence.ofFile(dir.resolve("missing.json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a regular file");
        assertThatThrownBy(() -> Evidence.ofFile(dir)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Evidence.ofFile(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Evidence(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inMemoryEvidenceIsCopiedInAndOut() {
        byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
        Evidence evidence = new Evidence(json);
        json[0] = 'x';
        evidence.json()[0] = 'y';
        assertThat(evidence.json()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    }
}
