package org.custos.reports;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The reports module knows nothing of the portal, CDI, JPA or Web3j; outside its {@code cli} package it never
 * reads the system clock (a {@code Clock} is injected); render, sign and verify do not depend on each other
 * (verify may read the model, e.g. the evidence file name).
 */
class ReportsArchitectureTest {

    static final ArchRule NO_PORTAL_NO_CONTAINER = noClasses().that().resideInAPackage("org.custos.reports..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "javax.persistence..",
                    "org.custos.portal..", "org.web3j..")
            .because("reports depends on PDFBox, BouncyCastle and ledger-verifier only (house style)");

    static final ArchRule CLOCK_IS_INJECTED = noClasses().that().resideInAPackage("org.custos.reports..")
            .and().resideOutsideOfPackage("org.custos.reports.cli..")
            .should().callMethodWhere(describe("a read of the system clock",
                    call -> call.getTarget().getName().equals("now")
                            && call.getTargetOwner().getPackageName().equals("java.time")
                            || call.getTargetOwner().getName().equals("java.time.Clock")
                            && call.getTarget().getName().startsWith("system")
                            || call.getTargetOwner().getName().equals("java.lang.System")
                            && call.getTarget().getName().equals("currentTimeMillis")))
            .because("time comes from an injected Clock, so output is reproducible (house style)");

    static final ArchRule RENDER_SIGN_VERIFY_ARE_SEPARATE = noClasses()
            .that().resideInAnyPackage("org.custos.reports.render..", "org.custos.reports.sign..",
                    "org.custos.reports.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.custos.reports.verify..",
                    "org.custos.reports.cli..");

    private static JavaClasses production() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.custos.reports");
    }

    @Test
    void productionClassesKeepTheRules() {
        JavaClasses production = production();
        NO_PORTAL_NO_CONTAINER.check(production);
        CLOCK_IS_INJECTED.check(production);
        RENDER_SIGN_VERIFY_ARE_SEPARATE.check(production);
    }

    @Test
    void clockRuleCatchesAPlantedClockRead() {
        JavaClasses fixture = new ClassFileImporter()
                .importClasses(org.custos.reports.archfixture.PlantedClockReadingRenderer.class);
        assertThatThrownBy(() -> CLOCK_IS_INJECTED.check(fixture)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlantedClockReadingRenderer").hasMessageContaining("Instant.now()");
    }

    @Test
    void dependencyRuleCatchesAPlantedContainerDependency() {
        JavaClasses fixture = new ClassFileImporter()
                .importClasses(org.custos.reports.archfixture.PlantedPortalDependentRenderer.class);
        assertThatThrownBy(() -> NO_PORTAL_NO_CONTAINER.check(fixture)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlantedPortalDependentRenderer").hasMessageContaining("jakarta.xml.bind");
    }
}
