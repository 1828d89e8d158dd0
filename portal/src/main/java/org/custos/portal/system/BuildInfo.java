package org.custos.portal.system;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The portal's version, from the build (a fact of the build, not configuration). */
@Named("buildInfo")
@ApplicationScoped
public class BuildInfo {

    private String version;

    @PostConstruct
    void load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/custos-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        version = p.getProperty("custos.version", "unknown");
    }

    public String getVersion() {
        return version;
    }
}
