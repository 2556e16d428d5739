package org.jgpuarray.cuda.internal;

import static jcuda.driver.JCudaDriver.cuCtxEnablePeerAccess;
import static jcuda.driver.JCudaDriver.cuDeviceCanAccessPeer;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoD;
import static jcuda.driver.JCudaDriver.cuMemcpyPeer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jgpuarray.spi.DeviceBuffer;

/**
 * Copies between the buffers of two CUDA devices without the host. Two contexts on one GPU share its
 * primary context, so their buffers copy as any device-to-device copy. Two GPUs copy peer to peer when
 * {@code cuDeviceCanAccessPeer} says they can (NVLink, or PCIe under one switch); peer access is enabled
 * once per pair and direction, for the process. Otherwise the answer is false and the core stages the
 * copy through host memory.
 */
final class PeerCopy {
    /** {@code CUDA_ERROR_PEER_ACCESS_ALREADY_ENABLED}: another context of this process enabled it first. */
    private static final int ALREADY_ENABLED = 704;

    /** Per (destination ordinal, source ordinal): whether peer access works, once asked. */
    private static final Map<Long, Boolean> REACHABLE = new ConcurrentHashMap<>();

    private PeerCopy() {
    }

    /**
     * Copies {@code bytes} from {@code src} (a buffer of {@code from}) into {@code dst} (a buffer of {@code to}).
     * Returns once the bytes have arrived; the copy is ordered after the work pending on both devices.
     *
     * @return false when the two GPUs cannot reach each other
     */
    static boolean copy(CudaDriver from, DeviceBuffer src, long srcByteOffset, CudaDriver to, DeviceBuffer dst,
                        long dstByteOffset, long bytes) {
        var source = from.memory().own(src, "source").at(srcByteOffset, bytes);
        var target = to.memory().own(dst, "destination").at(dstByteOffset, bytes);
        CudaContext sourceContext = from.context();
        CudaContext targetContext = to.context();
        if (sourceContext.ordinal() == targetContext.ordinal()) {
            if (bytes > 0) {
                sourceContext.enter();
                sourceContext.check("cuMemcpyDtoD", cuMemcpyDtoD(target, source, bytes));
            }
            return true;
        }
        if (!reachable(targetContext, sourceContext)) {
            return false;
        }
        if (bytes > 0) {
            targetContext.enter();
            targetContext.check("cuMemcpyPeer", cuMemcpyPeer(target, targetContext.handle(), source,
                    sourceContext.handle(), bytes));
        }
        return true;
    }

    /** Whether {@code reader}'s device can access {@code owner}'s memory; enables that access the first time. */
    private static boolean reachable(CudaContext reader, CudaContext owner) {
        long pair = ((long) reader.ordinal() << 32) | (owner.ordinal() & 0xffffffffL);
        return REACHABLE.computeIfAbsent(pair, p -> {
            int[] can = new int[1];
            reader.check("cuDeviceCanAccessPeer", cuDeviceCanAccessPeer(can, reader.device(), owner.device()));
            if (can[0] == 0) {
                return false;
            }
            reader.enter();
            int result = cuCtxEnablePeerAccess(owner.handle(), 0);
            if (result != ALREADY_ENABLED) {
                reader.check("cuCtxEnablePeerAccess", result);
            }
            return true;
        });
    }
}
