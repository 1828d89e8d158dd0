package org.custos.portal.security;

import java.io.Serializable;

/** Who signed in to an HTTP session, kept in the session so that its end can be recorded in the trail. */
public record SignedInUser(String name, String roles, String clinicId) implements Serializable {

    public static final String SESSION_ATTRIBUTE = "custos.signedInUser";
    public static final String SIGNED_OUT_ATTRIBUTE = "custos.signedOut";
}
