/**
 * Tests of the vendor-library bindings that need no library: the soname search and its reasons, the
 * {@code JGPUARRAY_CUDA_LIBRARIES} switch, version decoding, status names.
 */
package org.jgpuarray.cuda.binding;
