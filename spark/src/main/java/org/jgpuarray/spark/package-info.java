/**
 * jgpuarray on Apache Spark 4: GPUs scheduled by Spark, computed on by jgpuarray.
 *
 * <ul>
 *   <li>{@link org.jgpuarray.spark.GpuDiscovery} (run by {@code bin/jgpuarray-gpu-discovery.sh}): the worker's
 *       or executor's GPU discovery script, from jgpuarray's device probe;</li>
 *   <li>{@link org.jgpuarray.spark.ExecutorGpu}: the context of the GPU Spark assigned the running task,
 *       created once per executor and device ({@link org.jgpuarray.spark.GpuAddress} reads the address);</li>
 *   <li>{@link org.jgpuarray.spark.GpuPartitions} and {@link org.jgpuarray.spark.PartitionArrays}: partitions
 *       on the task's GPU, primitive arrays and {@code Dataset} columns to GPU arrays and back without
 *       boxing, tree sums of per-partition results.</li>
 * </ul>
 *
 * <p>Spark itself is {@code provided}: this module adds only jgpuarray's jars to an application. See
 * {@code docs/spark.md} for cluster settings.
 */
package org.jgpuarray.spark;
