/**
 * Tests of the driver-API layer without a GPU, against a fake {@code libcuda.so.1} built from
 * {@code src/test/c/fake_libcuda.c} and loaded by a child JVM.
 */
package org.jgpuarray.cuda.fake;
