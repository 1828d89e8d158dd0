package org.custos.portal.archfixture.application;

import java.util.Optional;
import org.custos.portal.ledger.domain.LedgerSettings;
import org.custos.portal.security.CurrentUser;

/**
 * A deliberate violation (a service mapping the token's clinic itself instead of asking {@code ClinicScope}), to
 * prove that PortalArchitectureTest catches one.
 */
public class PlantedOwnClinicScope {

    public Optional<String> myClinic(LedgerSettings settings, CurrentUser user) {
        return settings.chainClinicId(user.requireClinicId());
    }
}
