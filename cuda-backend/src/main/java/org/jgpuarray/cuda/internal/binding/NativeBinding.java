package org.jgpuarray.cuda.internal.binding;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of looking for a native library: the bound library and the name it was loaded by, or the
 * one-line reason it is not there. Immutable.
 *
 * @param library the binding, null when absent
 * @param name    the soname or path that loaded, e.g. {@code libcublas.so.13}; "" when absent
 * @param reason  why the library is absent; "" when found
 * @param <T>     the binding's type
 */
public record NativeBinding<T>(T library, String name, String reason) {
    public NativeBinding {
        name = Objects.requireNonNullElse(name, "");
        reason = Objects.requireNonNullElse(reason, "");
        if ((library == null) == reason.isEmpty()) {
            throw new IllegalArgumentException("a binding has either a library or a reason");
        }
    }

    /** A library that loaded under {@code name}. */
    public static <T> NativeBinding<T> found(T library, String name) {
        return new NativeBinding<>(Objects.requireNonNull(library, "library"), name, "");
    }

    /** No library, for {@code reason}. */
    public static <T> NativeBinding<T> absent(String reason) {
        return new NativeBinding<>(null, "", reason);
    }

    /** True when the library loaded. */
    public boolean isLoaded() {
        return library != null;
    }

    /** The library, if it loaded. */
    public Optional<T> get() {
        return Optional.ofNullable(library);
    }
}
