package org.custos.verify;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The verifier-core rule (house style): outside {@code org.custos.verify.cli}, the library never touches files
 * or the network, never logs, never reads the clock, and never depends on Jakarta EE, Web3j or Jackson (the
 * core takes records in; parsing JSON text, bounded against hostile input, is the command line's job).
 */
class VerifierArchitectureTest {

    private static final DescribedPredicate<JavaClass> FORBIDDEN = resideInAnyPackage(
            "java.nio.file..", "java.net..", "java.util.logging..", "jakarta..", "javax.persistence..",
            "org.web3j..", "org.slf4j..", "org.apache.logging..", "com.fasterxml.jackson..")
            .or(describe("java.io.File*", (JavaClass c) -> c.getName().startsWith("java.io.File")))
            .or(describe("java.io.RandomAccessFile", (JavaClass c) -> c.getName().equals("java.io.RandomAccessFile")))
            .or(describe("System.Logger", (JavaClass c) -> c.getName().startsWith("java.lang.System$Logger")))
            .or(describe("java.time.Clock", (JavaClass c) -> c.getName().equals("java.time.Clock")));

    static final ArchRule CORE_DOES_NO_IO = noClasses()
            .that().resideInAPackage("org.custos.verify..")
            .and().resideOutsideOfPackage("org.custos.verify.cli..")
            .should().dependOnClassesThat(FORBIDDEN)
            .orShould().callMethodWhere(describe("now() of a java.time class (reads the clock)",
                    call -> call.getTarget().getName().equals("now")
                            && call.getTargetOwner().getPackageName().equals("java.time")))
            .because("the verifier core takes bytes and records in and returns verdicts out (house style)");

    static final ArchRule LOWER_LAYERS_DO_NOT_REACH_UP = noClasses()
            .that().resideInAnyPackage("org.custos.verify.rlp..", "org.custos.verify.merkle..",
                    "org.custos.verify.trie..", "org.custos.verify.chain..", "org.custos.verify.state..")
            .should().dependOnClassesThat().resideInAnyPackage("org.custos.verify.consensus..",
                    "org.custos.verify.cli..")
            .because("consensus rules plug into chain (HeaderHasher), not the other way round");

    static final ArchRule CODECS_ARE_LEAVES = noClasses()
            .that().resideInAnyPackage("org.custos.verify.rlp..", "org.custos.verify.merkle..")
            .should().dependOnClassesThat().resideInAnyPackage("org.custos.verify.trie..",
                    "org.custos.verify.chain..", "org.custos.verify.consensus..", "org.custos.verify.cli..");

    private static JavaClasses production() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.custos.verify");
    }

    @Test
    void packagesDependOnlyDownwards() {
        JavaClasses production = production();
        LOWER_LAYERS_DO_NOT_REACH_UP.check(production);
        CODECS_ARE_LEAVES.check(production);
    }

    @Test
    void productionClassesKeepTheVerifierCoreRule() {
        CORE_DOES_NO_IO.check(production());
    }

    @Test
    void ruleCatchesPlantedFileAccess() {
        JavaClasses fixture = new ClassFileImporter()
                .importClasses(org.custos.verify.archfixture.PlantedFileReadingVerifier.class);
        assertThatThrownBy(() -> CORE_DOES_NO_IO.check(fixture)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlantedFileReadingVerifier").hasMessageContaining("java.nio.file.Files");
    }

    @Test
    void ruleCatchesPlantedJacksonUse() {
        JavaClasses fixture = new ClassFileImporter()
                .importClasses(org.custos.verify.archfixture.PlantedJacksonParsingVerifier.class);
        assertThatThrownBy(() -> CORE_DOES_NO_IO.check(fixture)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlantedJacksonParsingVerifier").hasMessageContaining("com.fasterxml.jackson");
    }

    @Test
    void ruleCatchesPlantedClockRead() {
        JavaClasses fixture = new ClassFileImporter()
                .importClasses(org.custos.verify.archfixture.PlantedClockReadingVerifier.class);
        assertThatThrownBy(() -> CORE_DOES_NO_IO.check(fixture)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlantedClockReadingVerifier").hasMessageContaining("Instant.now()");
    }
}
