/**
 * Test support shared with the modules above through the kernels test-jar: golden files of generated
 * source.
 */
package org.jgpuarray.kernels.testing;
