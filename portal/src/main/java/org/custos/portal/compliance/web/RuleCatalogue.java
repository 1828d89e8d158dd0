package org.custos.portal.compliance.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * The catalogue's statement of each implemented rule (source, data needed, check, severity), quoted from
 * compliance-catalogue.md in {@code catalogue.properties} next to this class.
 */
@Named
@ApplicationScoped
public class RuleCatalogue {

    /** One rule as the catalogue states it. */
    public record Entry(String id, String source, String data, String check, String severity) {
    }

    private final Properties entries = load();

    static Properties load() {
        Properties p = new Properties();
        try (InputStream in = RuleCatalogue.class.getResourceAsStream("catalogue.properties")) {
            if (in == null) {
                throw new IllegalStateException("catalogue.properties is missing from the portal");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    public Optional<Entry> entry(String ruleId) {
        if (ruleId == null || entries.getProperty(ruleId + ".check") == null) {
            return Optional.empty();
        }
        return Optional.of(new Entry(ruleId, entries.getProperty(ruleId + ".source"),
                entries.getProperty(ruleId + ".data"), entries.getProperty(ruleId + ".check"),
                entries.getProperty(ruleId + ".severity")));
    }

    /** For the page: the entry or null. */
    public Entry get(String ruleId) {
        return entry(ruleId).orElse(null);
    }
}
