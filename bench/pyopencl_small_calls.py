#!/usr/bin/env python3
"""PyOpenCL side of `jgpuarray bench --small-calls`: the cost of three small calls on one OpenCL device.

`jgpuarray bench --small-calls` starts this script and prints its figures next to jgpuarray's; it also
runs alone:

    /usr/bin/python3 bench/pyopencl_small_calls.py --n 1000 --samples 3000

Debian's `python3-pyopencl` package provides PyOpenCL for the system interpreter (/usr/bin/python3).

Every sample is one host-side wall-clock interval (time.perf_counter_ns) around exactly this, float32,
n elements, after a warm-up (kernels built, pools filled):

  call        a cached ElementwiseKernel z[i] = x[i] + y[i] on existing arrays, then queue.finish():
              the enqueue and the wait for completion
  call-batch  100 such calls enqueued, then one queue.finish(); the interval divided by 100
  add-pool    z = x + y on pyopencl.array arrays whose allocator is a pyopencl.tools.MemoryPool, then
              queue.finish(), then z dropped (its block goes back to the pool)
  add         the same with the default allocator (a fresh cl.Buffer per result, released on drop)
  sum-pool    pyopencl.array.sum(x).get() with the pool: the reduction and the blocking read of the
              scalar to the host (which waits for the reduction)
  sum         the same with the default allocator

Output, one record a line, tab-separated, for the Java side to read:
  device <TAB> platform name <TAB> device name <TAB> PyOpenCL version
  time <TAB> key <TAB> minimum in microseconds <TAB> median in microseconds
With --serve the script measures on request instead, so that the bench can alternate the two sides call by
call: after the checks and a warm-up it prints `ready`, then reads lines `key samples` from its standard
input and answers each with a `time` record, until the input ends.
Exit status 0 on success, 1 when a result is wrong, 3 when PyOpenCL (or numpy) cannot be imported, 4 when
no OpenCL device matches --device.
"""
import argparse
import statistics
import sys
import time

try:
    import numpy as np
    import pyopencl as cl
    import pyopencl.array as cla
    import pyopencl.tools as cltools
    from pyopencl.elementwise import ElementwiseKernel
    from pyopencl_peer import open_device
except ImportError as missing:
    print(f"pyopencl_small_calls.py: cannot import PyOpenCL ({missing}); "
          "on Debian: apt-get install python3-pyopencl", file=sys.stderr)
    sys.exit(3)

BATCH = 100


def measure(work, samples, warmup, per=1):
    """(minimum, median) of `samples` timed runs of work(), in microseconds per call."""
    for _ in range(warmup):
        work()
    clock = time.perf_counter_ns
    spans = []
    for _ in range(samples):
        start = clock()
        work()
        spans.append(clock() - start)
    return min(spans) / 1e3 / per, statistics.median(spans) / 1e3 / per


def check(label, got, expected, tolerance):
    worst = float(np.max(np.abs(np.asarray(got, dtype=np.float64) - expected))) if np.size(expected) else 0.0
    if not worst <= tolerance:
        print(f"pyopencl_small_calls.py: WRONG {label}: largest error {worst} > {tolerance}", file=sys.stderr)
        sys.exit(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="elements per array (default 1000)")
    parser.add_argument("--samples", type=int, default=3000, help="timed samples per call (default 3000)")
    parser.add_argument("--warmup", type=int, default=300, help="untimed calls first (default 300)")
    parser.add_argument("--device", default="", help="a substring of the OpenCL device's name (default: the first)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--serve", action="store_true", help="measure the keys read from standard input")
    options = parser.parse_args()

    device = open_device(options.device, "pyopencl_small_calls.py")

    context = cl.Context([device])
    queue = cl.CommandQueue(context)
    pool = cltools.MemoryPool(cltools.ImmediateAllocator(queue))

    rng = np.random.default_rng(options.seed)
    x_host = rng.uniform(-1, 1, options.n).astype(np.float32)
    y_host = rng.uniform(-1, 1, options.n).astype(np.float32)
    expected_add = x_host.astype(np.float64) + y_host.astype(np.float64)
    expected_sum = float(np.sum(x_host.astype(np.float64)))
    sum_tolerance = 1e-5 * max(1.0, float(np.sum(np.abs(x_host.astype(np.float64)))))

    plain = (cla.to_device(queue, x_host), cla.to_device(queue, y_host))
    pooled = (cla.to_device(queue, x_host, allocator=pool), cla.to_device(queue, y_host, allocator=pool))
    z = cla.empty_like(plain[0])
    z.fill(np.float32(np.nan))
    kernel = ElementwiseKernel(context, "float *z, const float *x, const float *y", "z[i] = x[i] + y[i]",
                               "small_calls_add")

    def call():
        kernel(z, plain[0], plain[1])
        queue.finish()

    def call_batch():
        for _ in range(BATCH):
            kernel(z, plain[0], plain[1])
        queue.finish()

    def add_with(arrays):
        def add():
            result = arrays[0] + arrays[1]
            queue.finish()
            del result
        return add

    def sum_with(arrays):
        return lambda: cla.sum(arrays[0]).get()

    call()
    check("call", z.get(), expected_add, 1e-6)
    for label, arrays in (("add-pool", pooled), ("add", plain)):
        check(label, (arrays[0] + arrays[1]).get(), expected_add, 1e-6)
    for label, arrays in (("sum-pool", pooled), ("sum", plain)):
        check(label, float(cla.sum(arrays[0]).get()), expected_sum, sum_tolerance)

    cases = {"call": (call, 1), "call-batch": (call_batch, BATCH),
             "add-pool": (add_with(pooled), 1), "add": (add_with(plain), 1),
             "sum-pool": (sum_with(pooled), 1), "sum": (sum_with(plain), 1)}

    def report(key, samples, warmup):
        work, per = cases[key]
        low, middle = measure(work, max(1, samples // per), max(1, warmup // per), per)
        print(f"time\t{key}\t{low:.3f}\t{middle:.3f}", flush=True)

    if not options.serve:
        for key in cases:
            report(key, options.samples, options.warmup)
        return
    for work, per in cases.values():
        measure(work, 1, max(1, options.warmup // per), per)
    print("ready", flush=True)
    for line in sys.stdin:
        key, samples = line.split()
        report(key, int(samples), int(samples) // 4)


if __name__ == "__main__":
    main()
