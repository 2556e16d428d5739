/**
 * {@code jgpuarray bench}: the GPU-vs-CPU benchmark harness. {@link org.jgpuarray.samples.bench.Workload}s
 * make {@link org.jgpuarray.samples.bench.Problem}s per size; {@link org.jgpuarray.samples.bench.BenchRunner}
 * times each on every device against a plain Java loop and ND4J ({@link org.jgpuarray.samples.bench.Nd4jPeers}),
 * checks every result against a float64 host reference, and the reports turn the result into a table, CSV,
 * JSON and a PNG chart with the measured copy bandwidth as roofline.
 */
package org.jgpuarray.samples.bench;
