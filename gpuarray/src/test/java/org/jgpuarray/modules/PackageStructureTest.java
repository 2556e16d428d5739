package org.jgpuarray.modules;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.Set;
import org.jgpuarray.GpuContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core's package structure (ArchUnit, over the core's main classes only): no package cycles, the
 * four API packages counting as one (a context hands out its libraries, which take its arrays), and the
 * layering the module descriptor relies on: device below everything, the SPI below the API, internals
 * never calling back into the API.
 */
class PackageStructureTest {
    static final String[] API = {"org.jgpuarray", "org.jgpuarray.blas", "org.jgpuarray.fft", "org.jgpuarray.random"};

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = PackageSlices.mainClassesBeside(GpuContext.class);
    }

    @Test
    void corePackagesAreFreeOfCycles() {
        slices().assignedFrom(PackageSlices.eachPackageUnder("org.jgpuarray", Set.of(API), "API"))
                .should().beFreeOfCycles()
                .check(core);
    }

    @Test
    void deviceDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("org.jgpuarray.device")
                .should().dependOnClassesThat(resideInAPackage("org.jgpuarray..")
                        .and(resideOutsideOfPackages("org.jgpuarray.device")))
                .check(core);
    }

    @Test
    void spiDependsOnlyOnDeviceAndKernels() {
        noClasses().that().resideInAPackage("org.jgpuarray.spi..")
                .should().dependOnClassesThat(resideInAPackage("org.jgpuarray..")
                        .and(resideOutsideOfPackages("org.jgpuarray.spi..", "org.jgpuarray.device",
                                "org.jgpuarray.kernels..")))
                .check(core);
    }

    @Test
    void internalsNeverDependOnTheApi() {
        noClasses().that().resideInAnyPackage("org.jgpuarray.internal..", "org.jgpuarray.cpu..")
                .should().dependOnClassesThat(resideInAnyPackage(API))
                .check(core);
    }
}
