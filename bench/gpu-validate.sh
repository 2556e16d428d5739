#!/usr/bin/env bash
# shellcheck disable=SC2317  # the item_* functions and the trap handler are called indirectly
# GPU validation of the CUDA backend on the lent GPU machine, in three steps that each fit one `run`
# call (at most 600 s) with room to spare, the figures that matter most first. Run it from the
# repository root with the bundle .gpu/ (built by bench/gpu-bundle.sh) carried along; procedure and
# expected times in docs/gpu-validation.md.
#   1 | perf   probe (GPU, driver, toolkit, CUDA libraries, CuPy); CudaGpuReport: which natives and
#              compilers load, copy / c = a*x + b*y / sum over 2^26 floats, launch overhead;
#              CudaStreamReport: launch overhead in the legacy and in a created stream, copy/compute
#              overlap on two streams (pinned H2D in one, a kernel in the other); CudaPoolReport: op by
#              op against fused with the memory pool on and off; the same through CuPy
#              (bench/cupy_peer.py --launch --pool, with CuPy's MemoryPool and its cuMemAllocAsync
#              MemoryAsyncPool); `jgpuarray bench` elementwise, reduce, GEMM
#              at a few sizes, then bench/cupy_peer.py at the same sizes (cupy.matmul for GEMM)
#   2 | tests  the CUDA tests that need a GPU, selected by JUnit tag (GPU_TESTS_TAGS, default cuda),
#              by class name where no test carries the tag; compiler, fake-driver, binding and cuFFT
#              unit tests are left to CI, CudaCompilerPathsTest to step 3
#   3 | rest   recipes; CudaLibraryReport (cuBLAS GEMM, cuFFT, cuRAND) and its CuPy peer; every
#              compiler found builds and runs kernels (CudaCompilerPathsTest); aliases mode
#              (JGPUARRAY_SONAME_ALIASES=1): which JCuda natives load, and if one does, its paths
# Usage: bench/gpu-validate.sh STEP...  (STEP: 1, 2, 3, perf, tests, rest, all, or one item: probe,
#        report, streams, pool, cupy-report, bench, cupy-bench, conformance, recipes, libs, cupy-libs, compilers,
#        aliases)
# Each step appends everything to $OUT/step<N>.log as it goes (and to stdout), bounds every item by its
# own timeout and the step's budget, starts no item once the budget is spent, and ends with one line:
#   step 1 (perf) 131 s of 200: probe ok 7s, report ok 18s, ...
# Items: ok, FAILED(rc=N), WRONG(what) (a figure's own check failed), TIMEOUT(Ns), INCOMPLETE(why) (ran,
# but its output lacks what proves it ran on the GPU), SKIPPED(budget). Exit status 0 when all are ok.
# Environment (the defaults are the GPU run's; the others let the Java side run without a GPU):
#   OUT (default /tmp/gpu-validate), GPU_VALIDATE_BUDGET seconds per step (240, 270, 180 for 1, 2, 3),
#   GPU_VALIDATE_BACKEND cuda|opencl|cpu for bench, recipes and the tests (cuda),
#   GPU_BENCH_SIZES (2^20,2^24,2^26), GPU_BENCH_GEMM_MAX (2^24, i.e. 4096^3), GPU_BENCH_REPEAT (10),
#   GPU_TESTS_TAGS (the backend's name), GPU_TESTS_CLASSES (fallback class-name pattern),
#   JGPUARRAY_CACHE_DIR (/tmp/jgpuarray-cache: a rerun on the same warm machine compiles nothing twice).
set -uo pipefail

