package org.jgpuarray.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jgpuarray.GpuContext;
import org.junit.jupiter.api.Test;

/**
 * The API is closed: no public signature of a package the core exports to everyone mentions a type
 * outside those packages and {@code java.*}. The exported packages are read from the core's module
 * descriptor, so a package exported later is checked too. A leak here would compile for class path
 * users and fail for module path users ("not visible"), or force the SPI or internals open.
 */
class ApiSignatureTest {

    @Test
    void exportedApiMentionsOnlyExportedApiAndJavaTypes() throws Exception {
        ModuleReference core = coreModule();
        Set<String> api = core.descriptor().exports().stream()
                .filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("org.jgpuarray", "org.jgpuarray.blas", "org.jgpuarray.device", "org.jgpuarray.fft",
                "org.jgpuarray.random"), api, "the packages exported to everyone changed: review this test");

        ApiSignatures signatures = new ApiSignatures(
                c -> c.getPackageName().startsWith("java.") || api.contains(c.getPackageName()));
        int types = 0;
        for (String name : classNames(core, api)) {
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            if (type.getDeclaringClass() == null) {
                signatures.check(type);
                types++;
            }
        }

        assertFalse(types < 40, "found only " + types + " top-level types in " + api);
        assertEquals("", String.join("\n", signatures.findings()),
                "public signatures of the API mention types its users cannot see (member: type)");
    }

    /** The core module as built: its {@code target/classes} folder or its jar. */
    static ModuleReference coreModule() throws URISyntaxException {
        Path location = Path.of(GpuContext.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return ModuleFinder.of(location).find("org.jgpuarray.core")
                .orElseThrow(() -> new AssertionError("no module-info.class in " + location));
    }

    /** Binary names of the classes in {@code packages}, nested ones included. */
    static List<String> classNames(ModuleReference module, Set<String> packages) throws IOException {
        List<String> names = new ArrayList<>();
        try (ModuleReader reader = module.open()) {
            reader.list()
                    .filter(r -> r.endsWith(".class") && !r.endsWith("module-info.class")
                            && !r.endsWith("package-info.class"))
                    .map(r -> r.substring(0, r.length() - ".class".length()).replace('/', '.'))
                    .filter(n -> packages.contains(n.substring(0, n.lastIndexOf('.'))))
                    .sorted()
                    .forEach(names::add);
        }
        return names;
    }
}
