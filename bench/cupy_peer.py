#!/usr/bin/env python3
"""CuPy peer of `jgpuarray bench`: the same workloads, inputs and checks, timed on one CUDA GPU.

Run it on the machine where `./jgpuarray bench --backend cuda` runs, with the same --sizes, and compare
the two tables (or the CSV files): jgpuarray's device time against CuPy's GPU time for

  elementwise  c = a*x + b*y, float32, cupy.ElementwiseKernel           (12 bytes per element)
  reduce       sum(x), float32, cupy.ReductionKernel                    (4 bytes per element)
  dot          sum(x*y), float32, cupy.ReductionKernel                  (8 bytes per element)
  gemm         C = A B, square float32, cupy.matmul (cuBLAS)            (2 N^3 flops, N = sqrt(size))
  fft          complex64 1-D forward FFT of `size` points, cupy.fft.fft (5 N log2 N flops)
  rng          `size` uniform float32 numbers in [0, 1), cupy.random      (4 bytes per element)
               with cuRAND's Philox4x32-10 (jgpuarray's generator) where CuPy offers it

The options mirror `jgpuarray bench`: --workload, --sizes (same grammar and default), --max-size
(per-workload limits over the same defaults, gemm=2^20 and fft=2^22; NAME=none lifts one), --repeat,
--warmup, --seed, --csv. GPU time comes from cupyx.profiler.benchmark (CUDA events around each call);
wall time adds the host-to-device copy of the inputs and the copy of the result back, as in
`jgpuarray bench`. The roofline is the best of 5 device-to-device copies of --copy-size floats, counting
the bytes read and written. --launch adds the peer of CudaGpuReport's launch overhead: a cached
one-element ElementwiseKernel launched in batches of 10,000 (microseconds per launch to enqueue and to
complete, median of 7 batches after 2 of warm-up) and launched then synchronized 5,000 times (median).
--pool adds the peer of CudaPoolReport: c = 2*x + 5*y op by op (2*x, 5*y, their sum: three kernels, three
new arrays) against one ElementwiseKernel into an existing array, at 2^20 and 2^24 float32, under CuPy's
MemoryPool and under its MemoryAsyncPool (the driver's stream-ordered cuMemAllocAsync), median of 41
alternated runs, each synchronized; which allocator makes op by op cheaper on this GPU.
Inputs are uniform in [-1, 1) (NumPy's generator, so the numbers differ from
jgpuarray's; the distribution is the same) and every result is checked as jgpuarray checks it: against
a float64 NumPy reference with the same tolerances, and random numbers by range, mean and variance. A
wrong result is printed loudly and makes the exit status 1.

    pip install cupy-cuda12x          # the wheel matching the machine's CUDA major version
    python3 bench/cupy_peer.py --sizes '2^16..2^26:2' --max-size gemm=2^24,fft=2^26 --csv bench-out/cupy.csv
    python3 bench/cupy_peer.py --sizes 2^26 --workload elementwise,reduce --repeat 50 --copy-size 2^26 --launch
"""
import argparse
import csv
import math
import os
import sys
import time

import numpy as np

try:
    import cupy as cp
    from cupyx.profiler import benchmark
except ImportError as e:  # say plainly what is missing instead of a traceback
    sys.exit(f"cupy_peer.py needs CuPy and a CUDA GPU ({e}); install e.g. `pip install cupy-cuda12x`")

EPS32 = 2.0 ** -24
A, B = np.float32(2.0), np.float32(5.0)
MAX_SIZE_DEFAULTS = "gemm=2^20,fft=2^22"  # as jgpuarray bench's --max-size


def parse_sizes(text):
    """The size grammar of `jgpuarray bench`: 1048576, 2^20, 2^16..2^24 (doubling), 2^16..2^24:4."""
    def number(s):
        s = s.strip().replace("_", "")
        value = 1 << int(s[2:]) if s.startswith("2^") else int(s)
        if value < 1:
            raise ValueError(f"sizes must be at least 1, got '{s}'")
        return value

    sizes = set()
    for item in text.split(","):
        if ".." in item:
            lo, rest = item.split("..", 1)
            hi, _, factor = rest.partition(":")
            lo, hi, f = number(lo), number(hi), number(factor) if factor else 2
            if f < 2 or hi < lo:
                raise ValueError(f"range '{item}' needs A <= B and a factor of at least 2")
            s = lo
            while s <= hi:
                sizes.add(s)
                s *= f
        else:
            sizes.add(number(item))
    return sorted(sizes)


