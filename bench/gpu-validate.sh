#!/usr/bin/env bash
# Runs on the lent GPU machine from the repository root, with the bundle (.gpu/, see
# ../shared/gpu/bundle.sh) carried along; writes everything under $OUT. Steps:
#   probe    what the machine has (GPU, driver, toolkit, CUDA libraries, CuPy)
#   natives  which JCuda natives load, plain and with CUDA 13 libraries offered under CUDA 12 names
#   tests    the CUDA conformance suite and device tests (the compile-everything tests ran in CI)
#   report   bandwidth of fused elementwise and sum vs a device copy, launch overhead (CUDA events)
#   cupy     the same kernels through CuPy on the same GPU
#   libs     cuBLAS GEMM, cuFFT and cuRAND through jgpuarray, then through CuPy
# Usage: bench/gpu-validate.sh [step ...]   (default: every step)
set -uo pipefail
out=${OUT:-/tmp/gpu-out}; mkdir -p "$out"
cp='.gpu/lib/*:.gpu/test-classes/cuda-backend:.gpu/test-classes/gpuarray:.gpu/test-classes/kernels'
steps=${*:-probe natives tests report cupy libs}
for step in $steps; do
  echo "== $step"
  case $step in
    probe)   .gpu/probe.sh > "$out/probe.txt" 2>&1; cat "$out/probe.txt" ;;
    natives) .gpu/java -cp "$cp" org.jgpuarray.cuda.report.CudaGpuReport natives > "$out/natives.txt" 2>&1
             JGPUARRAY_SONAME_ALIASES=1 .gpu/java -cp "$cp" org.jgpuarray.cuda.report.CudaGpuReport natives \
               > "$out/natives-aliases.txt" 2>&1; tail -5 "$out/natives.txt" "$out/natives-aliases.txt" ;;
    tests)   timeout 420 .gpu/run-tests.sh --reports-dir="$out/junit" \
               --include-classname '.*Cuda.*(Conformance|Device|CompilerPaths|StickyError)Test' \
               > "$out/tests.txt" 2>&1; grep -E "tests (successful|failed|skipped)|MethodSource|=>" "$out/tests.txt" | head -60 ;;
    report)  timeout 240 .gpu/java -cp "$cp" org.jgpuarray.cuda.report.CudaGpuReport > "$out/report.txt" 2>&1
             tail -25 "$out/report.txt" ;;
    cupy)    PYTHONUNBUFFERED=1 timeout 180 python3 cuda-backend/src/test/python/cupy_peer.py > "$out/cupy.txt" 2>&1
             cat "$out/cupy.txt" ;;
    libs)    timeout 240 .gpu/java -cp "$cp" org.jgpuarray.cuda.report.CudaLibraryReport > "$out/libs.txt" 2>&1
             PYTHONUNBUFFERED=1 timeout 180 python3 cuda-backend/src/test/python/cupy_library_peer.py \
               > "$out/cupy-libs.txt" 2>&1; tail -20 "$out/libs.txt" "$out/cupy-libs.txt" ;;
    *)       echo "unknown step $step" ;;
  esac
done
