package org.jgpuarray.kernels.c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jgpuarray.kernels.ArgumentList;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ElementwiseSpec;
import org.jgpuarray.kernels.IndexSpace;
import org.junit.jupiter.api.Test;

/** Label definitions in snippets, which the OpenCL elementwise kernel must hold once. */
class SnippetLabelsTest {
    @Test
    void findsLabelsAndNotColonsOfOtherKinds() {
        assertTrue(SnippetLabels.defines("goto done; done: x[i] = 1;"));
        assertTrue(SnippetLabels.defines("skip:\n    x[i] = 1;"));
        assertTrue(SnippetLabels.defines("if (x[i] > 0) { x[i] = 0; } again : x[i] += 1;"));
        assertFalse(SnippetLabels.defines("x[i] = x[i] > 0 ? a : b"));
        assertFalse(SnippetLabels.defines("switch ((int) i) { case 1: x[i] = 2; break; default: x[i] = 3; }"));
        assertFalse(SnippetLabels.defines("x[i] = 1; // note: no label here"));
        assertFalse(SnippetLabels.defines("std::swap(a, b); x[i] = a"));
        assertFalse(SnippetLabels.defines("z[i] = a*x[i] + b*y[i]"));
    }

    @Test
    void aLabelledOperationKeepsTheLoopAloneOnOpenClAndCudaIsUnchanged() {
        ElementwiseSpec labelled = ElementwiseSpec.of("labelled", "float *x", "goto done; done: x[i] = 1");
        String cl = CSourceGenerator.elementwise(labelled, Dialect.OPENCL).source();
        assertEquals(1, count(cl, "done: x[i] = 1"), cl);
        assertFalse(cl.contains("get_global_size(0) == n"), cl);
        String plain = CSourceGenerator.elementwise(ElementwiseSpec.of("plain", "float *x", "x[i] = 1"),
                Dialect.OPENCL).source();
        assertEquals(2, count(plain, "x[i] = 1"), "both branches hold an unlabelled operation");
        String cu = CSourceGenerator.elementwise(labelled, Dialect.CUDA).source();
        assertEquals(1, count(cu, "done: x[i] = 1"), cu);
    }

    @Test
    void aLabelledOperationOverRowsHasTheLoopAloneInBothDialects() {
        IndexSpace space = new IndexSpace(2, List.of("x"));
        ElementwiseSpec spec = new ElementwiseSpec("labelled_rows",
                ArgumentList.parse("float *x, " + space.declaration()), "goto done; done: x[jga_at_x] = 1", "", "", "",
                space);
        for (Dialect dialect : new Dialect[] {Dialect.OPENCL, Dialect.CUDA}) {
            String source = CSourceGenerator.elementwise(spec, dialect).source();
            assertEquals(1, count(source, "done: x[jga_at_x] = 1"), source);
            assertEquals(1, count(source, "for (i = "), source);
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
