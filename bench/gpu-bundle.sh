#!/usr/bin/env bash
# Builds .gpu/, everything bench/gpu-validate.sh needs on the lent GPU machine, which has no JDK, no
# Maven and no network: a jlink'd Java runtime, the project's classes as jars, their runtime
# dependencies without ND4J, the test classes of gpuarray, opencl-backend and cuda-backend, the JUnit
# console launcher, and two wrappers:
#   .gpu/java           the bundle's java with the folders of the machine's CUDA libraries on
#                       LD_LIBRARY_PATH (JGPUARRAY_SONAME_ALIASES=1 also offers CUDA 13's libraries
#                       under CUDA 12's sonames: test only, label such results)
#   .gpu/run-tests.sh   the JUnit console launcher over the bundle's test classes; extra arguments go
#                       to the launcher, e.g. --include-tag cuda or --select-class org.example.SomeTest
# Native code that the run cannot use is left out: platforms other than linux-x86_64, and JCuda's
# libraries the backend never loads (JNvPTXCompiler, the legacy JCublas, JCudaRuntime).
# At most 64 MiB travel with a working tree; the bundle's size is printed, a warning given above
# GPU_BUNDLE_WARN_MIB (45) and the script fails above GPU_BUNDLE_MAX_MIB (60).
#
# Usage (from anywhere; builds in the checkout that holds this script, which must be the one the `run`
# tool sends):  bench/gpu-bundle.sh [--no-build] [DIR]      (DIR defaults to .gpu, git-ignored)
#   --no-build   reuse the classes and dependency lists of the last build (target/gpu-bundle.*)
# Needs: Java 17 JDK (jlink, jar), Maven (offline when the local repository has everything: the first
# run downloads the JUnit console launcher), zip/unzip, and strip if present (binutils).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
build=1
if [ "${1:-}" = --no-build ]; then build=0; shift; fi
out=${1:-.gpu}
case "$out" in /*) ;; *) out="$root/$out" ;; esac
warn_mib=${GPU_BUNDLE_WARN_MIB:-45}
max_mib=${GPU_BUNDLE_MAX_MIB:-60}
# Neither java.desktop (10 MiB; bench runs with --no-chart) nor java.xml (4 MiB; no JUnit XML reports):
# java.management serves JMH, jdk.unsupported JLargeArrays and JNA.
modules=${GPU_BUNDLE_MODULES:-java.base,java.logging,java.management,jdk.unsupported}
lower_modules=(kernels gpuarray opencl-backend cuda-backend)   # their test classpaths go in whole
test_modules=(gpuarray opencl-backend cuda-backend)            # their test classes go in
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac || command -v jlink)")")")}
started=$SECONDS
log=$(mktemp "${TMPDIR:-/tmp}/gpu-bundle.XXXXXX")
trap 'rm -f "$log"' EXIT

say() { printf '== %s (%d s)\n' "$*" $((SECONDS - started)); }

# Maven, offline first (others build beside us; the local repository usually has everything), online
# only when an artifact is missing; quiet, with the errors on failure.
maven() {
  mvn -B -ntp -o -q "$@" >"$log" 2>&1 && return 0
  if grep -qE 'offline mode|Could not (resolve|find artifact)|Cannot access' "$log"; then
    echo "gpu-bundle: the local Maven repository lacks something; downloading" >&2
    mvn -B -ntp -q "$@" >"$log" 2>&1 && return 0
  fi
  grep -E '^\[ERROR\]' "$log" | head -n 20 >&2
  echo "gpu-bundle: Maven failed: mvn $*" >&2
  exit 1
}

if [ $build = 1 ]; then
  say "compiling main and test classes; listing dependencies"
  # test-compile, not package: no shaded jar (150 MB of ND4J), no install; siblings resolve to target/
  maven -DskipTests test-compile dependency:build-classpath dependency:tree \
    -pl samples,cuda-backend,opencl-backend -am \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/gpu-bundle.classpath \
    -Dscope=runtime -DoutputFile=target/gpu-bundle.tree
fi
for m in "${lower_modules[@]}" samples; do
  [ -s "$m/target/gpu-bundle.classpath" ] || [ "$m" = kernels ] \
    || { echo "gpu-bundle: $m/target/gpu-bundle.classpath missing; run without --no-build" >&2; exit 1; }
done

rm -rf "$out"; mkdir -p "$out/lib" "$out/test-classes"

say "packing the project's classes"
artifact_id() {  # the module's own artifactId: the first one after </parent>
  awk '/<\/parent>/ {p = 1; next} p && /<artifactId>/ {gsub(/.*<artifactId>|<\/artifactId>.*/, ""); print; exit}' "$1/pom.xml"
}
for m in "${lower_modules[@]}" samples; do
  "$java_home/bin/jar" --create --file "$out/lib/$(artifact_id "$m").jar" -C "$m/target/classes" .
