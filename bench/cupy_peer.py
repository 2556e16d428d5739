#!/usr/bin/env python3
"""CuPy peer of `jgpuarray bench`: the same workloads, inputs and checks, timed on one CUDA GPU.

Run it on the machine where `./jgpuarray bench --backend cuda` runs, with the same --sizes, and compare
the two tables (or the CSV files): jgpuarray's device time against CuPy's GPU time for

  elementwise  c = a*x + b*y, float32, cupy.ElementwiseKernel           (12 bytes per element)
  reduce       sum(x), float32, cupy.ReductionKernel                    (4 bytes per element)
  dot          sum(x*y), float32, cupy.ReductionKernel                  (8 bytes per element)
  gemm         C = A B, square float32, cupy.matmul (cuBLAS)            (2 N^3 flops, N = sqrt(size))
  fft          complex64 1-D forward FFT of `size` points, cupy.fft.fft (5 N log2 N flops)
  rng          `size` uniform float32 numbers, cupy.random (XORWOW)     (4 bytes per element)

GPU time comes from cupyx.profiler.benchmark (CUDA events around each call); wall time adds the
host-to-device copy of the inputs and the copy of the result back, as in `jgpuarray bench`. Inputs are
uniform in [-1, 1) and every result is checked against a float64 NumPy reference with the tolerances
jgpuarray uses; a wrong result is printed loudly and makes the exit status 1.

    pip install cupy-cuda12x          # the wheel matching the machine's CUDA major version
    python3 bench/cupy_peer.py --sizes '2^16..2^26:2' --csv bench-out/cupy.csv
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


def label(size):
    return f"2^{size.bit_length() - 1}" if size >= 16 and size & (size - 1) == 0 else str(size)


def uniform(n, seed):
    return (2 * np.random.default_rng(seed).random(n) - 1).astype(np.float32)


class Elementwise:
    name, unit = "elementwise", "GB/s"
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
    unit = "GB/s"
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
    name, unit = "gemm", "GFLOP/s"

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
    name, unit = "fft", "GFLOP/s"

    def __init__(self, size, seed):
        self.host = ((uniform(size, seed) + 1j * uniform(size, seed + 1)).astype(np.complex64),)
        self.work = 5.0 * size * math.log2(max(size, 2))
        self.size_label = label(size)

    def compute(self, x):
        return cp.fft.fft(x)

    def check(self, y):
        ref = np.fft.fft(self.host[0].astype(np.complex128))
        err = np.abs(y.astype(np.complex128) - ref)
        tol = 10 * EPS32 * math.log2(max(len(ref), 2)) * np.sqrt(len(ref)) * np.abs(self.host[0]).max() + 1e-6
        return bool(err.max() <= tol), float(err.max())


class Rng:
    name, unit = "rng", "GB/s"

    def __init__(self, size, seed):
        self.size, self.seed, self.host = size, seed, ()
        self.work = 4.0 * size
        self.size_label = label(size)
        self.generator = cp.random.default_rng(seed)

    def compute(self):
        return self.generator.random(self.size, dtype=cp.float32)

    def check(self, u):
        mean = float(u.mean())
        ok = u.min() >= 0 and u.max() < 1 and abs(mean - 0.5) <= 5 / math.sqrt(12 * self.size)
        return bool(ok), abs(mean - 0.5)


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


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--workload", default="elementwise,reduce,dot,gemm,fft,rng")
    p.add_argument("--sizes", default="2^16..2^24:4", help="as in jgpuarray bench (default %(default)s)")
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--max-gemm-size", default="2^22", help="largest gemm size, elements per matrix")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--csv", help="also write the rows to this CSV file")
    args = p.parse_args()

    sizes = parse_sizes(args.sizes)
    gemm_max = parse_sizes(args.max_gemm_size)[0]
    names = [w.strip() for w in args.workload.split(",")]
    unknown = [n for n in names if n not in WORKLOADS]
    if unknown:
        sys.exit(f"unknown workload(s) {unknown}; known: {', '.join(WORKLOADS)}")

    device = cp.cuda.Device()
    props = cp.cuda.runtime.getDeviceProperties(device.id)
    print(f"CuPy {cp.__version__}, CUDA runtime {cp.cuda.runtime.runtimeGetVersion()}, "
          f"device {device.id}: {props['name'].decode()}")
    roofline = copy_bandwidth()
    print(f"roofline: device memory copy bandwidth {roofline:.0f} GB/s")
    header = ("workload", "size", "gpu_ms_median", "gpu_ms_min", "gpu_ms_max", "wall_ms_median",
              "throughput", "unit", "check", "max_error")
    print("{:<11} {:<13} {:>10} {:>10} {:>10} {:>10} {:>10} {:<8} {}".format(
        "workload", "size", "gpu ms", "min", "max", "wall ms", "rate", "unit", "check"))
    rows, wrong = [], 0
    for name in names:
        for size in sizes:
            if name == "gemm" and size > gemm_max:
                continue
            problem = WORKLOADS[name](size, args.seed)
            gpu, wall, ok, err = measure(problem, args.repeat, args.warmup)
            median = float(np.median(gpu))
            rate = problem.work / (median * 1e-3) / 1e9
            verdict = "OK" if ok else "WRONG <<<<<<"
            wrong += not ok
            print("{:<11} {:<13} {:>10.4g} {:>10.4g} {:>10.4g} {:>10.4g} {:>10.4g} {:<8} {}".format(
                name, problem.size_label, median, gpu.min(), gpu.max(), float(np.median(wall)), rate,
                problem.unit, verdict))
            rows.append((name, size, median, gpu.min(), gpu.max(), float(np.median(wall)), rate, problem.unit,
                         "OK" if ok else "WRONG", err))
    if args.csv:
        os.makedirs(os.path.dirname(os.path.abspath(args.csv)), exist_ok=True)
        with open(args.csv, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(header)
            w.writerows(rows)
        print(f"wrote {args.csv}")
    if wrong:
        print(f"!!! {wrong} WRONG RESULT(S): see the rows marked WRONG", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
