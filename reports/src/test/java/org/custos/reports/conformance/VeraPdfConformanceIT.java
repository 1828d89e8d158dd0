package org.custos.reports.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.custos.reports.testing.Corpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** veraPDF 1.30.2 must find every report type PDF/A-3b compliant, unsigned and signed B-B, B-T and B-LT. */
class VeraPdfConformanceIT {

    @BeforeAll
    static void initialise() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    static List<String> files() {
        List<String> files = new ArrayList<>();
        for (String report : Corpus.load().reports) {
            files.addAll(List.of(report + ".pdf", report + "-b.pdf", report + "-t.pdf", report + "-lt.pdf"));
        }
        return files;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void isPdfA3b(String file) throws Exception {
        byte[] pdf = Corpus.load().bytes(file);
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                PDFAFlavour.PDFA_3_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
            ValidationResult result = validator.validate(parser);
            String failures = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage())
                    .distinct().collect(Collectors.joining("\n"));
            assertThat(result.getPDFAFlavour()).isEqualTo(PDFAFlavour.PDFA_3_B);
            assertThat(result.isCompliant()).as(failures).isTrue();
            assertThat(result.getTotalAssertions()).isPositive();
        }
    }
}
