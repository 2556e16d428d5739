/**
 * What devices are and how they fail, shared by the API and the backends: {@link
 * org.jgpuarray.device.DeviceInfo} and {@link org.jgpuarray.device.BackendProbe} describe backends and
 * devices, {@link org.jgpuarray.device.DeviceTimer} times device work, {@link
 * org.jgpuarray.device.LocalMemory} sizes OpenCL local memory, and {@link
 * org.jgpuarray.device.GpuException} is the root of every exception jgpuarray throws for device, backend
 * and kernel problems. Depends on nothing else in jgpuarray.
 */
package org.jgpuarray.device;
