package org.jgpuarray.cpu;

import java.util.List;
import java.util.function.Supplier;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;
import org.jgpuarray.device.KernelCompilationException;
import org.jgpuarray.kernels.SnippetSyntaxException;
import org.jgpuarray.kernels.c.CSource;
import org.jgpuarray.kernels.java.GeneratedKernelAccess;
import org.jgpuarray.kernels.java.JavaElementwiseKernel;
import org.jgpuarray.kernels.java.JavaSource;

/**
 * Compiles generated Java kernel classes in memory with Janino and instantiates them. Snippets
 * outside the translatable C subset, and sources Janino rejects, become
 * {@link KernelCompilationException}s that carry the reason and the numbered source.
 */
final class JavaKernelCompiler {
    private static final List<String> OPTIONS = List.of("janino");
    private static final String TOO_DEEP = "expressions or blocks nested too deeply for the CPU backend's"
            + " translator (the Java stack overflowed); split the code into smaller expressions or helper functions";

    private JavaKernelCompiler() {
    }

    /**
     * Generates and compiles one kernel class.
     *
     * @param kernelName names the kernel in errors
     * @param generator  produces the Java source; may throw {@link SnippetSyntaxException}
     * @param type       the interface the class implements
     */
    static <T> T compile(String kernelName, Supplier<JavaSource> generator, Class<T> type) {
        JavaSource source;
        try {
            source = generator.get();
        } catch (SnippetSyntaxException e) {
            throw new KernelCompilationException(kernelName, e.getMessage(), List.of("C-to-Java translation"),
                    e.part() + ":\n" + CSource.numberLines(e.snippet()), e);
        } catch (StackOverflowError e) {
            throw new KernelCompilationException(kernelName, TOO_DEEP, List.of("C-to-Java translation"), "", null);
        }
        try {
            SimpleCompiler compiler = new SimpleCompiler();
            compiler.setParentClassLoader(JavaElementwiseKernel.class.getClassLoader());
            compiler.cook(source.source());
            ClassLoader loader = compiler.getClassLoader();
            // on the module path the generated class (in the loader's unnamed module) must reach its interface
            GeneratedKernelAccess.exportTo(loader);
            Class<?> kernelClass = loader.loadClass(source.className());
            return type.cast(kernelClass.getDeclaredConstructor().newInstance());
        } catch (CompileException e) {
            throw new KernelCompilationException(kernelName, e.getMessage(), OPTIONS,
                    CSource.numberLines(source.source()), e);
        } catch (StackOverflowError e) {
            throw new KernelCompilationException(kernelName, TOO_DEEP, OPTIONS, CSource.numberLines(source.source()), null);
        } catch (ReflectiveOperationException e) {
            throw new KernelCompilationException(kernelName, e.toString(), OPTIONS,
                    CSource.numberLines(source.source()), e);
        }
    }
}
