package fr.carnet.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Layering: JavaFX only in the UI, so the server, reports and most tests run without a display. */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.carnet");

    @Test
    void javafxIsUsedOnlyInTheUserInterface() {
        noClasses().that().resideOutsideOfPackage("fr.carnet.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..", "org.kordamp..")
                .check(CLASSES);
    }

    @Test
    void theDomainDependsOnNoStoreServerOrUi() {
        noClasses().that().resideInAPackage("fr.carnet.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.carnet.store..", "fr.carnet.server..", "fr.carnet.ui..", "org.jooq..")
                .check(CLASSES);
    }
}
