/**
 * The CPU backend's libraries in plain Java: a blocked, multi-threaded GEMM whose micro-kernel HotSpot
 * vectorizes, BLAS levels 1 and 2, the Philox4x32-10 stream, and FFTs through JTransforms. They operate
 * on the Java arrays behind CPU buffers and are reached through
 * {@link org.jgpuarray.cpu.lib.CpuLibraries}; not API.
 */
package org.jgpuarray.cpu.lib;