self=$(readlink -f "${BASH_SOURCE[0]}")
root=$(dirname "$(dirname "$self")")
cd "$root" || exit 2
out=${OUT:-/tmp/gpu-validate}
budget_of() { echo "${GPU_VALIDATE_BUDGET:-$1}"; }   # seconds per step: 240, 270, 180 by default
backend=${GPU_VALIDATE_BACKEND:-cuda}
bench_sizes=${GPU_BENCH_SIZES:-2^20,2^24,2^26}
gemm_max=${GPU_BENCH_GEMM_MAX:-2^24}
repeat=${GPU_BENCH_REPEAT:-10}
Backend=$(case $backend in cuda) echo Cuda ;; opencl) echo OpenCl ;; *) echo Cpu ;; esac)
tags=${GPU_TESTS_TAGS:-$backend}
classes=${GPU_TESTS_CLASSES:-"org\\.jgpuarray\\.[a-z]+\\.${Backend}[A-Za-z]*Test"}
# left to CI (no GPU needed) or to step 3
not_here='.*\.(compiler|fake|binding|cufft|internal)\..*|.*CompilerPathsTest'
export JGPUARRAY_CACHE_DIR=${JGPUARRAY_CACHE_DIR:-/tmp/jgpuarray-cache}
export PYTHONUNBUFFERED=1
cp=".gpu/lib/*:.gpu/test-classes/cuda-backend:.gpu/test-classes/gpuarray"
java=(.gpu/java -cp "$cp")
mkdir -p "$out"

# ---- items: each runs in its own process under `timeout`, output to stdout ----

item_probe() {
  echo "host: $(uname -srm), $(nproc) cores, $(free -g 2>/dev/null | awk '/^Mem:/ {print $2 " GiB memory"}')"
  echo "bundle: $(head -2 .gpu/BUNDLE.txt 2>/dev/null | tr '\n' ' ')"
  echo "-- GPU"; nvidia-smi --query-gpu=name,driver_version,memory.total,compute_cap,clocks.max.sm --format=csv 2>&1 | head -5
  echo "-- driver library"; ldconfig -p 2>/dev/null | grep -E 'libcuda\.so|libOpenCL' || echo "ldconfig: no libcuda.so / libOpenCL"
  echo "-- nvcc"; { command -v nvcc && nvcc --version | tail -2; } || echo "no nvcc on PATH (CUDA_HOME=${CUDA_HOME:-unset})"
  echo "-- CUDA libraries in the folders .gpu/java puts on LD_LIBRARY_PATH"
  .gpu/java -version >/dev/null 2>&1   # makes the wrapper search once
  while read -r d; do
    for f in "$d"/lib{nvrtc,cublas,cufft,curand,nvJitLink}*; do [ -e "$f" ] && echo "  $f"; done
  done <"${JGPUARRAY_CUDA_LIBDIRS_FILE:-/tmp/jgpuarray-cuda-libdirs}"
  echo "-- OpenCL ICDs"; ls /etc/OpenCL/vendors 2>&1
  echo "-- Python"; python3 -c 'import sys, numpy; print(sys.version.split()[0], "numpy", numpy.__version__)' 2>&1 | tail -1
  python3 -c 'import cupy; print("cupy", cupy.__version__, "CUDA runtime", cupy.cuda.runtime.runtimeGetVersion())' 2>&1 | tail -1
  echo "-- warm machine? cache $JGPUARRAY_CACHE_DIR: $(find "$JGPUARRAY_CACHE_DIR" -type f 2>/dev/null | wc -l) files"
}

item_report() { "${java[@]}" org.jgpuarray.cuda.report.CudaGpuReport; }

# Streams on the driver: cached launch overhead per stream, and copy/compute overlap on two streams.
item_streams() { "${java[@]}" org.jgpuarray.cuda.report.CudaStreamReport; }

# The memory pool through the API: op by op against fused, pool on and off, allocations after warm-up.
item_pool() { "${java[@]}" org.jgpuarray.cuda.report.CudaPoolReport; }

item_cupy-report() {
  python3 bench/cupy_peer.py --workload elementwise,reduce --sizes 2^26 --repeat 50 --warmup 5 \
    --copy-size 2^26 --launch --pool
}