done
for m in "${test_modules[@]}"; do
  cp -r "$m/target/test-classes" "$out/test-classes/$m"
done

say "copying dependencies (no ND4J, no JUnit: the console launcher has it)"
# samples' runtime dependencies as Maven resolved them, less the subtrees of ND4J and its natives
# (org.nd4j, org.bytedeco: the benchmark's CPU peer, which the GPU run does not measure), as
# local-repository folders group/artifact/version
samples_runtime=$(awk -v skip='^(org\\.nd4j|org\\.bytedeco)$' '
  NR == 1 { next }
  { line = $0; match(line, /[a-zA-Z]/); depth = (RSTART - 1) / 3
    split(substr(line, RSTART), f, ":"); n = 0; for (k in f) n++
    if (cut >= 0 && depth > cut) next
    cut = -1
    if (f[1] ~ skip) { cut = depth; next }
    g = f[1]; gsub(/\./, "/", g); print "/" g "/" f[2] "/" f[n - 1] "/" }
  BEGIN { cut = -1 }' samples/target/gpu-bundle.tree)
{
  tr ':' '\n' <samples/target/gpu-bundle.classpath | while read -r jar; do
    for keep in $samples_runtime; do case "$jar" in *"$keep"*) echo "$jar"; break ;; esac; done
  done
  for m in "${lower_modules[@]}"; do
    if [ -s "$m/target/gpu-bundle.classpath" ]; then tr ':' '\n' <"$m/target/gpu-bundle.classpath"; fi
  done
} | grep '\.jar$' | grep -v -E '/(org/junit|org/opentest4j|org/apiguardian)/' | grep -v "^$root/" \
  | awk '{ n = split($0, p, "/"); key = p[n - 3] "/" p[n - 2] "|" substr(p[n], length(p[n - 2]) + length(p[n - 1]) + 2)
           if (!(key in seen)) { seen[key] = 1; print } }' >"$out/lib/.sources"
while read -r jar; do cp "$jar" "$out/lib/"; done <"$out/lib/.sources"
rm "$out/lib/.sources"

say "removing native code the GPU machine cannot use"
# other platforms' natives, and JCuda libraries that nothing here loads: the PTX compiler (24 MB; the
# driver JITs PTX itself), the legacy JCublas (JCublas2 is used) and the runtime API (the driver API is)
unused='lib/lib(JNvPTXCompiler|JCublas|JCudaRuntime)-[0-9]'
for jar in "$out"/lib/*.jar; do
  mapfile -t drop < <(unzip -Z1 "$jar" | awk -v unused="^$unused" '
    (tolower($0) ~ /\.(so(\.[0-9]+)*|dll|dylib|jnilib|a)$/ && tolower($0) !~ /linux[-_\/]?(x86[-_]64|amd64)/) || $0 ~ unused')
  if [ ${#drop[@]} -gt 0 ]; then
    zip -q -d "$jar" "${drop[@]}" >/dev/null
  fi
done

say "adding the JUnit console launcher"
platform=$(tr ':' '\n' <cuda-backend/target/gpu-bundle.classpath \
  | sed -n 's:.*/junit-platform-engine-\([^/]*\)\.jar$:\1:p' | head -1)
[ -n "$platform" ] || { echo "gpu-bundle: no junit-platform-engine on cuda-backend's test classpath" >&2; exit 1; }
maven -N dependency:copy -Dartifact="org.junit.platform:junit-platform-console-standalone:$platform" \
  -DoutputDirectory="$out" -Dmdep.stripVersion=true

say "linking a Java runtime ($modules)"
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=2 --output "$out/jre"
if command -v strip >/dev/null; then  # the JDK's shared libraries keep their symbol tables
  find "$out/jre" -name '*.so' -exec strip --strip-unneeded {} +
fi

