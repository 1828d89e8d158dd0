package org.custos.portal.compliance.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custos.portal.compliance.domain.rules.BreakGlassReview;
import org.custos.portal.compliance.domain.rules.CommitmentScheme;
import org.custos.portal.compliance.domain.rules.CoveredEntityScope;
import org.custos.portal.compliance.domain.rules.ConsentText;
import org.custos.portal.compliance.domain.rules.ErasureRefusalGround;
import org.custos.portal.compliance.domain.rules.LawfulBasis;
import org.custos.portal.compliance.domain.rules.CleartextPersonalData;
import org.custos.portal.compliance.domain.rules.ConsentCoverage;
import org.custos.portal.compliance.domain.rules.ConsentWithdrawal;
import org.custos.portal.compliance.domain.rules.CryptoShreddingEvidence;
import org.custos.portal.compliance.domain.rules.DisclosureAccounting;
import org.custos.portal.compliance.domain.rules.ErasureCompletion;
import org.custos.portal.compliance.domain.rules.GdprBreachNotice;
import org.custos.portal.compliance.domain.rules.GdprRequestDeadline;
import org.custos.portal.compliance.domain.rules.GdprSubjectNotice;
import org.custos.portal.compliance.domain.rules.ImpactAssessment;
import org.custos.portal.compliance.domain.rules.HighEntropyPayload;
import org.custos.portal.compliance.domain.rules.HipaaAccessDeadline;
import org.custos.portal.compliance.domain.rules.HipaaAccountingDeadline;
import org.custos.portal.compliance.domain.rules.HipaaIndividualNotice;
import org.custos.portal.compliance.domain.rules.HipaaMediaNotice;
import org.custos.portal.compliance.domain.rules.HipaaSecretaryNotice;
import org.custos.portal.compliance.domain.rules.LogCompleteness;
import org.custos.portal.compliance.domain.rules.LogConsistency;
import org.custos.portal.compliance.domain.rules.MinimumNecessary;
import org.custos.portal.compliance.domain.rules.PlainHashOfIdentifier;
import org.custos.portal.compliance.domain.rules.RecordsOfProcessing;
import org.custos.portal.compliance.domain.rules.Rectification;
import org.custos.portal.compliance.domain.rules.Retention;
import org.custos.portal.compliance.domain.rules.TerritorialScope;
import org.custos.portal.compliance.domain.rules.UkRequestDeadline;

/**
 * Runs the rules over one clinic's facts. Pure: the same facts give the same findings (same keys), which is what
 * makes re-evaluation idempotent. {@link Incremental} re-runs a clinic only when its inputs' high-water mark (the
 * newest verified block and the bundle's SHA-256) changed.
 */
public final class RulesEngine {

    private final List<Rule> rules;

    public RulesEngine(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Every implemented catalogue rule. */
    public static RulesEngine standard() {
        return new RulesEngine(List.of(new LogCompleteness(), new LogConsistency(), new ErasureCompletion(),
                new CryptoShreddingEvidence(), new GdprRequestDeadline(), new UkRequestDeadline(),
                new HipaaAccessDeadline(), new HipaaAccountingDeadline(), new GdprBreachNotice(),
                new HipaaIndividualNotice(), new HipaaSecretaryNotice(), new HipaaMediaNotice(),
                new CleartextPersonalData(), new PlainHashOfIdentifier(), new DisclosureAccounting(),
                new Retention(), new ConsentCoverage(), new ConsentWithdrawal(), new BreakGlassReview(),
                new MinimumNecessary(), new LawfulBasis(), new CommitmentScheme(), new ErasureRefusalGround(),
                new ConsentText(), new RecordsOfProcessing(), new ImpactAssessment(), new GdprSubjectNotice(),
                new Rectification(), new HighEntropyPayload(), new TerritorialScope(), new CoveredEntityScope()));
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<Finding> evaluate(ClinicFacts facts) {
        List<Finding> out = new ArrayList<>();
        Regimes regimes = facts.regimes().orElse(null);
        if (regimes == null) {
            return out;
        }
        for (Rule rule : rules) {
            if (rule.appliesTo(regimes) && (!rule.needsBundle() || facts.hasBundle())) {
                rule.evaluate(facts, out);
            }
        }
        return out;
    }

    /**
     * The consortium scope ({@link ClinicFacts#consortium}): only the {@link Rule#ledgerWide()} rules, which apply
     * whatever a clinic's regimes (GDPR-MIN-01 and GDPR-MIN-03 apply to every clinic), over the personal data no
     * clinic's writer sent. Regulators only see these findings.
     */
    public List<Finding> evaluateConsortium(ClinicFacts facts) {
        List<Finding> out = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.ledgerWide()) {
                rule.evaluate(facts, out);
            }
        }
        return out;
    }

    /** Per-clinic memo keyed by the inputs' high-water mark. */
    public final class Incremental {

        private final Map<String, String> marks = new HashMap<>();
        private final Map<String, List<Finding>> findings = new HashMap<>();

        /** The clinic's findings; evaluated again only if {@code mark} differs from the last evaluation's. */
        public List<Finding> evaluate(ClinicFacts facts, String mark) {
            if (mark.equals(marks.get(facts.clinicId()))) {
                return findings.get(facts.clinicId());
            }
            List<Finding> result = List.copyOf(RulesEngine.this.evaluate(facts));
            marks.put(facts.clinicId(), mark);
            findings.put(facts.clinicId(), result);
            return result;
        }

        public boolean isCurrent(String clinicId, String mark) {
            return mark.equals(marks.get(clinicId));
        }
    }

    public Incremental incremental() {
        return new Incremental();
    }
}
