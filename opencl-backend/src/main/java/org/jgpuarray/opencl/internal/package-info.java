/**
 * Internals of the OpenCL backend: JOCL calls and status checks, device discovery, buffers and the
 * command queue, program building and the disk cache, and the launchers of generated kernels. Not API:
 * {@code cl_*} handles never leave this package except through {@link org.jgpuarray.opencl.OpenClDevice}.
 */
package org.jgpuarray.opencl.internal;
