package org.custos.verify.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Locates copied test vectors under {@code src/test/resources/vectors/} (test scope only). */
public final class Vectors {

    private Vectors() {
    }

    /** All {@code .json} files below {@code vectors/<dir>}, as classpath-relative paths, sorted. */
    public static List<String> jsonFilesUnder(String dir) {
        String root = "vectors/" + dir;
        URL url = Vectors.class.getClassLoader().getResource(root);
        if (url == null) {
            throw new IllegalArgumentException("no test resource directory " + root);
        }
        try (Stream<Path> files = Files.walk(Path.of(url.toURI()))) {
            Path base = Path.of(url.toURI());
            return files.filter(p -> p.toString().endsWith(".json"))
                    .map(p -> root + "/" + base.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
