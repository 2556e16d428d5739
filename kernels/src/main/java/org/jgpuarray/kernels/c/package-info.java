/**
 * Generators of CUDA C++ and OpenCL C programs from kernel specs, with the compatibility preludes that
 * let one snippet compile in both dialects, and the launch layout the backends share.
 */
package org.jgpuarray.kernels.c;
