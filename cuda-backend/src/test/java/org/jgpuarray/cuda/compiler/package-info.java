/**
 * Tests of the CUDA compilers that need no GPU: every generated program compiled by each compiler
 * found (NVRTC through JCuda, NVRTC through JNA, nvcc), compile errors, targets, the disk cache.
 */
package org.jgpuarray.cuda.compiler;
