/**
 * {@code jgpuarray recipes}: the GPU chapter of the Python Parallel Programming Cookbook ported to
 * jgpuarray, one {@link org.jgpuarray.samples.recipes.Recipe} per example. Raw-kernel recipes carry
 * both CUDA C and OpenCL C sources and run whichever the context's backend compiles; on the CPU backend
 * they end SKIPPED with the reason.
 */
package org.jgpuarray.samples.recipes;
