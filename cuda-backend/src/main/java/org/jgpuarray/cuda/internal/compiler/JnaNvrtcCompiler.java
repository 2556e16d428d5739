package org.jgpuarray.cuda.internal.compiler;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * NVRTC of any major version, bound directly through JNA by soname: {@code libnvrtc.so.13}, then
 * {@code .so.12}, then {@code .so.11.2} (the soname of CUDA 11.2 to 11.8, as Debian's
 * {@code libnvrtc11.2} package installs it). Each soname is looked up by the dynamic loader
 * ({@code LD_LIBRARY_PATH}, the ldconfig cache) and then in the {@code lib64} folders of
 * {@code CUDA_HOME}, {@code CUDA_PATH} and {@code /usr/local/cuda}. CUDA's headers of NVRTC's version are
 * looked for where the library was loaded from, then under those folders ({@link ToolkitHeaders}).
 * Thread-safe: NVRTC programs are independent.
 */
public final class JnaNvrtcCompiler extends NvrtcCompiler<Pointer> {
    /** The sonames tried, newest first. */
    public static final List<String> SONAMES = List.of("libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so.11.2");

    private final NvrtcLibrary nvrtc;
    private final String library;

    private JnaNvrtcCompiler(NvrtcLibrary nvrtc, String library, CudaVersion version, List<GpuArch> archs,
                             Optional<Path> headers) {
        super(version, archs, headers);
        this.nvrtc = nvrtc;
        this.library = library;
    }

    /**
     * Binds the newest NVRTC found.
     *
     * @param cudaHomes folders whose {@code lib64} (or {@code lib}) may hold the library, searched after
     *                  the dynamic loader's own paths
     * @return the compiler, or the reason none was found
     */
    public static CompilerCandidate locate(List<Path> cudaHomes) {
        List<String> tried = new ArrayList<>();
        for (String soname : SONAMES) {
            for (String name : candidates(soname, cudaHomes)) {
                try {
                    NvrtcLibrary lib = Native.load(name, NvrtcLibrary.class);
                    return CompilerCandidate.found(bind(lib, name, cudaHomes));
                } catch (LinkageError | RuntimeException e) {
                    tried.add(name);
                }
            }
        }
        return CompilerCandidate.absent("nvrtc", "no NVRTC library loads (tried " + String.join(", ", SONAMES)
                + (cudaHomes.isEmpty() ? "" : " and CUDA_HOME/CUDA_PATH lib64") + ")");
    }

    private static List<String> candidates(String soname, List<Path> cudaHomes) {
        List<String> names = new ArrayList<>();
        names.add(soname);
        for (Path home : cudaHomes) {
            for (String lib : new String[] {"lib64", "lib"}) {
                Path p = home.resolve(lib).resolve(soname);
                if (Files.exists(p)) {
                    names.add(p.toString());
                }
            }
        }
        return names;
    }

    private static JnaNvrtcCompiler bind(NvrtcLibrary lib, String name, List<Path> cudaHomes) {
        IntByReference major = new IntByReference();
        IntByReference minor = new IntByReference();
        int result = lib.nvrtcVersion(major, minor);
        if (result != SUCCESS) {
            throw new IllegalStateException("nvrtcVersion failed in " + name + ": " + result);
        }
        CudaVersion version = new CudaVersion(major.getValue(), minor.getValue());
        List<Path> roots = new ArrayList<>();
        Path file = Path.of(name);
        if (file.isAbsolute() && file.getParent() != null && file.getParent().getParent() != null) {
            roots.add(file.getParent().getParent());
        } else {
            ToolkitHeaders.loadedFrom("libnvrtc.so").ifPresent(roots::add);
        }
        roots.addAll(cudaHomes);
        return new JnaNvrtcCompiler(lib, name, version, archs(lib), ToolkitHeaders.find(version, roots));
    }

    private static List<GpuArch> archs(NvrtcLibrary lib) {
        try {
            IntByReference count = new IntByReference();
            if (lib.nvrtcGetNumSupportedArchs(count) != SUCCESS || count.getValue() <= 0) {
                return List.of();
            }
            int[] numbers = new int[count.getValue()];
            return lib.nvrtcGetSupportedArchs(numbers) == SUCCESS ? archsOf(numbers) : List.of();
        } catch (UnsatisfiedLinkError olderThan112) {
            return List.of();
        }
    }

    /** The library name or path that was loaded, e.g. {@code libnvrtc.so.11.2}. */
    public String library() {
        return library;
    }

    @Override
    public String id() {
        return "nvrtc";
    }

    @Override
    public String description() {
        return "NVRTC " + version() + " (" + library + " through JNA" + headersDescription() + ")";
    }

    @Override
    Pointer createProgram(String source, String fileName) {
        PointerByReference program = new PointerByReference();
        check("nvrtcCreateProgram", nvrtc.nvrtcCreateProgram(program, source, fileName, 0, null, null));
        return program.getValue();
    }

    @Override
    int compileProgram(Pointer program, String[] options) {
        return nvrtc.nvrtcCompileProgram(program, options.length, options);
    }

    @Override
    String programLog(Pointer program) {
        LongByReference size = new LongByReference();
        check("nvrtcGetProgramLogSize", nvrtc.nvrtcGetProgramLogSize(program, size));
        if (size.getValue() <= 1) {
            return "";
        }
        byte[] log = new byte[Math.toIntExact(size.getValue())];
        check("nvrtcGetProgramLog", nvrtc.nvrtcGetProgramLog(program, log));
        return cString(log);
    }

    @Override
    byte[] ptx(Pointer program) {
        LongByReference size = new LongByReference();
        check("nvrtcGetPTXSize", nvrtc.nvrtcGetPTXSize(program, size));
        byte[] ptx = new byte[Math.toIntExact(size.getValue())];
        check("nvrtcGetPTX", nvrtc.nvrtcGetPTX(program, ptx));
        return ptx;
    }

    @Override
    byte[] cubin(Pointer program) {
        LongByReference size = new LongByReference();
        check("nvrtcGetCUBINSize", nvrtc.nvrtcGetCUBINSize(program, size));
        byte[] cubin = new byte[Math.toIntExact(size.getValue())];
        check("nvrtcGetCUBIN", nvrtc.nvrtcGetCUBIN(program, cubin));
        return cubin;
    }

    @Override
    void destroyProgram(Pointer program) {
        nvrtc.nvrtcDestroyProgram(new PointerByReference(program));
    }

    @Override
    String errorName(int result) {
        try {
            String name = nvrtc.nvrtcGetErrorString(result);
            return name != null ? name : standardErrorName(result);
        } catch (RuntimeException | LinkageError e) {
            return standardErrorName(result);
        }
    }
}
