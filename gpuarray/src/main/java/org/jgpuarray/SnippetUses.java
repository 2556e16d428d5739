package org.jgpuarray;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgpuarray.kernels.ElementwiseSpec;

/**
 * How the code of an elementwise kernel uses one of its arrays, read from its text: whether every use is
 * the element of the current index, {@code x[i]} (then a view can be addressed through an index space by
 * rewriting those uses), and whether the code may write it. Conservative: anything else the text might
 * mean (a use in the preamble, another subscript, a pointer passed on) counts as "other use" or "written",
 * which sends the call the safe way, through contiguous copies.
 */
final class SnippetUses {
    private SnippetUses() {
    }

    /** True when every use of {@code array} in the loop code is {@code array[i]} and the preamble never names it. */
    static boolean onlyCurrentElement(ElementwiseSpec spec, String array) {
        if (mentions(spec.preamble(), array)) {
            return false;
        }
        Pattern any = Pattern.compile("\\b" + Pattern.quote(array) + "\\b");
        Pattern current = currentElement(array);
        for (String code : new String[] {spec.operation(), spec.loopPrep(), spec.afterLoop()}) {
            long uses = any.matcher(code).results().count();
            long indexed = current.matcher(code).results().count();
            if (uses != indexed || (!code.equals(spec.operation()) && uses > 0)) {
                return false;
            }
        }
        return true;
    }

    /** True when every use of {@code array} in {@code code} is {@code array[i]} and {@code preamble} never names it. */
    static boolean onlyCurrentElement(String code, String preamble, String array) {
        long uses = Pattern.compile("\\b" + Pattern.quote(array) + "\\b").matcher(code).results().count();
        return !mentions(preamble, array) && uses == currentElement(array).matcher(code).results().count();
    }

    /** True when the code may write {@code array}: an assignment, compound assignment, {@code ++} or {@code --} of an element. */
    static boolean mayWrite(ElementwiseSpec spec, String array) {
        String a = Pattern.quote(array);
        Pattern write = Pattern.compile("\\b" + a + "\\s*\\[[^\\]]*\\]\\s*(?:[-+*/%&|^]|<<|>>)?=(?!=)"
                + "|\\b" + a + "\\s*\\[[^\\]]*\\]\\s*(?:\\+\\+|--)|(?:\\+\\+|--)\\s*" + a + "\\s*\\[");
        return mentions(spec.preamble(), array) || write.matcher(spec.operation()).find()
                || write.matcher(spec.loopPrep()).find() || write.matcher(spec.afterLoop()).find();
    }

    /** The code with every {@code array[i]} turned into {@code array[jga_at_array]}. */
    static String addressThroughSpace(String code, String array, String position) {
        return currentElement(array).matcher(code).replaceAll(Matcher.quoteReplacement(array + "[" + position + "]"));
    }

    private static Pattern currentElement(String array) {
        return Pattern.compile("\\b" + Pattern.quote(array) + "\\s*\\[\\s*i\\s*\\]");
    }

    private static boolean mentions(String code, String array) {
        return Pattern.compile("\\b" + Pattern.quote(array) + "\\b").matcher(code).find();
    }
}
