/**
 * The CUDA backend's compilers (not API): NVRTC through JCuda, NVRTC through JNA by soname, and
 * nvcc, behind one {@link org.jgpuarray.cuda.internal.compiler.CudaCompiler} interface that needs no
 * GPU, plus the disk cache of compiled PTX and cubins.
 */
package org.jgpuarray.cuda.internal.compiler;
