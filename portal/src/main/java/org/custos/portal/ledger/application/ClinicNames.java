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
import org.custos.portal.security.ClinicScope;
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

    @Inject
    ClinicScope scope;

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
     * The signed-in user's own clinic by name: the name of the on-chain clinic their token's {@code clinic_id} maps
     * to ({@link ClinicScope#ownClinic()}), else the claim itself; empty for regulators.
     */
    public String ofCurrentUser() {
        return own().map(this::name).orElseGet(this::claim);
    }

    /** The signed-in user's own on-chain clinic id (for hover titles), else their claim; empty for regulators. */
    public String idOfCurrentUser() {
        return own().orElseGet(this::claim);
    }

    private Optional<String> own() {
        try {
            return scope == null ? Optional.empty() : scope.ownClinic();
        } catch (RuntimeException noClaimOrMisconfigured) {
            return Optional.empty();
        }
    }

    private String claim() {
        try {
            return scope == null || scope.allClinics() ? "" : scope.tokenClinic();
        } catch (RuntimeException noClaim) {
            return "";
        }
    }

    /** Name and full id, for exports and hover titles. */
    public String nameWithId(String clinicId) {
        return directory().nameWithId(clinicId);
    }
}
