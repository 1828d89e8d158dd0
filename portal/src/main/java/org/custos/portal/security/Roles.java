package org.custos.portal.security;

import java.util.List;

/** The portal's roles, as Keycloak realm roles carried in the {@code groups} claim. */
public final class Roles {

    public static final String REGULATOR = "regulator";
    public static final String COMPLIANCE_OFFICER = "compliance-officer";
    public static final String DPO = "dpo";

    /** In order of precedence, for display and routing. */
    public static final List<String> ALL = List.of(REGULATOR, COMPLIANCE_OFFICER, DPO);

    private Roles() {
    }
}
