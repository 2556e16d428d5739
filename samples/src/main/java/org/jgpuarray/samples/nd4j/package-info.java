/**
 * Interop with ND4J ({@code org.nd4j}): {@link org.jgpuarray.samples.nd4j.Nd4jInterop} copies arrays both
 * ways. ND4J lives in the samples module only.
 */
package org.jgpuarray.samples.nd4j;
