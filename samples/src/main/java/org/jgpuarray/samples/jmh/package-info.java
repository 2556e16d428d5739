/**
 * JMH micro-benchmarks of the CPU backend against hand-written Java loops, run with
 * {@code ./jgpuarray jmh} (or {@code java -jar samples/target/jgpuarray.jar jmh}); the JMH harness is
 * generated at compile time by JMH's annotation processor.
 */
package org.jgpuarray.samples.jmh;
