package org.custos.portal.reports.application;

import jakarta.ejb.Stateless;
import org.custos.portal.reports.domain.IssuedReport;

/** PLACEHOLDER until h/reportweb's service merges. */
@Stateless
public class RegisterService {
    public IssuedReport record(IssuedReport report, byte[] pdf) {
        return report;
    }
}
