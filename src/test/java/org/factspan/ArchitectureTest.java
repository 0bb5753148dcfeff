package org.factspan;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import org.factspan.ui.FactSpanApp;

/**
 * The layers of docs/architecture.md and ADR 0007, checked on the compiled main classes: a dependency the table does
 * not list, or a package it does not name, fails here. The fix is the code or, if the new arrow is right, the table,
 * the drawing and this test together.
 */
@AnalyzeClasses(packages = "org.factspan", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesDependOnlyOnWhatTheTableLists = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("model").definedBy("org.factspan.model..")
            .layer("text").definedBy("org.factspan.text..")
            .layer("store").definedBy("org.factspan.store..")
            .layer("edit").definedBy("org.factspan.edit..")
            .layer("format").definedBy("org.factspan.format..")
            .layer("review").definedBy("org.factspan.review..")
            .layer("cli").definedBy("org.factspan.cli..")
            .layer("ui").definedBy("org.factspan.ui..")
            .layer("launcher").definedBy("org.factspan")
            .whereLayer("model").mayNotAccessAnyLayer()
            .whereLayer("text").mayOnlyAccessLayers("model")
            .whereLayer("store").mayOnlyAccessLayers("model")
            .whereLayer("edit").mayOnlyAccessLayers("model", "store")
            .whereLayer("format").mayOnlyAccessLayers("model", "text", "store")
            .whereLayer("review").mayOnlyAccessLayers("model", "text", "store", "edit", "format")
            .whereLayer("cli").mayOnlyAccessLayers("model", "text", "store", "edit", "format", "review")
            .whereLayer("ui").mayOnlyAccessLayers("model", "text", "store", "edit", "format", "review")
            .whereLayer("launcher").mayOnlyAccessLayers("cli", "ui")
            .ensureAllClassesAreContainedInArchitecture();

    // The command line must run without a display, so it may never load a JavaFX class.
    @ArchTest
    static final ArchRule javaFxOnlyInUi = noClasses()
            .that().resideOutsideOfPackage("org.factspan.ui..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "org.fxmisc..", "org.controlsfx..", "atlantafx..");

    // The one exception: the launcher opens the window through FactSpanApp, which extends a JavaFX class. The JVM
    // loads FactSpanApp (and JavaFX) only when the code naming it first runs, so it is named in openWindow alone,
    // which a sub-command never reaches.
    @ArchTest
    static final ArchRule outsideUiOnlyFactSpanAppIsNamed = noClasses()
            .that().resideOutsideOfPackage("org.factspan.ui..")
            .should().dependOnClassesThat(
                    resideInAPackage("org.factspan.ui..").and(not(equivalentTo(FactSpanApp.class))));

    @ArchTest
    static final ArchRule theLauncherNamesFactSpanAppOnlyInOpenWindow = noCodeUnits()
            .that().areDeclaredIn(Launcher.class).and().doNotHaveName("openWindow")
            .should(new ArchCondition<JavaCodeUnit>("refer to " + FactSpanApp.class.getName()) {
                @Override
                public void check(JavaCodeUnit codeUnit, ConditionEvents events) {
                    for (JavaAccess<?> access : codeUnit.getAccessesFromSelf()) {
                        boolean toTheWindow = access.getTargetOwner().isEquivalentTo(FactSpanApp.class);
                        events.add(new SimpleConditionEvent(access, toTheWindow, access.getDescription()));
                    }
                }
            });

    @ArchTest
    static final ArchRule sqlOnlyInStore = noClasses()
            .that().resideOutsideOfPackage("org.factspan.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..");

    @ArchTest
    static final ArchRule picocliOnlyInCli = noClasses()
            .that().resideOutsideOfPackage("org.factspan.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..");
}
