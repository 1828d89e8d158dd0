package org.custos.portal.ledger.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
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

    /** Reads the names at startup, so that a wrong entry stops the deployment with its message. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        directory();
    }

    /** The directory, read once; a wrong entry fails with a message naming it. */
    public ClinicDirectory directory() {
        ClinicDirectory d = directory;
        if (d == null) {
            Optional<String> configured = ConfigProvider.getConfig(ClinicNames.class.getClassLoader())
                    .getOptionalValue(ClinicDirectory.NAMES, String.class);
            Map<String, String> portal;
            try {
                portal = configuration == null ? Map.of() : configuration.settings().clinics();
            } catch (RuntimeException misconfigured) {
                portal = Map.of(); // the ledger's own check reports it (LedgerConfigException at startup)
            }
            d = ClinicDirectory.of(configured.orElse(""), portal);
            directory = d;
        }
        return d;
    }

    /** The clinic's name, else its short id. */
    public String name(String clinicId) {
        return directory().name(clinicId);
    }

    /**
     * The name of a portal clinic id (a user's {@code clinic_id} claim, e.g. {@code clinic-north}): the name of the
     * on-chain clinic it maps to, else the claim itself.
     */
    public String ofPortalClinic(String portalClinicId) {
        if (portalClinicId == null || portalClinicId.isBlank()) {
            return "";
        }
        return chainIdOf(portalClinicId).map(this::name).orElse(portalClinicId);
    }

    /** The on-chain id a portal clinic id maps to (for hover titles), else the claim itself. */
    public String chainIdOrClaim(String portalClinicId) {
        return portalClinicId == null ? "" : chainIdOf(portalClinicId).orElse(portalClinicId);
    }

    private Optional<String> chainIdOf(String portalClinicId) {
        try {
            return configuration == null ? Optional.empty() : configuration.settings().chainClinicId(portalClinicId);
        } catch (RuntimeException misconfigured) {
            return Optional.empty();
        }
    }

    /** Name and full id, for exports and hover titles. */
    public String nameWithId(String clinicId) {
        return directory().nameWithId(clinicId);
    }
}
