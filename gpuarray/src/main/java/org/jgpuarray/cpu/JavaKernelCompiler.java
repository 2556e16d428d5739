package org.jgpuarray.cpu;

import java.util.List;
import java.util.function.Supplier;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;
import org.codehaus.janino.util.ClassFile;
import org.jgpuarray.device.KernelCompilationException;
import org.jgpuarray.kernels.SnippetSyntaxException;
import org.jgpuarray.kernels.c.CSource;
import org.jgpuarray.kernels.java.GeneratedKernelAccess;
import org.jgpuarray.kernels.java.JavaElementwiseKernel;
import org.jgpuarray.kernels.java.JavaSource;

/**
 * Compiles generated Java kernel classes in memory with Janino and instantiates them. Snippets
 * outside the translatable C subset, and sources Janino rejects, become
 * {@link KernelCompilationException}s that carry the reason and the numbered source. HotSpot leaves a method
 * of more than {@value #JIT_METHOD_LIMIT} bytes of bytecode interpreted ({@code -XX:+DontCompileHugeMethods},
 * the default): a kernel whose source has a compact form is compiled in that form when its first form has
 * such a method (a 150-term operation over a transposed view ran 20x slower, 2.0 s against 0.1 s).
 */
final class JavaKernelCompiler {
    /** HotSpot's {@code HugeMethodLimit}: larger methods are never JIT-compiled by default. */
    static final int JIT_METHOD_LIMIT = 8000;
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
        return instantiate(kernelName, cook(kernelName, generate(kernelName, generator)), type);
    }

    /**
     * Like {@link #compile(String, Supplier, Class)}, in {@code compact}'s form instead when the first form
     * has a method past {@link #JIT_METHOD_LIMIT}.
     *
     * @param compact produces the same kernel with fewer copies of the user's code
     */
    static <T> T compile(String kernelName, Supplier<JavaSource> generator, Supplier<JavaSource> compact,
                         Class<T> type) {
        Cooked cooked = cook(kernelName, generate(kernelName, generator));
        if (largestMethod(cooked.compiler()) > JIT_METHOD_LIMIT) {
            cooked = cook(kernelName, generate(kernelName, compact));
        }
        return instantiate(kernelName, cooked, type);
    }

    /** Bytes of bytecode of the largest method the compiler produced. */
    static int largestMethod(SimpleCompiler compiler) {
        int largest = 0;
        for (ClassFile file : compiler.getClassFiles()) {
            for (ClassFile.MethodInfo method : file.methodInfos) {
                for (ClassFile.AttributeInfo attribute : method.getAttributes()) {
                    if (attribute instanceof ClassFile.CodeAttribute code) {
                        largest = Math.max(largest, code.code.length);
                    }
                }
            }
        }
        return largest;
    }

    private record Cooked(JavaSource source, SimpleCompiler compiler) {
    }

    private static JavaSource generate(String kernelName, Supplier<JavaSource> generator) {
        try {
            return generator.get();
        } catch (SnippetSyntaxException e) {
            throw new KernelCompilationException(kernelName, e.getMessage(), List.of("C-to-Java translation"),
                    e.part() + ":\n" + CSource.numberLines(e.snippet()), e);
        } catch (StackOverflowError e) {
            throw new KernelCompilationException(kernelName, TOO_DEEP, List.of("C-to-Java translation"), "", null);
        }
    }

    private static Cooked cook(String kernelName, JavaSource source) {
        try {
            SimpleCompiler compiler = new SimpleCompiler();
            compiler.setParentClassLoader(JavaElementwiseKernel.class.getClassLoader());
            compiler.cook(source.source());
            return new Cooked(source, compiler);
        } catch (CompileException e) {
            throw new KernelCompilationException(kernelName, e.getMessage(), OPTIONS,
                    CSource.numberLines(source.source()), e);
        } catch (StackOverflowError e) {
            throw new KernelCompilationException(kernelName, TOO_DEEP, OPTIONS, CSource.numberLines(source.source()), null);
        }
    }

    private static <T> T instantiate(String kernelName, Cooked cooked, Class<T> type) {
        try {
            ClassLoader loader = cooked.compiler().getClassLoader();
            // on the module path the generated class (in the loader's unnamed module) must reach its interface
            GeneratedKernelAccess.exportTo(loader);
            Class<?> kernelClass = loader.loadClass(cooked.source().className());
            return type.cast(kernelClass.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new KernelCompilationException(kernelName, e.toString(), OPTIONS,
                    CSource.numberLines(cooked.source().source()), e);
        }
    }
}