cat >"$out/java" <<'JAVA'
#!/usr/bin/env bash
# The bundle's java, with the folders holding the machine's CUDA libraries (NVRTC, cuBLAS, cuFFT,
# cuRAND, nvJitLink; the toolkit's before Python packages' copies, never stubs/ or compat/) ahead of
# LD_LIBRARY_PATH. The search runs once per machine; its result stays in /tmp/jgpuarray-cuda-libdirs.
# Test only: JGPUARRAY_SONAME_ALIASES=1 offers CUDA 13's NVRTC and cuBLAS under CUDA 12's sonames, so
# that JCuda 12.6's natives may load on a CUDA 13 machine; label results obtained so.
here=$(cd "$(dirname "$0")" && pwd)
dirs=${JGPUARRAY_CUDA_LIBDIRS_FILE:-/tmp/jgpuarray-cuda-libdirs}
if [ ! -e "$dirs" ]; then
  timeout 60 find /usr /opt /lib /lib64 /root /home /workspace -name 'lib*.so.[0-9]*' \
      \( -name 'libnvrtc*' -o -name 'libcublas*' -o -name 'libcufft*' -o -name 'libcurand*' -o -name 'libnvJitLink*' \) \
      -not -path '*/stubs/*' -not -path '*/compat/*' 2>/dev/null \
    | xargs -r -n1 dirname | sort -u | awk '{ print ($0 ~ /^\/usr\/local\/cuda/ ? 0 : 1) "\t" $0 }' \
    | sort -s -k1,1n | cut -f2 >"$dirs.$$" && mv "$dirs.$$" "$dirs"
fi
extra=$(tr '\n' ':' <"$dirs" 2>/dev/null)
if [ "${JGPUARRAY_SONAME_ALIASES:-0}" = 1 ]; then
  aliases=/tmp/jgpuarray-soname-aliases; mkdir -p "$aliases"
  for pair in libnvrtc.so.12:libnvrtc.so.13 libnvrtc-builtins.so.12.6:libnvrtc-builtins.so.13.0 \
              libcublas.so.12:libcublas.so.13 libcublasLt.so.12:libcublasLt.so.13; do
    want=${pair%%:*} have=${pair##*:}
    for d in $(tr ':' ' ' <<<"$extra"); do
      if [ -e "$d/$have" ]; then ln -sf "$d/$have" "$aliases/$want"; break; fi
    done
  done
  extra="$aliases:$extra"
fi
export LD_LIBRARY_PATH="${extra}${LD_LIBRARY_PATH:-}"
exec "$here/jre/bin/java" "$@"
JAVA

cat >"$out/run-tests.sh" <<'TESTS'
#!/usr/bin/env bash
# The JUnit console launcher over the bundle's test classes (every jar of lib/ on the class path);
# extra arguments go to it, e.g. --include-tag cuda, --include-classname '.*Cuda.*Test', or selectors
# such as --select-class org.jgpuarray.cuda.CudaDeviceTest (which replace the scan of the test classes).
# JGPUARRAY_TEST_JAVA_OPTS adds JVM options. Output streams test by test (--details=testfeed), then the
# summary; the exit status is 1 when a test failed.
here=$(cd "$(dirname "$0")" && pwd)
cp=$(printf '%s:' "$here"/lib/*.jar "$here"/test-classes/*/)
scan=$(printf '%s:' "$here"/test-classes/*/)
scan=(--scan-class-path "${scan%:}")
for a in "$@"; do case $a in --select*|-[cmpdfuoir]) scan=() ;; esac; done
# shellcheck disable=SC2086  # a list of options
exec "$here/java" ${JGPUARRAY_TEST_JAVA_OPTS:-} -jar "$here/junit-platform-console-standalone.jar" execute \
  --class-path "${cp%:}" "${scan[@]}" --disable-banner --disable-ansi-colors --details=testfeed "$@"
TESTS
chmod +x "$out/java" "$out/run-tests.sh"

{
  echo "jgpuarray GPU bundle built $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(uname -m)"
  echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "runtime: $("$out/jre/bin/java" -version 2>&1 | head -1); modules $modules"
  echo "lib:"; (cd "$out/lib" && ls -1)
} >"$out/BUNDLE.txt"

mib() { du -sb "$1" | awk '{printf "%.1f", $1 / 1048576}'; }   # bytes, as they travel
size=$(mib "$out")
say "bundle $out: $size MiB (jre $(mib "$out/jre"), lib $(mib "$out/lib"), test classes $(mib "$out/test-classes"), JUnit launcher $(mib "$out/junit-platform-console-standalone.jar"))"
if awk -v s="$size" -v m="$max_mib" 'BEGIN {exit !(s > m)}'; then
  echo "gpu-bundle: $size MiB is over $max_mib MiB: it would not travel (64 MiB with the working tree)" >&2
  exit 1
fi
if awk -v s="$size" -v w="$warn_mib" 'BEGIN {exit !(s > w)}'; then
  echo "gpu-bundle: WARNING: $size MiB is over the $warn_mib MiB aimed at" >&2
fi
