/**
 * Random arrays: {@link org.jgpuarray.random.GpuRandom}, from
 * {@link org.jgpuarray.GpuContext#random(long)}, a Philox4x32-10 stream identical on every backend, and
 * the device's own generator (cuRAND) where offered.
 */
package org.jgpuarray.random;
