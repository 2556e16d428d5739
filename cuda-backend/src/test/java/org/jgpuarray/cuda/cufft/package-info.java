/** Tests of the kernels around cuFFT, run on the CPU backend (which translates them to Java). */
package org.jgpuarray.cuda.cufft;
