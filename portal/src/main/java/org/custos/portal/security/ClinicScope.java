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

    /**
     * The scope of a caller as decided on their request thread, carried to work that runs for them on the managed
     * executor (where the container knows the caller's roles but not their token's claims).
     *
     * @param all         a regulator
     * @param ownClinic   the mapped on-chain clinic (null for regulators and unmapped callers)
     * @param tokenClinic the token's {@code clinic_id} (null for regulators)
     */
    public record Decided(boolean all, String ownClinic, String tokenClinic) implements java.io.Serializable {
    }

    /** Work that runs for a caller with their decided scope and may throw {@code E}. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private static final ThreadLocal<Decided> DECIDED = new ThreadLocal<>();

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

    /** The caller's scope, decided now (on the request thread) for work that will run elsewhere. */
    public Decided decide() {
        return allClinics() ? new Decided(true, null, null)
                : new Decided(false, ownClinic().orElse(null), tokenClinic());
    }

    /**
     * Runs {@code work} on this thread with {@code decided} as the caller's scope: every {@link ClinicScope} call of
     * the work answers from it (the managed executor's tasks have no token to read).
     */
    public static <T, E extends Exception> T within(Decided decided, Work<T, E> work) throws E {
        Decided before = DECIDED.get();
        DECIDED.set(java.util.Objects.requireNonNull(decided, "decided"));
        try {
            return work.run();
        } finally {
            if (before == null) {
                DECIDED.remove();
            } else {
                DECIDED.set(before);
            }
        }
    }

    /** True for regulators, who see every clinic. */
    public boolean allClinics() {
        Decided decided = DECIDED.get();
        return decided != null ? decided.all() : currentUser.isRegulator();
    }

    /** The caller's own on-chain clinic id: empty for regulators and for a clinic-bound caller not mapped. */
    public Optional<String> ownClinic() {
        if (allClinics()) {
            return Optional.empty();
        }
        Decided decided = DECIDED.get();
        if (decided != null) {
            return Optional.ofNullable(decided.ownClinic());
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
        Decided decided = DECIDED.get();
        if (decided != null && decided.tokenClinic() != null) {
            return decided.tokenClinic();
        }
        return currentUser.requireClinicId();
    }

    /** Whether {@code clinicId} is well formed as an on-chain clinic id (0x and 64 lower-case hex digits). */
    public static boolean wellFormed(String clinicId) {
        return clinicId != null && CLINIC_ID.matcher(clinicId.toLowerCase(Locale.ROOT)).matches();
    }
}
