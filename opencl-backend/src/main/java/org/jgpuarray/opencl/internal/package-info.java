/**
 * Internals of the OpenCL backend: JOCL calls and status checks, device discovery, buffers and the
 * command queue, program building, and {@link org.jgpuarray.opencl.internal.OpenClDriver}, the OpenCL half
 * of the shared {@code GpuDevice}. Not API: {@code cl_*} handles never leave this package.
 */
package org.jgpuarray.opencl.internal;
