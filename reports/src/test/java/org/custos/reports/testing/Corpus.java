package org.custos.reports.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** Reads the conformance corpus written by {@link ConformanceCorpus} (path from the {@code conformance.dir} property). */
public final class Corpus {

    public final Path dir;
    public final List<String> reports;

    private Corpus(Path dir, List<String> reports) {
        this.dir = dir;
        this.reports = reports;
    }

    public static Corpus load() {
        String property = System.getProperty("conformance.dir");
        assertThat(property).as("system property conformance.dir (set by failsafe in reports/pom.xml)").isNotBlank();
        Path dir = Path.of(property);
        Path index = dir.resolve("corpus.properties");
        assertThat(index).as("the conformance corpus is made by the build's conformance-corpus step "
                + "(pre-integration-test); run `mvn -pl reports -am verify`").exists();
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(index)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Corpus(dir, Arrays.asList(properties.getProperty("reports").split(",")));
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    public byte[] bytes(String name) {
        try {
            return Files.readAllBytes(dir.resolve(name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
