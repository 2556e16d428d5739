/** {@code jgpuarray device-query}: what each backend finds on this machine, as text or JSON. */
package org.jgpuarray.samples.query;
