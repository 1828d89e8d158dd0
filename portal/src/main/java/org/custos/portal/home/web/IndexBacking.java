package org.custos.portal.home.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.custos.portal.security.CurrentUser;

/** Sends each signed-in user to the start page of their role. */
@Named
@RequestScoped
public class IndexBacking {

    @Inject
    CurrentUser user;

    public String route() {
        if (user.isRegulator()) {
            return "/home/regulator.xhtml?faces-redirect=true";
        }
        if (user.isComplianceOfficer()) {
            return "/home/officer.xhtml?faces-redirect=true";
        }
        if (user.isDpo()) {
            return "/home/dpo.xhtml?faces-redirect=true";
        }
        return "/error/403.xhtml?faces-redirect=true";
    }
}
