package org.custos.portal.reports.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every independent check a downloaded report must pass, in one place, for the portal's report tests:
 * <ol>
 *   <li>veraPDF: PDF/A-3b ({@link VeraPdfCheck});</li>
 *   <li>EU DSS: TOTAL_PASSED at exactly the expected PAdES-BASELINE level, in its own JVM ({@link DssCheck});</li>
 *   <li>poppler's pdfsig: valid, trusted, whole document signed (at B-B and B-T; {@link PdfsigCheck});</li>
 *   <li>Custos's own verifier at the expected level ({@link CustosCheck});</li>
 *   <li>ledger-verifier's {@code transcript --rpc} on the embedded evidence against the node: exit 0
 *       ({@link TranscriptCheck}).</li>
 * </ol>
 * All of them trust exactly the settings' anchors. {@link #check} returns each verdict (tests of tampered files
 * assert who refuses); {@link #assertConforms} fails listing every verdict unless all passed.
 */
public final class ReportConformance {

    public static final List<String> VALIDATORS = List.of(VeraPdfCheck.NAME, DssCheck.NAME, PdfsigCheck.NAME,
            CustosCheck.NAME, TranscriptCheck.NAME);

    private final ConformanceSettings settings;
    private final Clock clock;

    public ReportConformance(ConformanceSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** {@code clock}: the time at which Custos's verifier judges certificate validity (B-B). */
    public ReportConformance(ConformanceSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The five verdicts, in the order of {@link #VALIDATORS}. */
    public List<Verdict> check(Path pdf, Level expected) {
        return List.of(new VeraPdfCheck().check(pdf), new DssCheck(settings).check(pdf, expected),
                new PdfsigCheck(settings).check(pdf, expected), new CustosCheck(settings, clock).check(pdf, expected),
                new TranscriptCheck(settings).check(pdf));
    }

    /** Fails (AssertionError listing every verdict) unless every validator passed {@code pdf} at {@code expected}. */
    public void assertConforms(Path pdf, Level expected) {
        List<Verdict> verdicts = check(pdf, expected);
        if (!verdicts.stream().allMatch(Verdict::passed)) {
            throw new AssertionError(pdf + " does not conform at " + expected.custos() + ":\n" + describe(verdicts));
        }
    }

    /** The verdict of {@code validator} (one of {@link #VALIDATORS}) among {@code verdicts}. */
    public static Verdict of(List<Verdict> verdicts, String validator) {
        return verdicts.stream().filter(v -> v.validator().equals(validator)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no verdict of " + validator));
    }

    public static String describe(List<Verdict> verdicts) {
        return verdicts.stream().map(v -> "  " + v).collect(Collectors.joining("\n"));
    }
}
