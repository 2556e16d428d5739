package org.jgpuarray.cuda.internal.binding;

import java.util.Map;
import org.jgpuarray.device.DeviceException;

/**
 * The symbolic names of one library's status codes ({@code cublasStatus_t}, {@code cufftResult},
 * {@code curandStatus_t}), and the exceptions for failed calls. Immutable.
 */
public final class StatusNames {
    private final String type;
    private final Map<Integer, String> names;

    /**
     * @param type  the C type, used for codes without a name, e.g. {@code cufftResult}
     * @param names code to name; copied
     */
    public StatusNames(String type, Map<Integer, String> names) {
        this.type = type;
        this.names = Map.copyOf(names);
    }

    /** The name of {@code code}, e.g. {@code CUBLAS_STATUS_INVALID_VALUE}, or {@code cublasStatus_t 99}. */
    public String name(int code) {
        String name = names.get(code);
        return name != null ? name : type + " " + code;
    }

    /**
     * Returns when {@code status} is 0 (success).
     *
     * @param call   the C function, e.g. {@code cublasSgemm_v2}
     * @param detail what was asked, for the message ("" for nothing)
     * @throws DeviceException naming the call, the code and its name
     */
    public void check(String call, int status, String detail) {
        if (status != 0) {
            throw new DeviceException(call, status, name(status), detail);
        }
    }
}