def parse_caps(text, known, caps=None):
    """--max-size: NAME=SIZE,... over `caps`; NAME=none lifts a limit."""
    caps = dict(caps or {})
    for item in filter(None, (i.strip() for i in text.split(","))):
        name, eq, value = item.partition("=")
        name = name.strip().lower()
        if not eq or not name:
            raise ValueError(f"--max-size: '{item}' is not WORKLOAD=SIZE (e.g. gemm=2^20 or fft=none)")
        if name not in known:
            raise ValueError(f"--max-size: unknown workload '{name}'; known: {', '.join(known)}")
        if value.strip().lower() == "none":
            caps.pop(name, None)
        else:
            caps[name] = parse_sizes(value)[0]
    return caps


def label(size):
    return f"2^{size.bit_length() - 1}" if size >= 16 and size & (size - 1) == 0 else str(size)


def uniform(n, seed):
    return (2 * np.random.default_rng(seed).random(n) - 1).astype(np.float32)


class Elementwise:
    name, unit, impl = "elementwise", "GB/s", "cupy.ElementwiseKernel"
    kernel = None

    def __init__(self, size, seed):
        self.host = (uniform(size, seed), uniform(size, seed + 1))
        self.work = 12.0 * size
        self.size_label = label(size)
        if Elementwise.kernel is None:
            Elementwise.kernel = cp.ElementwiseKernel(
                "float32 a, float32 x, float32 b, float32 y", "float32 c", "c = a * x + b * y", "bench_linear_combination")

    def compute(self, x, y):
        return Elementwise.kernel(A, x, B, y)

    def check(self, c):
        x, y = (v.astype(np.float64) for v in self.host)
        ax, by = 2.0 * x, 5.0 * y
        tol = 4 * EPS32 * (np.abs(ax) + np.abs(by)) + 1e-30
        err = np.abs(c.astype(np.float64) - (ax + by))
        return not np.any(~(err <= tol)), float(np.nanmax(err)) if err.size else 0.0


class Reduction:
    unit, impl = "GB/s", "cupy.ReductionKernel"
    kernels = {}

    def __init__(self, size, seed, dot):
        self.name = "dot" if dot else "reduce"
        self.host = (uniform(size, seed), uniform(size, seed + 1)) if dot else (uniform(size, seed),)
        self.work = (8.0 if dot else 4.0) * size
        self.size_label = label(size)
        if self.name not in Reduction.kernels:
            Reduction.kernels[self.name] = (
                cp.ReductionKernel("float32 x, float32 y", "float32 r", "x * y", "a + b", "r = a", "0", "bench_dot")
                if dot else
                cp.ReductionKernel("float32 x", "float32 r", "x", "a + b", "r = a", "0", "bench_sum"))
        self.kernel = Reduction.kernels[self.name]

    def compute(self, *arrays):
        return self.kernel(*arrays)

    def check(self, r):
        terms = np.prod([v.astype(np.float64) for v in self.host], axis=0)
        err = abs(float(r) - terms.sum())
        return err <= 1e-6 * np.abs(terms).sum() + 1e-6, err


