package fr.carnet.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The desk's layering: ViewModels hold no nodes, and nothing in the application prints to the console. */
class DeskArchitectureTest {
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
    void viewModelsUseNoNodesSoTheyRunWithoutTheToolkit() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..",
                        "javafx.concurrent..", "javafx.animation..", "atlantafx..", "org.kordamp..")
                .check(CLASSES);
    }

    @Test
    void theDeskPrintsNothingToTheConsole() {
        noClasses().that().resideInAPackage("fr.carnet.ui..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(CLASSES);
    }

    @Test
    void storeQueriesKnowNothingOfTheUserInterface() {
        noClasses().that().resideInAPackage("fr.carnet.store..")
                .should().dependOnClassesThat().resideInAPackage("fr.carnet.ui..")
                .check(CLASSES);
    }
}
