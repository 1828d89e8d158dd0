package org.custos.portal.compliance.domain;

/** Catalogue severities: S1 critical … S4 info. */
public enum Severity { S1, S2, S3, S4 }
