package org.custos.portal.ledger.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import java.util.Optional;
import org.custos.portal.ledger.domain.ClinicDirectory;
import org.custos.portal.ledger.infrastructure.LedgerConfiguration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Clinic names for pages and exports ({@link ClinicDirectory}); in EL as {@code #{clinicNames.name(id)}}. A
 * portal without a ledger configuration still names clinics by their short ids.
 */
@ApplicationScoped
@Named("clinicNames")
public class ClinicNames {

    @Inject
    LedgerConfiguration configuration;

    private volatile ClinicDirectory directory;

    /** The directory, read once; a wrong entry fails with a message naming it. */
    public ClinicDirectory directory() {
        ClinicDirectory d = directory;
        if (d == null) {
            Optional<String> configured = ConfigProvider.getConfig(ClinicNames.class.getClassLoader())
                    .getOptionalValue(ClinicDirectory.NAMES, String.class);
            Map<String, String> portal = configuration == null ? Map.of() : configuration.settings().clinics();
            d = ClinicDirectory.of(configured.orElse(""), portal);
            directory = d;
        }
        return d;
    }

    /** The clinic's name, else its short id. */
    public String name(String clinicId) {
        return directory().name(clinicId);
    }

    /** Name and full id, for exports and hover titles. */
    public String nameWithId(String clinicId) {
        return directory().nameWithId(clinicId);
    }
}
