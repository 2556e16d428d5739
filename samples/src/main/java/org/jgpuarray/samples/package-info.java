/**
 * The {@code jgpuarray} command: {@code device-query}, {@code bench}, {@code recipes} and {@code jmh},
 * built with picocli. {@link org.jgpuarray.samples.Main} is the runnable jar's entry point;
 * {@link org.jgpuarray.samples.Main#commandLine()} gives tests the same command line in-process.
 */
package org.jgpuarray.samples;
