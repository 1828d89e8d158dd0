package org.custos.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.ejb.Startup;
import org.custos.portal.ledger.domain.LedgerSettings;
import org.custos.portal.security.ClinicScope;
import org.custos.portal.security.CurrentUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The portal's layering, as tests (house style: architecture rules are tests that prove they can fail). */
class PortalArchitectureTest {

    /** Only the ledger adapter talks to the ledger library; the portal holds no Web3j outside it. */
    static final ArchRule WEB3J_ONLY_IN_LEDGER_ADAPTER = noClasses()
            .that().resideOutsideOfPackage("org.custos.portal.ledger.infrastructure..")
            .should().dependOnClassesThat().resideInAPackage("org.web3j..");

    /** Domain code depends on no service, adapter, page or UI framework. */
    static final ArchRule DOMAIN_IS_INNERMOST = noClasses()
            .that().resideInAPackage("org.custos.portal..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.custos.portal..application..",
                    "org.custos.portal..infrastructure..", "org.custos.portal..web..", "jakarta.faces..",
                    "org.primefaces..", "org.web3j..", "jakarta.ejb..");

    /** The portal never writes to the ledger: the consortium simulator is not a dependency. */
    static final ArchRule NO_CONSORTIUM = noClasses()
            .should().dependOnClassesThat().resideInAPackage("org.custos.consortium..");

    /**
     * One clinic-scope rule: only {@code org.custos.portal.security} (its {@code ClinicScope}) maps the token's
     * clinic to an on-chain id or reads the clinic a clinic-bound caller must have; every service asks ClinicScope.
     */
    static final ArchRule CLINIC_SCOPE_IN_ONE_PLACE = noClasses()
            .that().resideOutsideOfPackage("org.custos.portal.security..")
            .should().callMethod(LedgerSettings.class, "chainClinicId", String.class)
            .orShould().callMethod(CurrentUser.class, "requireClinicId")
            .because("the clinic scope is decided in one place, org.custos.portal.security.ClinicScope");

    /**
     * Work started with the application (the ledger sync, the chain re-evaluation, the schema migration) runs
     * without a request, so it never asks for a caller or their clinic scope (both request-scoped), not even
     * through the classes it calls.
     */
    static final ArchRule BACKGROUND_WORK_HAS_NO_CALLER = noClasses()
            .that().areAnnotatedWith(Startup.class)
            .should().transitivelyDependOnClassesThat().belongToAnyOf(ClinicScope.class, CurrentUser.class)
            .because("ClinicScope and CurrentUser answer only on a request thread");

    private static JavaClasses portal;

    @BeforeAll
    static void importPortal() {
        portal = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.custos.portal");
    }

    @Test
    void web3jOnlyInTheLedgerAdapter() {
        WEB3J_ONLY_IN_LEDGER_ADAPTER.check(portal);
    }

    @Test
    void domainIsInnermost() {
        DOMAIN_IS_INNERMOST.check(portal);
    }

    @Test
    void portalDoesNotDependOnTheConsortiumSimulator() {
        NO_CONSORTIUM.check(portal);
    }

    @Test
    void clinicScopeIsDecidedInOnePlace() {
        CLINIC_SCOPE_IN_ONE_PLACE.check(portal);
    }

    @Test
    void backgroundWorkAsksForNoCaller() {
        BACKGROUND_WORK_HAS_NO_CALLER.check(portal);
    }

    @Test
    void rulesCatchAPlantedViolation() {
        JavaClasses planted = new ClassFileImporter().importPackages("org.custos.portal.archfixture");
        assertThatThrownBy(() -> WEB3J_ONLY_IN_LEDGER_ADAPTER.check(planted)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlantedWeb3jInDomain");
        assertThatThrownBy(() -> DOMAIN_IS_INNERMOST.check(planted)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlantedWeb3jInDomain");
        assertThatThrownBy(() -> CLINIC_SCOPE_IN_ONE_PLACE.check(planted)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlantedOwnClinicScope.myClinic")
                .hasMessageContaining("LedgerSettings.chainClinicId")
                .hasMessageContaining("CurrentUser.requireClinicId");
        assertThatThrownBy(() -> BACKGROUND_WORK_HAS_NO_CALLER.check(planted)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlantedStartupAskingScope")
                .hasMessageContaining("ClinicScope");
    }
}
