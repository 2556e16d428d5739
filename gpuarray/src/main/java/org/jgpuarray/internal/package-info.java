/**
 * Implementation details of the core: backend discovery, buffer ownership and release, the specs of
 * the built-in operations. Not API; may change without notice.
 */
package org.jgpuarray.internal;
