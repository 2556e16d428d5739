"""CuPy peer of CudaGpuReport: the same kernels over 2^26 floats on the same GPU, timed with CUDA events.

Run on the GPU machine: PYTHONUNBUFFERED=1 python3 cuda-backend/src/test/python/cupy_peer.py
Prints the median GPU time and effective bandwidth of c = a*x + b*y (ElementwiseKernel), sum
(ReductionKernel) and a device-to-device copy, counting bytes as CudaGpuReport does.
"""
import sys

try:
    import cupy as cp
    from cupyx.profiler import benchmark
except ImportError as e:  # no CuPy: say so and stop
    print("no CuPy:", e)
    sys.exit(0)

N = 1 << 26
RUNS = 50

axpby = cp.ElementwiseKernel("float32 a, float32 x, float32 b, float32 y", "float32 c", "c = a * x + b * y", "axpby")
total = cp.ReductionKernel("float32 x", "float32 y", "x", "a + b", "y = a", "0", "sum_f32")

rng = cp.random.default_rng(1)
x = rng.random(N, dtype=cp.float32) - 0.5
y = rng.random(N, dtype=cp.float32) - 0.5
c = cp.empty_like(x)


def median_ms(fn):
    result = benchmark(fn, n_repeat=RUNS, n_warmup=5)
    return float(cp.asnumpy(cp.median(cp.asarray(result.gpu_times)))) * 1e3


copy_ms = median_ms(lambda: cp.copyto(c, x))
axpby_ms = median_ms(lambda: axpby(cp.float32(2), x, cp.float32(3), y, c))
sum_ms = median_ms(lambda: total(x))
copy_gbs = 8 * N / copy_ms / 1e6
print(f"cupy {cp.__version__}, CUDA runtime {cp.cuda.runtime.runtimeGetVersion()}, "
      f"device {cp.cuda.runtime.getDeviceProperties(0)['name'].decode()}")
print(f"cupy copy 2^26 floats: {copy_ms:.3f} ms, {copy_gbs:.0f} GB/s (read+write)")
print(f"cupy ElementwiseKernel c = a*x + b*y: {axpby_ms:.3f} ms, {12 * N / axpby_ms / 1e6:.0f} GB/s")
print(f"cupy ReductionKernel sum: {sum_ms:.3f} ms, {4 * N / sum_ms / 1e6:.0f} GB/s")
err = abs(float(total(x)) - float(cp.sum(x.astype(cp.float64)))) / float(cp.sum(cp.abs(x)))
print(f"cupy check: sum relative error {err:.2e}")
