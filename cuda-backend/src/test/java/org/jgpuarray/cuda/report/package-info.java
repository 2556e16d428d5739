/** The GPU validation report run on a lent GPU machine (see docs/gpu-validation.md); not a test. */
package org.jgpuarray.cuda.report;
