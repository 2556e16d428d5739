/**
 * Kernel specifications: argument lists, elementwise, map-reduce and scan specs as immutable values,
 * and the element types they use. Pure Java, no device code; the source generators of the subpackages
 * turn a spec into CUDA C++, OpenCL C or Java.
 */
package org.jgpuarray.kernels;
