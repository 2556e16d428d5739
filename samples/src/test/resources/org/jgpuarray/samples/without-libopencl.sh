#!/usr/bin/env bash
# without-libopencl.sh SCRATCH LIBDIR... -- COMMAND...
# Runs COMMAND in a private mount namespace in which every LIBDIR looks as it does, less its libOpenCL.so
# (an overlay with a whiteout over each), as on a machine with the ICD loader's runtime package only.
# Needs root and unshare; exits 97 when the namespace cannot be set up. The host's mounts are untouched.
set -uo pipefail
scratch=$1; shift
dirs=()
while [ "$1" != -- ]; do dirs+=("$1"); shift; done
shift
exec unshare -m --propagation private bash -c '
  scratch=$1; n=$2; shift 2
  mount -t tmpfs tmpfs "$scratch" || exit 97
  k=0
  while [ "$k" -lt "$n" ]; do
    dir=$1; shift; k=$((k + 1))
    mkdir "$scratch/u$k" "$scratch/w$k" && mknod "$scratch/u$k/libOpenCL.so" c 0 0 || exit 97
    mount -t overlay overlay -o "lowerdir=$dir,upperdir=$scratch/u$k,workdir=$scratch/w$k" "$dir" || exit 97
  done
  exec "$@"' without-libopencl "$scratch" "${#dirs[@]}" "${dirs[@]}" "$@"
