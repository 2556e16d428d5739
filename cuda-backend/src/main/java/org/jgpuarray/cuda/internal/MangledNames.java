package org.jgpuarray.cuda.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgpuarray.cuda.internal.compiler.BinaryKind;
import org.jgpuarray.cuda.internal.compiler.CudaBinary;

/**
 * Finds the C++ (Itanium ABI) mangled names of a kernel in PTX or a cubin, so that a kernel written
 * without {@code extern "C"}, such as PyCUDA's {@code __global__ void doublify(float *a)}, is found by
 * its plain name: {@code _Z8doublifyPf}. In PTX only {@code .entry} declarations count; in a cubin,
 * NUL-terminated names of the symbol and section string tables.
 */
final class MangledNames {
    private MangledNames() {
    }

    /** The distinct mangled names of kernels called {@code name} in {@code binary}. */
    static List<String> of(CudaBinary binary, String name) {
        String text = new String(binary.image(), StandardCharsets.ISO_8859_1);
        String mangled = "(_Z" + name.length() + Pattern.quote(name) + "[A-Za-z0-9_]*)";
        Pattern pattern = binary.kind() == BinaryKind.PTX
                ? Pattern.compile("\\.entry\\s+" + mangled + "\\s*\\(")
                : Pattern.compile("(?<![A-Za-z0-9_$])" + mangled + "\u0000");
        TreeSet<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return List.copyOf(found);
    }
}
