package org.jgpuarray.modules;

import java.util.List;
import java.util.function.Supplier;
import org.jgpuarray.device.DeviceInfo;
import org.jgpuarray.internal.BackendRegistry;
import org.jgpuarray.spi.Backend;
import org.jgpuarray.spi.HostArray;

/**
 * For {@link ApiSignaturesTest}: mentions hidden types in every position the checker covers, and in
 * positions users cannot see (private, package-private), which it must ignore.
 */
@SuppressWarnings("unused")
public abstract class ApiLeakFixture<T extends Backend> implements Supplier<List<? extends HostArray>> {
    public BackendRegistry field;
    protected DeviceInfo visible;
    private Backend privateField;

    public ApiLeakFixture(Backend[] backends) {
    }

    public abstract <U extends Comparable<BackendRegistry>> HiddenException method(List<U> list)
            throws HiddenException;

    Backend packagePrivate() {
        return null;
    }

    /** A nested record, checked as a type of its own. */
    public record Nested(Backend backend) {
    }

    private static final class Private {
        public Backend backend;
    }

    /** Hidden only because the test's predicate says so. */
    public static final class HiddenException extends Exception {
        private static final long serialVersionUID = 1L;
    }
}
