package org.custos.portal.compliance.export;

import org.custos.portal.compliance.domain.FindingStatus;
import org.custos.portal.compliance.domain.Severity;

/**
 * The filters of a findings export, each null when not given. {@code clinicId} is what the caller asked for;
 * the application layer honours it for regulators only and replaces it by the caller's own clinic otherwise.
 */
public record FindingsQuery(String ruleId, Severity severity, FindingStatus status, String clinicId,
                            boolean currentOnly) {
}
