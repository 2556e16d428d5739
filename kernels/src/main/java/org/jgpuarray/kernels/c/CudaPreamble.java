package org.jgpuarray.kernels.c;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a portable preamble valid CUDA: helper functions written as plain C get the
 * {@code __device__} qualifier that CUDA requires, so one preamble serves CUDA, OpenCL and the CPU.
 * The qualifier goes where nvcc and NVRTC accept it: after {@code template <...>} headers and an
 * {@code extern "C"} linkage prefix; functions inside {@code namespace} and {@code extern "C"} blocks and
 * member functions of {@code struct}, {@code class} and {@code union} bodies are qualified as top-level ones
 * are. A {@code const} variable at namespace scope without a memory space becomes {@code __device__} too:
 * NVRTC compiles no host variables, and the device code reads it. Comments, string and character literals
 * and preprocessor lines are skipped.
 */
final class CudaPreamble {
    private static final String QUALIFIER = "__device__ ";
    /** What may precede a declaration's own text: access labels, template headers, a linkage prefix. */
    private static final Pattern LABEL = Pattern.compile("\\G\\s*(?:public|private|protected)\\s*:(?!:)");
    private static final Pattern LINKAGE = Pattern.compile("\\G\\s*extern\\s*\"C(?:\\+\\+)?\"");
    private static final Pattern TEMPLATE = Pattern.compile("\\G\\s*template\\s*<");
    private static final Pattern TRANSPARENT_BLOCK = Pattern.compile(
            "\\s*(?:(?:inline\\s+)?namespace\\b[\\w\\s:]*|extern\\s*\"C(?:\\+\\+)?\"\\s*)");
    private static final Pattern CLASS_BODY = Pattern.compile("\\s*(?:typedef\\s+)?(?:struct|class|union)\\b[^()]*");
    private static final Pattern TRAILING_SPECIFIERS = Pattern.compile(
            "(?:\\s*(?:\\b(?:const|volatile|noexcept|override|final)\\b|&&|&))*\\s*(?:->[^()]*)?$");
    private static final Pattern NOT_A_FUNCTION = Pattern.compile(
            "\\s*(?:typedef|using|static_assert|return|enum|struct|class|union)\\b.*", Pattern.DOTALL);
    private static final Pattern CONST = Pattern.compile("\\bconst\\b");
    private static final Pattern MEMORY_SPACE = Pattern.compile(
            "\\b(?:__device__|__constant__|__shared__|__managed__|__global__)\\b");

    /** What an open brace opened. */
    private enum Block {
        /** a namespace or linkage block: its declarations are qualified as top-level ones */
        TRANSPARENT,
        /** a class body: its member functions are qualified, its member variables are not */
        CLASS,
        /** a function body or an initializer: left alone */
        OPAQUE
    }

    private CudaPreamble() {
    }

    /**
     * Returns {@code preamble} with {@code __device__ } added to every function declaration or definition at
     * namespace or class scope that has neither {@code __device__} nor {@code __global__}, and to every
     * {@code const} variable at namespace scope that names no memory space.
     */
    static String qualify(String preamble) {
        return new Scan(preamble).run();
    }

    /** One pass over a preamble. */
    private static final class Scan {
        private final String text;
        private final StringBuilder out;
        /** One entry per open brace. */
        private final Deque<Block> scopes = new ArrayDeque<>();
        private int opaque;
        private int classes;
        private int declarationStart;
        private int copied;

        Scan(String text) {
            this.text = text;
            this.out = new StringBuilder(text.length() + 64);
        }

        String run() {
            int k = 0;
            while (k < text.length()) {
                k = step(k);
            }
            return out.append(text, copied, text.length()).toString();
        }

        /** Handles the character at {@code k}; returns where to go on. */
        private int step(int k) {
            char c = text.charAt(k);
            boolean qualifying = opaque == 0;
            boolean fresh = qualifying && text.substring(declarationStart, k).isBlank();
            if (c == '/' && k + 1 < text.length() && (text.charAt(k + 1) == '/' || text.charAt(k + 1) == '*')) {
                int end = skipComment(k);
                declarationStart = fresh ? end : declarationStart;
                return end;
            }
            if (c == '"' || c == '\'') {
                return skipLiteral(k, c);
            }
            if (c == '#' && fresh) {
                declarationStart = endOfDirective(k);
                return declarationStart;
            }
            if (c == '{') {
                open(k, qualifying);
            } else if (c == '}') {
                close(k);
            } else if (c == ';' && qualifying) {
                qualifyHeader(declarationStart, k);
                declarationStart = k + 1;
            }
            return k + 1;
        }