item_bench() {
  "${java[@]}" org.jgpuarray.samples.Main bench --backend "$backend" --workload elementwise,reduce,gemm \
    --sizes "$bench_sizes" --max-size "gemm=$gemm_max" --max-java-size elementwise=2^20,reduce=2^20,gemm=2^16 \
    --repeat "$repeat" --warmup 3 --no-nd4j --no-chart --no-progress \
    --csv "$out/bench.csv" --json "$out/bench.json"
}

item_cupy-bench() {
  python3 bench/cupy_peer.py --workload elementwise,reduce,gemm --sizes "$bench_sizes" \
    --max-size "gemm=$gemm_max" --repeat "$repeat" --warmup 3 --csv "$out/cupy-bench.csv"
}

# The tests selected by tag; where the tag selects none, by class name.
item_conformance() {
  local log=/tmp/gpu-validate-tags.$$
  .gpu/run-tests.sh --include-tag "$tags" --exclude-classname "$not_here" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  if grep -qE '^\[ +0 tests found' "$log"; then
    echo "-- no test carries the tag '$tags': selecting by class name $classes"
    .gpu/run-tests.sh --include-classname "$classes" --exclude-classname "$not_here"
    rc=$?
  fi
  rm -f "$log"
  return "$rc"
}

item_recipes() {
  "${java[@]}" org.jgpuarray.samples.Main recipes --backend "$backend"
}

item_libs() { "${java[@]}" org.jgpuarray.cuda.report.CudaLibraryReport; }

item_cupy-libs() { python3 cuda-backend/src/test/python/cupy_library_peer.py; }

# Every compiler found (JCuda NVRTC, NVRTC through JNA, nvcc) builds kernels that run, uncached.
item_compilers() {
  .gpu/run-tests.sh --select-class org.jgpuarray.cuda.CudaCompilerPathsTest
}

# CUDA 13's libraries under CUDA 12's sonames: does any JCuda native load? If JNvrtc or JCublas2 does,
# run the compiler paths and the library tests through it. Test only: label such results.
item_aliases() {
  local log=/tmp/gpu-validate-aliases.$$
  JGPUARRAY_SONAME_ALIASES=1 "${java[@]}" org.jgpuarray.cuda.report.CudaGpuReport natives 2>&1 | tee "$log"
  if grep -qE '^ *JCuda (JNvrtc|JCublas2).*: loads' "$log"; then
    echo "-- through aliases: compiler paths and library tests"
    JGPUARRAY_SONAME_ALIASES=1 .gpu/run-tests.sh --select-class org.jgpuarray.cuda.CudaCompilerPathsTest \
      --select-class org.jgpuarray.cuda.CudaLibrariesTest
  else
    echo "-- no JCuda native loads through aliases: nothing more to run"
  fi
  rm -f "$log"
}

