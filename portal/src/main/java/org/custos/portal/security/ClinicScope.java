package org.custos.portal.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.custos.portal.ledger.infrastructure.LedgerConfiguration;

/**
 * The one rule for which clinics the caller may see: regulators every clinic; compliance officers and DPOs their
 * own clinic only, taken from the token's {@code clinic_id} and mapped to its on-chain id by
 * {@code custos.ledger.clinics}. A clinic-bound caller whose clinic is not mapped sees nothing: the query scope is
 * {@link #NO_CLINIC}, an id no row has (fail closed). Every service that reads clinic data asks this class; none
 * maps the token's clinic itself (an architecture test keeps it so).
 */
@RequestScoped
public class ClinicScope {

    /** A clinic id no row has: the query scope of a clinic-bound caller whose clinic is not mapped. */
    public static final String NO_CLINIC = "-";

    private static final Pattern CLINIC_ID = Pattern.compile("0x[0-9a-f]{64}");

    @Inject
    CurrentUser currentUser;

    @Inject
    LedgerConfiguration configuration;

    /** For the container (a request-scoped bean needs a no-argument constructor). */
    public ClinicScope() {
    }

    /** Outside a container (unit tests, tools): the rule for {@code currentUser} under {@code configuration}. */
    public ClinicScope(CurrentUser currentUser, LedgerConfiguration configuration) {
        this.currentUser = currentUser;
        this.configuration = configuration;
    }

    /** True for regulators, who see every clinic. */
    public boolean allClinics() {
        return currentUser.isRegulator();
    }

    /** The caller's own on-chain clinic id: empty for regulators and for a clinic-bound caller not mapped. */
    public Optional<String> ownClinic() {
        if (allClinics()) {
            return Optional.empty();
        }
        return configuration.settings().chainClinicId(currentUser.requireClinicId())
                .map(c -> c.toLowerCase(Locale.ROOT));
    }

    /** For queries: null for regulators (every clinic), else the caller's own clinic or {@link #NO_CLINIC}. */
    public String queryScope() {
        return allClinics() ? null : ownClinic().orElse(NO_CLINIC);
    }

    /**
     * The clinic a query may use when the caller asked for {@code requested}: a regulator's choice is kept (blank:
     * null, every clinic); a clinic-bound caller always gets their own clinic (or {@link #NO_CLINIC}), whatever
     * was asked.
     */
    public String restrict(String requested) {
        if (allClinics()) {
            return requested == null || requested.isBlank() ? null : requested.trim().toLowerCase(Locale.ROOT);
        }
        return queryScope();
    }

    /** Whether the caller may see data of {@code clinicId} (an on-chain id; case does not matter). */
    public boolean mayAccess(String clinicId) {
        if (clinicId == null) {
            return false;
        }
        if (allClinics()) {
            return true;
        }
        return ownClinic().map(own -> own.equals(clinicId.toLowerCase(Locale.ROOT))).orElse(false);
    }

    /**
     * The caller's clinic as their token's {@code clinic_id} names it (the portal's clinic name, not mapped): what
     * the trail records as a clinic-bound actor's clinic, so what a compliance officer's or DPO's view of the trail
     * is filtered by, and what their home page shows. Fails with {@link MissingClinicException} when the token
     * names no clinic. Never a scope for clinic data: that is {@link #queryScope()}.
     */
    public String tokenClinic() {
        return currentUser.requireClinicId();
    }

    /** Whether {@code clinicId} is well formed as an on-chain clinic id (0x and 64 lower-case hex digits). */
    public static boolean wellFormed(String clinicId) {
        return clinicId != null && CLINIC_ID.matcher(clinicId.toLowerCase(Locale.ROOT)).matches();
    }
}
