/**
 * The bad-input corpus of the reliability contract (DESIGN section 10): {@link org.jgpuarray.reliability.Corpus}
 * lists named {@link org.jgpuarray.reliability.Case}s, each a lambda over a
 * {@link org.jgpuarray.reliability.CaseContext} and an {@link org.jgpuarray.reliability.Expectation} (an
 * exception type with message fragments, or a value checked on the host);
 * {@link org.jgpuarray.reliability.BadInputCorpus} runs them as JUnit dynamic tests on one backend, crash-prone
 * ones in child JVMs ({@link org.jgpuarray.reliability.IsolatedRunner}). Each backend module subclasses it.
 */
package org.jgpuarray.reliability;
