package org.custos.verify.archfixture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A planted violation: a "verifier" in the core namespace that reads a file. */
public final class PlantedFileReadingVerifier {

    private PlantedFileReadingVerifier() {
    }

    public static byte[] load(String path) throws IOException {
        return Files.readAllBytes(Path.of(path));
    }
}
