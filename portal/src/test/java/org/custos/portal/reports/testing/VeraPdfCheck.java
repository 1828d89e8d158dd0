package org.custos.portal.reports.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.verapdf.core.EncryptedPdfException;
import org.verapdf.core.ModelParsingException;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * veraPDF (in this JVM), flavour PDF/A-3b: passes when the file is compliant; refuses with the failed clauses, or
 * with the parser's message when veraPDF cannot read the file as a PDF at all.
 */
final class VeraPdfCheck {

    static final String NAME = "veraPDF PDF/A-3b";
    private static boolean initialised;

    private static synchronized void initialise() {
        if (!initialised) {
            VeraGreenfieldFoundryProvider.initialise();
            initialised = true;
        }
    }

    Verdict check(Path pdf) {
        initialise();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ValidationResult result;
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(bytes),
                PDFAFlavour.PDFA_3_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
            result = validator.validate(parser);
        } catch (ModelParsingException | EncryptedPdfException e) {
            return Verdict.refuse(NAME, "not a readable PDF: " + e.getMessage());
        } catch (Exception e) {
            throw new IllegalStateException("veraPDF failed on " + pdf + ": " + e, e);
        }
        String failures = result.getTestAssertions().stream()
                .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage())
                .distinct().collect(Collectors.joining("; "));
        if (result.getPDFAFlavour() != PDFAFlavour.PDFA_3_B) {
            return Verdict.refuse(NAME, "validated as " + result.getPDFAFlavour());
        }
        if (!result.isCompliant() || result.getTotalAssertions() == 0) {
            return Verdict.refuse(NAME, "not compliant: " + failures);
        }
        return Verdict.pass(NAME, "compliant (" + result.getTotalAssertions() + " assertions)");
    }
}
