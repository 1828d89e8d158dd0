package org.custos.portal.compliance.domain.rules;

import org.custos.portal.compliance.domain.Regimes;
import org.custos.portal.compliance.domain.Rule;
import org.custos.portal.compliance.domain.Severity;

/** A rule whose catalogue metadata and applicability are fixed at construction. */
abstract class CatalogueRule extends Rule {

    enum Scope { ALL, GDPR, HIPAA }

    private final String id;
    private final int version;
    private final String source;
    private final Severity severity;
    private final Scope scope;
    private final boolean bundle;

    CatalogueRule(String id, int version, String source, Severity severity, Scope scope, boolean bundle) {
        this.id = id;
        this.version = version;
        this.source = source;
        this.severity = severity;
        this.scope = scope;
        this.bundle = bundle;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int version() {
        return version;
    }

    @Override
    public String legalSource() {
        return source;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    @Override
    public boolean needsBundle() {
        return bundle;
    }

    @Override
    public boolean appliesTo(Regimes r) {
        return switch (scope) {
            case ALL -> true;
            case GDPR -> r.gdpr();
            case HIPAA -> r.hipaa();
        };
    }
}