        private void open(int k, boolean qualifying) {
            String header = qualifying ? text.substring(declarationStart, k) : "";
            String stripped = qualifying ? strippedHeader(declarationStart, k) : "";
            boolean function = !qualifying || isFunctionHeader(stripped);
            Block block = !function && TRANSPARENT_BLOCK.matcher(header).matches() ? Block.TRANSPARENT
                    : !function && CLASS_BODY.matcher(stripped).matches() ? Block.CLASS : Block.OPAQUE;
            if (qualifying && block == Block.OPAQUE) {
                qualifyHeader(declarationStart, k);
            }
            scopes.push(block);
            opaque += block == Block.OPAQUE ? 1 : 0;
            classes += block == Block.CLASS ? 1 : 0;
            declarationStart = k + 1;
        }

        private void close(int k) {
            Block block = scopes.isEmpty() ? Block.TRANSPARENT : scopes.pop();
            opaque -= block == Block.OPAQUE ? 1 : 0;
            classes -= block == Block.CLASS ? 1 : 0;
            if (opaque == 0) {
                declarationStart = k + 1;
            }
        }

        /** Copies the text up to the header at {@code [from, to)}, with the qualifier where the header needs one. */
        private void qualifyHeader(int from, int to) {
            String header = text.substring(from, to);
            String stripped = strippedHeader(from, to);
            boolean function = isFunctionHeader(stripped) && !header.contains("__device__")
                    && !header.contains("__global__");
            if (!function && !isConstGlobal(stripped)) {
                return;
            }
            int at = prefixEnd(from, to);
            while (at < to && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            out.append(text, copied, at).append(QUALIFIER);
            copied = at;
        }

        /** True for a {@code const} variable at namespace scope that names no memory space. */
        private boolean isConstGlobal(String stripped) {
            return classes == 0 && !stripped.isBlank() && CONST.matcher(stripped).find()
                    && !MEMORY_SPACE.matcher(stripped).find() && !isFunctionHeader(stripped)
                    && !NOT_A_FUNCTION.matcher(stripped).matches();
        }

        /** The header without its labels, template headers and linkage prefix. */
        private String strippedHeader(int from, int to) {
            return text.substring(prefixEnd(from, to), to);
        }

        /** Where the labels, template headers and linkage prefix before a declaration end. */
        private int prefixEnd(int from, int to) {
            int at = from;
            while (true) {
                Matcher label = LABEL.matcher(text).region(at, to);
                Matcher linkage = LINKAGE.matcher(text).region(at, to);
                Matcher template = TEMPLATE.matcher(text).region(at, to);
                if (label.lookingAt()) {
                    at = label.end();
                } else if (linkage.lookingAt()) {
                    at = linkage.end();
                } else if (template.lookingAt()) {
                    at = closingAngle(template.end(), to);
                } else {
                    return at;
                }
            }
        }

        /**
         * The index after the {@code >} that closes a template parameter list opened before {@code k}; angle
         * brackets within parentheses (comparisons in default arguments) do not count.
         */
        private int closingAngle(int k, int to) {
            int angles = 1;
            int parentheses = 0;
            while (k < to && angles > 0) {
                char c = text.charAt(k++);
                if (c == '(') {
                    parentheses++;
                } else if (c == ')') {
                    parentheses--;
                } else if (parentheses == 0) {
                    angles += c == '<' ? 1 : c == '>' ? -1 : 0;
                }
            }
            return k;
        }

        private int skipComment(int k) {
            if (text.charAt(k + 1) == '/') {
                int end = text.indexOf('\n', k);
                return end < 0 ? text.length() : end + 1;
            }
            int end = text.indexOf("*/", k + 2);
            return end < 0 ? text.length() : end + 2;
        }

        private int skipLiteral(int k, char quote) {
            int at = k + 1;
            while (at < text.length() && text.charAt(at) != quote && text.charAt(at) != '\n') {
                at += text.charAt(at) == '\\' ? 2 : 1;
            }
            return Math.min(text.length(), at + 1);
        }

        private int endOfDirective(int k) {
            while (k < text.length()) {
                int end = text.indexOf('\n', k);
                if (end < 0) {
                    return text.length();
                }
                if (end > 0 && text.charAt(end - 1) == '\\') {
                    k = end + 1;
                    continue;
                }
                return end + 1;
            }
            return text.length();
        }
    }

    /**
     * True for a function's declarator: a parameter list last (before trailing specifiers), no keyword of a
     * type or statement first, and no {@code =} before the parameters (a variable's initializer) unless it
     * belongs to an {@code operator}.
     */
    private static boolean isFunctionHeader(String declaration) {
        String header = TRAILING_SPECIFIERS.matcher(declaration.strip()).replaceFirst("");
        if (!header.endsWith(")") || !header.contains("(") || NOT_A_FUNCTION.matcher(header).matches()) {
            return false;
        }
        String beforeParameters = header.substring(0, header.indexOf('('));
        return !beforeParameters.contains("=") || beforeParameters.contains("operator");
    }
}
