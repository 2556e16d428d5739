/** A small JSON text writer for the command's {@code --json} outputs (no dependency needed for writing). */
package org.jgpuarray.samples.json;
