package org.jgpuarray.kernels.java;

import java.util.HashMap;
import java.util.Map;

/**
 * A C block scope. Java forbids a local variable to shadow another local of the same method, so a C
 * declaration that shadows one gets a distinct Java name ({@code x$1}, ...); a scope marked as a method
 * boundary ends that search.
 */
final class Scope {
    private final Scope parent;
    private final boolean methodBoundary;
    private final Map<String, Symbol> symbols = new HashMap<>();

    private Scope(Scope parent, boolean methodBoundary) {
        this.parent = parent;
        this.methodBoundary = methodBoundary;
    }

    /** The class-level scope of a generated class: the preamble's constants. */
    static Scope classScope() {
        return new Scope(null, false);
    }

    /** The outermost scope of a Java method inside {@code this}. */
    Scope method() {
        return new Scope(this, true);
    }

    /** A nested block scope. */
    Scope block() {
        return new Scope(this, false);
    }

    /** The symbol a C name refers to here, or {@code null}. */
    Symbol lookup(String cName) {
        for (Scope s = this; s != null; s = s.parent) {
            Symbol found = s.symbols.get(cName);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Declares a name in this scope; a second declaration in the same scope is an error. */
    Symbol declare(Token name, CType type, boolean array, Symbol.Kind kind, boolean constant) {
        String cName = name.text();
        if (symbols.containsKey(cName)) {
            throw Diagnostics.syntax(name, "redeclaration of '" + cName + "'");
        }
        return put(cName, type, array, kind, constant);
    }

    /** Declares a name the generator defines, such as {@code i}, {@code n}, {@code a} and {@code b}. */
    Symbol declareBuiltin(String cName, CType type, Symbol.Kind kind) {
        return put(cName, type, false, kind, false);
    }

    /** Declares a kernel argument. */
    Symbol declareArgument(String cName, CType type, boolean array) {
        return put(cName, type, array, Symbol.Kind.ARGUMENT, false);
    }

    private Symbol put(String cName, CType type, boolean array, Symbol.Kind kind, boolean constant) {
        String base = JavaNames.of(cName);
        String javaName = base;
        for (int k = 1; javaNameInUse(javaName); k++) {
            javaName = base + "$" + k;
        }
        Symbol s = new Symbol(cName, javaName, type, array, kind, constant);
        symbols.put(cName, s);
        return s;
    }

    private boolean javaNameInUse(String javaName) {
        if (parent == null) {
            return false;
        }
        for (Scope s = this; s != null; s = s.parent) {
            for (Symbol sym : s.symbols.values()) {
                if (sym.javaName().equals(javaName)) {
                    return true;
                }
            }
            if (s.methodBoundary) {
                return false;
            }
        }
        return false;
    }
}
