package org.jgpuarray.spark;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import java.net.URISyntaxException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Spark module as a user of jgpuarray (ArchUnit, over its main classes only): it has no module descriptor
 * (Spark's jars have no module names), so this rule stands in for {@code requires org.jgpuarray.core}: only
 * the core's exported API packages, never its SPI, internals, CPU backend or the kernels module. And the
 * library never depends on its examples.
 */
class SparkPackageStructureTest {
    private static JavaClasses spark;

    @BeforeAll
    static void importSpark() throws URISyntaxException {
        spark = new ClassFileImporter().importLocations(
                List.of(Location.of(ExecutorGpu.class.getProtectionDomain().getCodeSource().getLocation().toURI())));
    }

    @Test
    void usesOnlyTheCoresExportedPackages() {
        noClasses().should().dependOnClassesThat(resideInAPackage("org.jgpuarray..")
                        .and(resideOutsideOfPackages("org.jgpuarray", "org.jgpuarray.blas", "org.jgpuarray.device",
                                "org.jgpuarray.fft", "org.jgpuarray.random", "org.jgpuarray.spark..")))
                .check(spark);
    }

    @Test
    void libraryNeverDependsOnItsExamples() {
        noClasses().that().resideInAPackage("org.jgpuarray.spark")
                .should().dependOnClassesThat(resideInAPackage("org.jgpuarray.spark.examples.."))
                .check(spark);
    }
}
