package org.jgpuarray.modules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;

/**
 * ArchUnit slices for package-cycle rules: one slice per package under a root, except named groups of
 * packages that form one slice; classes outside the root are ignored. Shared with the backends'
 * tests through the core's test jar.
 */
public final class PackageSlices implements SliceAssignment {
    private final String root;
    private final Set<String> group;
    private final String groupName;

    private PackageSlices(String root, Set<String> group, String groupName) {
        this.root = root;
        this.group = group;
        this.groupName = groupName;
    }

    /** Every package under {@code root} (itself included) is a slice of its own. */
    public static PackageSlices eachPackageUnder(String root) {
        return new PackageSlices(root, Set.of(), "");
    }

    /** As {@link #eachPackageUnder(String)}, but the packages in {@code group} form one slice. */
    public static PackageSlices eachPackageUnder(String root, Set<String> group, String groupName) {
        return new PackageSlices(root, Set.copyOf(group), groupName);
    }

    /** The main classes of the module whose code source holds {@code anchor} (a folder or a jar). */
    public static JavaClasses mainClassesBeside(Class<?> anchor) {
        try {
            return new ClassFileImporter().importLocations(
                    List.of(Location.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI())));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        String p = javaClass.getPackageName();
        if (!p.equals(root) && !p.startsWith(root + ".")) {
            return SliceIdentifier.ignore();
        }
        return SliceIdentifier.of(group.contains(p) ? groupName : p);
    }

    @Override
    public String getDescription() {
        return "packages under " + root + (group.isEmpty() ? "" : ", " + groupName + " as one slice");
    }
}
