/**
 * Examples that are also tests: Monte Carlo π with Philox streams split by partition (bit-identical to one
 * context), a distributed sum of squares and dot product over a data frame column, a batched GEMM over
 * partitions, and the strong-scaling run over executors. Each has a {@code main} for {@code spark-submit}.
 */
package org.jgpuarray.spark.examples;
