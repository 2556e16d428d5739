package org.jgpuarray.reliability;

import java.util.Objects;

/**
 * One bad-input case: a name, what it does to the API (a lambda over a {@link CaseContext}) and what must
 * happen. Written as one line, e.g.
 * {@code Case.of("shape.negative", c -> c.ctx().zeros(FLOAT32, -1)).fails(IAE, "negative dimension").inChild()}.
 *
 * @param name      unique, dotted by area ({@code blas.gemm.inner-mismatch})
 * @param body      the calls; its return value is what {@link Expectation#returns} checks
 * @param expected  what must happen
 * @param isolated  whether the case runs in a child JVM: native calls with odd sizes, lifecycle abuse,
 *                  anything that could crash the process or poison the shared context
 */
public record Case(String name, Body body, Expectation expected, boolean isolated) {
    public Case {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(expected, "expected");
    }

    /** The calls a case makes. */
    @FunctionalInterface
    public interface Body {
        /** Runs the case; returns the value to check (null when it returns nothing). */
        Object run(CaseContext c) throws Exception;
    }

    /** A statement-like body, for calls that return nothing. */
    @FunctionalInterface
    public interface VoidBody {
        void run(CaseContext c) throws Exception;
    }

    /** Starts a case; finish it with one of the expectation methods. */
    public static Pending of(String name, Body body) {
        return new Pending(name, body);
    }

    /** Starts a case whose body returns nothing. */
    public static Pending run(String name, VoidBody body) {
        return new Pending(name, c -> {
            body.run(c);
            return null;
        });
    }

    /** This case, run in a child JVM. */
    public Case inChild() {
        return new Case(name, body, expected, true);
    }

    @Override
    public String toString() {
        return name;
    }

    /** A case without its expectation yet; {@code isolated} as in {@link Case}. */
    public record Pending(String name, Body body, boolean isolated) {
        public Pending(String name, Body body) {
            this(name, body, false);
        }

        /** This case, to run in a child JVM. */
        public Pending inChild() {
            return new Pending(name, body, true);
        }

        /** Must throw {@code type} with a message holding every fragment (case-insensitive). */
        public Case fails(Class<? extends Throwable> type, String... fragments) {
            return expect(Expectation.fails(type, fragments));
        }

        /** Must return a value equal to {@code value} (arrays element by element, NaN equal to NaN). */
        public Case returns(Object value) {
            return expect(Expectation.returns(value));
        }

        /** Must finish without an exception (its result is not checked). */
        public Case succeeds() {
            return expect(Expectation.succeeds());
        }

        /** Must meet a custom expectation. */
        public Case expect(Expectation expectation) {
            return new Case(name, body, expectation, isolated);
        }
    }
}
