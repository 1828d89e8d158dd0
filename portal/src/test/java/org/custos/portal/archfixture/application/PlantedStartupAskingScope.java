package org.custos.portal.archfixture.application;

import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import org.custos.portal.security.ClinicScope;

/**
 * A deliberate violation (background work started with the application asking for a caller's clinic scope, which
 * has no request to answer from), to prove that PortalArchitectureTest catches one.
 */
@Singleton
@Startup
public class PlantedStartupAskingScope {

    ClinicScope scope;

    public String tick() {
        return new Helper().scopeOf(scope);
    }

    /** One step away, as a scheduler's helper would be: the rule follows dependencies transitively. */
    static class Helper {
        String scopeOf(ClinicScope s) {
            return s.queryScope();
        }
    }
}