# ---- what each item's output must show, beyond exit status 0: prints the problem, if any ----
check() {
  case $1 in
    probe) awk '/nvidia-smi: (command )?not found|NVIDIA-SMI has failed|No devices were found/ {bad = 1}
                END {if (bad) print "no GPU seen by nvidia-smi"}' ;;
    report) awk '/^== summary/ {s = 1}
                 /axpby max relative error/ {e = $7 + 0; if (e > 1e-5) bad = bad "; axpby error " e}
                 /of sum[|]x[|][)]/ {match($0, /error [^ ]+ of sum/); e = substr($0, RSTART + 6, RLENGTH - 13) + 0
                                    if (e > 1e-5) bad = bad "; sum error " e}
                 /check: tiny_api ran/ {if ($4 != $7 + 0) bad = bad "; tiny kernel ran " $4 " times, not " $7 + 0}
                 END {if (!s) print "no summary (CUDA unavailable?)"; else if (bad != "") print "WRONG: " substr(bad, 3)}' ;;
    streams) awk '/^== summary/ {s = 1}
                  /^ *WRONG: / {bad = bad "; " substr($0, index($0, "WRONG: ") + 7)}
                  /^ *overlap: / {o = 1; match($0, /ms, [0-9.]+ of/); r = substr($0, RSTART + 4, RLENGTH - 7) + 0
                                  if (r > 0.9) bad = bad "; no copy/compute overlap (" r " of the sum)"}
                  /^ *control, both in one stream: / {match($0, /ms, [0-9.]+ of/); r = substr($0, RSTART + 4, RLENGTH - 7) + 0
                                  if (r < 0.9) bad = bad "; one stream overlapped itself (" r "): the timing is wrong"}
                  END {if (!s || !o) print "no summary (CUDA unavailable?)"; else if (bad != "") print "WRONG: " substr(bad, 3)}' ;;
    pool) awk '/^== summary/ {s = 1}
               /^ *pool .*WRONG: / {bad = bad "; " substr($0, index($0, "WRONG: ") + 7)}
               /^ *pool on n=.*device allocations/ {o++; match($0, /warm-up: [0-9]+/); a = substr($0, RSTART + 9, RLENGTH - 9) + 0
                                                     if (a != 0) bad = bad "; " a " device allocations with the pool on"}
               END {if (!s || !o) print "no summary (CUDA unavailable?)"; else if (bad != "") print "WRONG: " substr(bad, 3)}' ;;
    cupy-*) grep -qE '^CuPy ' || echo "CuPy did not start" ;;
    bench) grep -qE '^wrote ' || echo "no results written" ;;
    conformance|compilers) awk '/tests successful/ {n += $2} END {if (n == 0) print "no test passed (all skipped?)"}' ;;
    recipes) grep -qE '^recipes: [1-9][0-9]* OK' || echo "no recipe passed" ;;
    libs) awk '/^gemm float(32|64) / {g++; e = $NF; sub(/\)$/, "", e); e += 0
                                       if (e > ($2 == "float32" ? 1e-2 : 1e-9)) bad = bad "; gemm " $2 " error " e}
               /^fft .*round trip max abs error/ {e = $NF; sub(/\)$/, "", e); e += 0
                                                  w = $0; sub(/:.*/, "", w); if (e > 1e-3) bad = bad "; " w " error " e}
               END {if (!g) print "no GEMM figure"; else if (bad != "") print "WRONG: " substr(bad, 3)}' ;;
    *) cat >/dev/null ;;
  esac
}

# ---- running a step ----
number=
budget=
started=$SECONDS
deadline=$SECONDS
results=()
log=/dev/null

# run_item NAME LIMIT: the item in its own process group under `timeout`, killed after min(LIMIT, what
# the budget leaves) seconds; its output goes straight to the step's log (so a step cut short still
# leaves everything up to that moment), then to stdout.
run_item() {
  local name=$1 limit=$2 left first t0 rc verdict problem
  left=$((deadline - SECONDS - 5))
  [ "$left" -lt "$limit" ] && limit=$left
  if [ "$limit" -lt 10 ]; then
    results+=("$name SKIPPED(budget)")
    echo "-- $name: skipped, the step's budget is spent" | tee -a "$log"
    return
  fi
  printf -- '-- %s (limit %d s, at %d s)\n' "$name" "$limit" $((SECONDS - started)) | tee -a "$log"
  first=$(($(wc -l <"$log") + 1))
  t0=$SECONDS
  timeout -k 5 "$limit" bash "$self" --item "$name" >>"$log" 2>&1 </dev/null &
  item_pid=$! item_name=$name
  wait "$item_pid"
  rc=$?
  item_pid='' item_name=''
  tail -n +"$first" "$log"
  case $rc in
    0) problem=$(tail -n +"$first" "$log" | check "$name")
       case $problem in "") verdict=ok ;; WRONG*) verdict="WRONG(${problem#WRONG: })" ;; *) verdict="INCOMPLETE($problem)" ;; esac ;;
    124|137) verdict="TIMEOUT(${limit}s)" ;;
    *) verdict="FAILED(rc=$rc)"
       if tail -n +"$first" "$log" | grep -q 'WRONG <<<<<<'; then verdict="WRONG(rows marked WRONG)"; fi ;;
  esac
  results+=("$name $verdict $((SECONDS - t0))s")
  echo "-- $name: $verdict in $((SECONDS - t0)) s" | tee -a "$log"
}

