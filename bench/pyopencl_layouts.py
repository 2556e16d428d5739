#!/usr/bin/env python3
"""PyOpenCL side of `jgpuarray bench --layouts`: the same cases on an n x n float32 matrix, one OpenCL device.

`jgpuarray bench --layouts` runs this script after its own OpenCL cases and prints its figures next to
jgpuarray's; it also runs alone:

    /usr/bin/python3 bench/pyopencl_layouts.py --n 4096 --repeat 9

Debian's `python3-pyopencl` package provides PyOpenCL for the system interpreter (/usr/bin/python3).

Each case is timed `--repeat` times after one untimed run, each run one host-side wall-clock interval
(time.perf_counter_ns) around the operation and queue.finish():

  a + b           a cached ElementwiseKernel z[i] = x[i] + y[i] into an existing array (as jgpuarray's
                  bench writes into a preallocated output)
  a.T + b         pyopencl.array arithmetic on the transposed view a.T
  a + row         pyopencl.array arithmetic with a row of n elements broadcast over the rows
  sum(a)          pyopencl.array.sum of the whole matrix (the result stays on the device)
  sum(a, axis 0)  pyopencl.array.sum along the first axis
  sum(a, axis 1)  pyopencl.array.sum along the last axis

Every result is compared with NumPy in float64 on the host. A case that PyOpenCL refuses is reported with
its exception and not timed; a case whose result is wrong is timed and reported with its largest error.

Output, one record a line, tab-separated, for the Java side to read:
  device <TAB> platform name <TAB> device name <TAB> PyOpenCL version
  case <TAB> name <TAB> comma-separated run times in nanoseconds (empty when not timed) <TAB> problem (empty
  when the result was right)
Exit status 0 when every case was measured or refused, 3 when PyOpenCL (or numpy) cannot be imported, 4
when no OpenCL device matches --device.
"""
import argparse
import sys
import time

try:
    import numpy as np
    import pyopencl as cl
    import pyopencl.array as cla
    from pyopencl.elementwise import ElementwiseKernel
    from pyopencl_peer import open_device
except ImportError as missing:
    print(f"pyopencl_layouts.py: cannot import PyOpenCL ({missing}); "
          "on Debian: apt-get install python3-pyopencl", file=sys.stderr)
    sys.exit(3)


def largest_error(got, expected):
    return float(np.max(np.abs(np.asarray(got, dtype=np.float64) - expected))) if np.size(expected) else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=4096, help="rows and columns of the matrix (default 4096)")
    parser.add_argument("--repeat", type=int, default=9, help="timed runs of each case (default 9)")
    parser.add_argument("--device", default="", help="a substring of the OpenCL device's name (default: the first)")
    parser.add_argument("--seed", type=int, default=42)
    options = parser.parse_args()

    device = open_device(options.device, "pyopencl_layouts.py")

    context = cl.Context([device])
    queue = cl.CommandQueue(context)
    n = options.n
    rng = np.random.default_rng(options.seed)
    a_host = rng.uniform(0, 1, (n, n)).astype(np.float32)
    b_host = rng.uniform(0, 1, (n, n)).astype(np.float32)
    row_host = rng.uniform(0, 1, n).astype(np.float32)
    a64, b64, row64 = (h.astype(np.float64) for h in (a_host, b_host, row_host))
    a = cla.to_device(queue, a_host)
    b = cla.to_device(queue, b_host)
    row = cla.to_device(queue, row_host)
    z = cla.empty_like(a)
    add = ElementwiseKernel(context, "float *z, const float *x, const float *y", "z[i] = x[i] + y[i]",
                            "layouts_add")

    def into_z():
        add(z, a, b)
        return z

    # name, the operation (returns its result array), the float64 expected result, the tolerance
    sum_tolerance = 1e-4 * n * n
    cases = [
        ("a + b", into_z, a64 + b64, 1e-6),
        ("a.T + b", lambda: a.T + b, a64.T + b64, 1e-6),
        ("a + row", lambda: a + row, a64 + row64, 1e-6),
        ("sum(a)", lambda: cla.sum(a), np.sum(a64), sum_tolerance),
        ("sum(a, axis 0)", lambda: cla.sum(a, axis=0), np.sum(a64, axis=0), 1e-4 * n),
        ("sum(a, axis 1)", lambda: cla.sum(a, axis=1), np.sum(a64, axis=1), 1e-4 * n),
    ]
    for name, operation, expected, tolerance in cases:
        z.fill(np.float32(np.nan))  # poisoned before its check: a kernel that writes nothing fails it
        try:
            result = operation().get()
        except Exception as refused:  # PyOpenCL's refusal is the finding: report it, time nothing
            print(f"case\t{name}\t\t{type(refused).__name__}: {' '.join(str(refused).split())}", flush=True)
            continue
        error = largest_error(result, expected)
        problem = "" if error <= tolerance else f"wrong result: largest error {error:.3g} > {tolerance:.3g}"
        spans = []
        for _ in range(options.repeat):
            start = time.perf_counter_ns()
            operation()
            queue.finish()
            spans.append(time.perf_counter_ns() - start)
        print(f"case\t{name}\t{','.join(map(str, spans))}\t{problem}", flush=True)


if __name__ == "__main__":
    main()
