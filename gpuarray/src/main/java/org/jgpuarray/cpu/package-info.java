/**
 * The pure-Java CPU backend: kernel snippets translated to Java, compiled in memory by Janino, and run
 * on all cores over Java arrays.
 */
package org.jgpuarray.cpu;