# Stopped from outside (TERM, INT, HUP): stop the item, write the summary so far, exit.
item_pid=
item_name=
current_title=
interrupted() {
  [ -n "$item_pid" ] && kill -TERM "$item_pid" 2>/dev/null && wait "$item_pid" 2>/dev/null
  results+=("${item_name:-between items} INTERRUPTED at $((SECONDS - started)) s")
  summarize "$current_title"
  exit 143
}

# summarize TITLE: the step's one-line summary, to the log and stdout; status 1 unless every item is ok
summarize() {
  local summary tests
  summary=$(printf '%s, ' "${results[@]}")
  summary="$(label "$1") $((SECONDS - started)) s of $budget: ${summary%, }"
  tests=$(grep -hE '^\[ +[0-9]+ tests (successful|failed|skipped|aborted)' "$log" \
    | awk '{n[$4] += $2} END {if (length(n)) print n["successful"] " successful, " n["failed"] " failed, " n["skipped"] " skipped, " n["aborted"] " aborted"}')
  [ -n "$tests" ] && summary="$summary; tests: $tests"
  echo "$summary" | tee -a "$log"
  case " ${results[*]} " in *FAILED*|*WRONG*|*TIMEOUT*|*INCOMPLETE*|*SKIPPED*|*INTERRUPTED*) return 1 ;; esac
}

label() { case $number in -*) echo "item $1" ;; *) echo "step $number ($1)" ;; esac; }

# run_step NUMBER TITLE BUDGET ITEM LIMIT [ITEM LIMIT ...]  (NUMBER -NAME: one item, log step-NAME.log)
run_step() {
  number=$1 current_title=$2 budget=$(budget_of "$3"); shift 3
  log="$out/step$number.log"
  started=$SECONDS
  deadline=$((SECONDS + budget))
  results=()
  echo "== $(label "$current_title") on $(hostname), $(date -u +%FT%TZ), budget $budget s" | tee -a "$log"
  while [ $# -gt 0 ]; do run_item "$1" "$2"; shift 2; done
  summarize "$current_title"
}

if [ "${1:-}" = --item ]; then
  "item_$2"
  exit
fi
trap interrupted TERM INT HUP
[ $# -gt 0 ] || { sed -n '3,/^set -uo/p' "$self" | sed '$d; s/^# \{0,1\}//'; exit 2; }
[ -f .gpu/java ] || { echo "gpu-validate: no bundle: build .gpu/ with bench/gpu-bundle.sh and carry it" >&2; exit 2; }
# in case the copy that travelled lost the executable bits
chmod +x .gpu/java .gpu/run-tests.sh .gpu/jre/bin/* .gpu/jre/lib/jspawnhelper 2>/dev/null
status=0
for step in "$@"; do
  case $step in
    1|perf)  run_step 1 perf 240 probe 60 report 90 streams 60 pool 60 cupy-report 90 bench 120 cupy-bench 90 || status=1 ;;
    2|tests) run_step 2 tests 270 conformance 600 || status=1 ;;
    3|rest)  run_step 3 rest 180 libs 90 cupy-libs 60 compilers 60 recipes 60 aliases 60 || status=1 ;;
    all)     "$self" 1 2 3 || status=1 ;;
    probe|report|streams|pool|cupy-report|bench|cupy-bench|conformance|recipes|libs|cupy-libs|compilers|aliases)
             run_step "-$step" "$step" 270 "$step" 600 || status=1 ;;
    *)       echo "gpu-validate: unknown step '$step' (1, 2, 3, perf, tests, rest, all, or an item)" >&2; exit 2 ;;
  esac
done
exit $status
