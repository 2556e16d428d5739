#!/usr/bin/env bash
# Spark GPU discovery for jgpuarray: point spark.worker.resource.gpu.discoveryScript (standalone) or
# spark.executor.resource.gpu.discoveryScript (YARN, Kubernetes) at this file. It prints
#   {"name": "gpu", "addresses": ["0", "1"]}
# from jgpuarray's device probe, and exits with status 1 and the reason when the backend cannot start.
#
# Environment (Spark runs the script without arguments; set these in conf/spark-env.sh):
#   JGPUARRAY_SPARK_BACKEND  cuda (default: addresses "0", "1", ...) or opencl ("opencl:0", ...)
#   JGPUARRAY_CLASSPATH      the jgpuarray jars (jgpuarray-spark, -core, -kernels, the backend and their
#                            dependencies); default: every jar in this script's folder
#   JAVA_HOME                the Java 17+ to run (default: java on PATH)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java" -Xmx256m -XX:TieredStopAtLevel=1 -cp "${JGPUARRAY_CLASSPATH:-$here/*}" \
  org.jgpuarray.spark.GpuDiscovery "$@"