class Gemm:
    name, unit, impl = "gemm", "GFLOP/s", "cupy.matmul (cuBLAS)"

    def __init__(self, size, seed):
        self.n = n = math.isqrt(size)
        self.host = (uniform(n * n, seed).reshape(n, n), uniform(n * n, seed + 1).reshape(n, n))
        self.work = 2.0 * n ** 3
        self.size_label = f"{n}x{n}x{n}"

    def compute(self, a, b):
        return cp.matmul(a, b)

    def check(self, c):
        a, b = (v.astype(np.float64) for v in self.host)
        rows = sorted(set(range(0, self.n, max(1, self.n // 64))) | {self.n - 1})
        ref = a[rows] @ b
        tol = self.n * EPS32 * (np.abs(a[rows]) @ np.abs(b)) + 1e-6
        err = np.abs(c[rows].astype(np.float64) - ref)
        return not np.any(~(err <= tol)), float(err.max())


class Fft:
    name, unit, impl = "fft", "GFLOP/s", "cupy.fft.fft (cuFFT)"

    def __init__(self, size, seed):
        self.host = ((uniform(size, seed) + 1j * uniform(size, seed + 1)).astype(np.complex64),)
        self.work = 5.0 * size * max(1.0, math.log2(size))
        self.size_label = label(size)

    def compute(self, x):
        return cp.fft.fft(x)

    def check(self, y):
        """Every real and imaginary part within 10 eps32 log2(N) sqrt(N) max|x| of the float64 transform."""
        x = self.host[0]
        n = len(x)
        ref = np.fft.fft(x.astype(np.complex128))
        tol = 10 * EPS32 * max(1.0, math.log2(n)) * math.sqrt(n) * float(np.abs(x).max()) + 1e-6
        y = np.asarray(y).astype(np.complex128)
        if y.shape != ref.shape:
            return False, math.inf
        err = np.maximum(np.abs(y.real - ref.real), np.abs(y.imag - ref.imag))
        return not np.any(~(err <= tol)), float(np.nanmax(err)) if err.size else 0.0


class Rng:
    name, unit = "rng", "GB/s"

    def __init__(self, size, seed):
        self.size, self.seed, self.host = size, seed, ()
        self.work = 4.0 * size
        self.size_label = label(size)
        philox = getattr(cp.random, "Philox4x3210", None)
        if philox is not None:
            self.generator = cp.random.Generator(philox(seed))
            self.impl = "cupy.random.Generator(Philox4x3210) (cuRAND)"
        else:
            self.generator = cp.random.default_rng(seed)
            self.impl = "cupy.random.default_rng (cuRAND XORWOW)"

    def compute(self):
        return self.generator.random(self.size, dtype=cp.float32)

    def check(self, u):
        """As jgpuarray: all in [0, 1), mean and variance within 5 standard errors of 1/2 and 1/12."""
        u = np.asarray(u, dtype=np.float64)
        n = max(u.size, 1)
        if u.size != self.size or not np.all((u >= 0) & (u < 1)):
            return False, math.inf
        mean_err = abs(u.mean() - 0.5) / (5 * math.sqrt(1 / 12 / n))
        var_err = abs(u.var() - 1 / 12) / (5 * math.sqrt(1 / 180 / n))
        return bool(mean_err <= 1 and var_err <= 1), float(max(mean_err, var_err))


WORKLOADS = {
    "elementwise": Elementwise,
    "reduce": lambda size, seed: Reduction(size, seed, dot=False),
    "dot": lambda size, seed: Reduction(size, seed, dot=True),
    "gemm": Gemm,
    "fft": Fft,
    "rng": Rng,
}


def measure(problem, repeat, warmup):
    """GPU time of the computation on resident inputs, and wall time including both copies."""
    device_inputs = tuple(cp.asarray(h) for h in problem.host)
    gpu = benchmark(problem.compute, device_inputs, n_repeat=repeat, n_warmup=warmup).gpu_times[0] * 1e3
    walls, result = [], None
    for r in range(warmup + repeat):
        t0 = time.perf_counter()
        inputs = tuple(cp.asarray(h) for h in problem.host)
        result = cp.asnumpy(problem.compute(*inputs))
        if r >= warmup:
            walls.append((time.perf_counter() - t0) * 1e3)
    ok, err = problem.check(result)
    return np.asarray(gpu), np.asarray(walls), ok, err


def copy_bandwidth(elements=1 << 24):
    src = cp.empty(elements, dtype=cp.float32)
    ms = benchmark(cp.copy, (src,), n_repeat=5, n_warmup=2).gpu_times[0].min() * 1e3
    return 2.0 * 4 * elements / (ms * 1e-3) / 1e9


LAUNCH_BATCH, LAUNCH_BATCHES, ROUND_TRIPS = 10000, 7, 5000


def launch_overhead():
    """As CudaGpuReport: microseconds per launch of a cached tiny kernel, and whether it ran every time."""
    tiny = cp.ElementwiseKernel("float32 y", "float32 x", "x = y + 1.0f", "bench_tiny")
    x = cp.zeros(1, dtype=cp.float32)
    stream = cp.cuda.get_current_stream()
    for _ in range(2 * LAUNCH_BATCH):
        tiny(x, x)
    stream.synchronize()
    enqueue, complete = [], []
    for _ in range(LAUNCH_BATCHES):
        t0 = time.perf_counter()
        for _ in range(LAUNCH_BATCH):
            tiny(x, x)
        t1 = time.perf_counter()
        stream.synchronize()
        t2 = time.perf_counter()
        enqueue.append((t1 - t0) / LAUNCH_BATCH * 1e6)
        complete.append((t2 - t0) / LAUNCH_BATCH * 1e6)
    trips = []
    for _ in range(ROUND_TRIPS):
        t0 = time.perf_counter()
        tiny(x, x)
        stream.synchronize()
        trips.append((time.perf_counter() - t0) * 1e6)
    ran, expected = int(cp.asnumpy(x)[0]), (LAUNCH_BATCHES + 2) * LAUNCH_BATCH + ROUND_TRIPS
    print(f"launch: tiny cached ElementwiseKernel: {np.median(enqueue):.2f} us per launch to enqueue, "
          f"{np.median(complete):.2f} us per launch to complete (median of {LAUNCH_BATCHES} batches of "
          f"{LAUNCH_BATCH}); {np.median(trips):.2f} us median launch+synchronize", flush=True)
    print(f"launch check: the kernel ran {ran} times (expected {expected}): "
          f"{'OK' if ran == expected else 'WRONG <<<<<<'}", flush=True)
    return ran == expected


POOL_RUNS, POOL_SIZES = 41, (1 << 20, 1 << 24)


def pool_ratios():
    """As CudaPoolReport: op by op against fused under CuPy's two allocators; False when a result is wrong."""
    linear = cp.ElementwiseKernel("float32 a, float32 x, float32 b, float32 y", "float32 c",
                                  "c = a * x + b * y", "pool_linear")
    stream = cp.cuda.get_current_stream()
    ok = True
    for name, make in (("MemoryPool", cp.cuda.MemoryPool), ("MemoryAsyncPool", cp.cuda.MemoryAsyncPool)):
        try:
            pool = make()
        except Exception as e:  # the driver or CuPy may lack the stream-ordered allocator
            print(f"pool: CuPy {name} unavailable: {e}", flush=True)
            continue
        cp.cuda.set_allocator(pool.malloc)
        for size in POOL_SIZES:
            x, y = (cp.asarray(uniform(size, seed)) for seed in (1, 2))
            c = cp.full(size, -7777, dtype=cp.float32)
            expected = 2.0 * cp.asnumpy(x).astype(np.float64) + 5.0 * cp.asnumpy(y).astype(np.float64)
            linear(A, x, B, y, c)
            chained = 2 * x + 5 * y
            for what, got in (("fused", c), ("op by op", chained)):
                error = float(np.max(np.abs(cp.asnumpy(got) - expected) / (np.abs(expected) + 1)))
                if not error <= 1e-5:
                    print(f"pool check: {name} {what} at {label(size)}: relative error {error:.3g} WRONG <<<<<<")
                    ok = False
            del chained
            fused, op_by_op = [], []
            for _ in range(POOL_RUNS):
                t0 = time.perf_counter()
                linear(A, x, B, y, c)
                stream.synchronize()
                t1 = time.perf_counter()
                r = 2 * x + 5 * y
                stream.synchronize()
                t2 = time.perf_counter()
                del r
                fused.append((t1 - t0) * 1e3)
                op_by_op.append((t2 - t1) * 1e3)
            f, o = float(np.median(fused)), float(np.median(op_by_op))
            print(f"pool: CuPy {name} n={label(size)}: fused {f:.3f} ms, op by op {o:.3f} ms, ratio {o / f:.2f}",
                  flush=True)
            del x, y, c
        cp.cuda.set_allocator(cp.cuda.MemoryPool().malloc)
        pool.free_all_blocks()
    return ok


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--workload", default=",".join(WORKLOADS),
                   help="comma-separated, as in jgpuarray bench (default %(default)s)")
    p.add_argument("--sizes", default="2^16..2^24:4", help="as in jgpuarray bench (default %(default)s)")
    p.add_argument("--max-size", default="", metavar="W=SIZE,...",
                   help=f"per-workload size limits over the defaults {MAX_SIZE_DEFAULTS}; NAME=none lifts one")
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--csv", help="also write the rows to this CSV file")
    p.add_argument("--copy-size", default="2^24", help="floats of the roofline copy (default %(default)s)")
    p.add_argument("--launch", action="store_true", help="also measure the launch overhead of a tiny kernel")
    p.add_argument("--pool", action="store_true",
                   help="also measure op by op against fused under CuPy's MemoryPool and MemoryAsyncPool")
    args = p.parse_args()

    names = [w.strip().lower() for w in args.workload.split(",") if w.strip()]
    unknown = [n for n in names if n not in WORKLOADS]
    if unknown or not names:
        p.error(f"unknown workload(s) {unknown}; known: {', '.join(WORKLOADS)}")
    try:
        sizes = parse_sizes(args.sizes)
        copy_size = parse_sizes(args.copy_size)[0]
        caps = parse_caps(args.max_size, WORKLOADS, parse_caps(MAX_SIZE_DEFAULTS, WORKLOADS))
    except ValueError as e:
        p.error(str(e))

    device = cp.cuda.Device()
    props = cp.cuda.runtime.getDeviceProperties(device.id)
    print(f"CuPy {cp.__version__}, CUDA runtime {cp.cuda.runtime.runtimeGetVersion()}, "
          f"device {device.id}: {props['name'].decode()}")
    roofline = copy_bandwidth(copy_size)
    print(f"roofline: device memory copy bandwidth {roofline:.0f} GB/s ({label(copy_size)} floats)", flush=True)
    wrong = 0
    if args.launch:
        wrong += not launch_overhead()
    if args.pool:
        wrong += not pool_ratios()
    header = ("workload", "size", "size_label", "implementation", "gpu_ms_median", "gpu_ms_min", "gpu_ms_max",
              "wall_ms_median", "throughput", "unit", "check", "max_error")
    row = "{:<11} {:<14} {:>10.4g} {:>10.4g} {:>10.4g} {:>10.4g} {:>10.4g} {:<8} {:<12} {}"
    print("{:<11} {:<14} {:>10} {:>10} {:>10} {:>10} {:>10} {:<8} {:<12} {}".format(
        "workload", "size", "gpu ms", "min", "max", "wall ms", "rate", "unit", "check", "impl"))
    rows, skipped = [], {}
    for name in names:
        for size in sizes:
            if name in caps and size > caps[name]:
                reason = f"{name}: over --max-size {name}={label(caps[name])}"
                n = math.isqrt(size)
                skipped.setdefault(reason, []).append(f"{n}x{n}x{n}" if name == "gemm" else label(size))
                continue
            problem = WORKLOADS[name](size, args.seed)
            gpu, wall, ok, err = measure(problem, args.repeat, args.warmup)
            median = float(np.median(gpu))
            rate = problem.work / (median * 1e-3) / 1e9
            wrong += not ok
            print(row.format(name, problem.size_label, median, gpu.min(), gpu.max(), float(np.median(wall)), rate,
                             problem.unit, "OK" if ok else "WRONG <<<<<<", problem.impl), flush=True)
            rows.append((name, size, problem.size_label, problem.impl, median, gpu.min(), gpu.max(),
                         float(np.median(wall)), rate, problem.unit, "OK" if ok else "WRONG", err))
    for reason, labels in skipped.items():
        print(f"skipped {reason} (sizes {', '.join(labels)})")
    if args.csv:
        os.makedirs(os.path.dirname(os.path.abspath(args.csv)), exist_ok=True)
        with open(args.csv, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(header)
            w.writerows(rows)
        print(f"wrote {args.csv}")
    if wrong:
        print(f"!!! {wrong} WRONG RESULT(S): see the rows (or the launch check) marked WRONG", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
