package dev.ficus.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The layering of README.md's "Project layout", at the level of packages, over the main classes of every module
 * (the enforcer's "layering" execution checks the same between modules). Contracts ({@code events},
 * {@code magento.api}) and {@code core} depend on no stage; the stages (sync, services, gateway) depend on the
 * contracts and never on one another (nor on the check, which reads what the sync and the services hold); nothing in production reaches the stand-in, the dev stack, the tools, the
 * bench or the test support; the sync's and the gateway's packages have no cycle.
 */
class LayeringTest {
    private static final String[] PRODUCTION = {"dev.ficus.core..", "dev.ficus.events..", "dev.ficus.magento.api..",
        "dev.ficus.sync..", "dev.ficus.services..", "dev.ficus.gateway..", "dev.ficus.check..", "dev.ficus.cli.."};

    /** Main classes only: test classes and test jars (ficus-cli's) may use anything. */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.ficus");

    /** The Magento stand-in's packages: dev.ficus.magento but its REST contract. */
    private static final DescribedPredicate<JavaClass> STAND_IN =
            resideInAPackage("dev.ficus.magento..").and(not(resideInAPackage("dev.ficus.magento.api..")))
                    .as("the Magento stand-in (dev.ficus.magento.. but dev.ficus.magento.api..)");

    @Test
    void productionNeverUsesTheStandIn() {
        noClasses().that().resideInAnyPackage(PRODUCTION).should().dependOnClassesThat(STAND_IN).check(MAIN);
    }

    @Test
    void productionNeverUsesTheDevStackTheToolsTheBenchOrTheTestSupport() {
        noClasses().that().resideInAnyPackage(PRODUCTION).should().dependOnClassesThat()
                .resideInAnyPackage("dev.ficus.devstack..", "dev.ficus.tools..", "dev.ficus.bench..",
                        "dev.ficus.testing..")
                .check(MAIN);
    }

    @Test
    void theEventContractNeedsNothingButJackson() {
        classes().that().resideInAPackage("dev.ficus.events..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.ficus.events..", "java..", "com.fasterxml.jackson..")
                .check(MAIN);
    }

    @Test
    void theMagentoContractAndCoreDependOnNoStage() {
        classes().that().resideInAPackage("dev.ficus.magento.api..").should().onlyDependOnClassesThat(
                        resideInAnyPackage("dev.ficus.magento.api..", "dev.ficus.core..")
                                .or(not(resideInAPackage("dev.ficus.."))))
                .check(MAIN);
        classes().that().resideInAPackage("dev.ficus.core..").should().onlyDependOnClassesThat(
                        resideInAPackage("dev.ficus.core..").or(not(resideInAPackage("dev.ficus.."))))
                .check(MAIN);
    }

    /** The check compares the sync's records with the services' tables: it may use both, nothing above them. */
    @Test
    void theCheckUsesTheStagesItComparesAndNothingAbove() {
        noClasses().that().resideInAPackage("dev.ficus.check..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.ficus.gateway..", "dev.ficus.cli..")
                .check(MAIN);
    }

    @Test
    void theStagesNeverDependOnOneAnother() {
        noClasses().that().resideInAPackage("dev.ficus.sync..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.ficus.services..", "dev.ficus.gateway..", "dev.ficus.check..",
                        "dev.ficus.cli..")
                .check(MAIN);
        noClasses().that().resideInAPackage("dev.ficus.services..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.ficus.sync..", "dev.ficus.gateway..", "dev.ficus.check..", "dev.ficus.cli..")
                .check(MAIN);
        noClasses().that().resideInAPackage("dev.ficus.gateway..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.ficus.sync..", "dev.ficus.services..", "dev.ficus.magento..",
                        "dev.ficus.check..", "dev.ficus.cli..")
                .check(MAIN);
        noClasses().that(STAND_IN).should().dependOnClassesThat()
                .resideInAnyPackage("dev.ficus.sync..", "dev.ficus.services..", "dev.ficus.gateway..",
                        "dev.ficus.cli..")
                .check(MAIN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev.ficus.sync", "dev.ficus.gateway", "dev.ficus.cli", "dev.ficus.core",
        "dev.ficus.magento.api", "dev.ficus.check"})
    void packagesHaveNoCycles(String root) {
        slices().assignedFrom(eachPackageUnder(root)).should().beFreeOfCycles().check(MAIN);
    }

    /**
     * One slice per package, the root package included: {@code slices().matching("root.(*)..")} would leave the
     * root's classes out of every slice, and with them a cycle through the root (the sync's used to run through it).
     */
    private static SliceAssignment eachPackageUnder(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                return pkg.equals(root) || pkg.startsWith(root + ".") ? SliceIdentifier.of(pkg)
                        : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "each package under " + root;
            }
        };
    }
}
