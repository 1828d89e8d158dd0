package org.custos.portal.security;

/** A clinic-bound user (compliance officer, DPO) whose token carries no {@code clinic_id}: access is refused. */
public class MissingClinicException extends SecurityException {

    private static final long serialVersionUID = 1L;

    public MissingClinicException(String user) {
        super("user " + user + " has a clinic-bound role but no clinic_id claim");
    }
}
