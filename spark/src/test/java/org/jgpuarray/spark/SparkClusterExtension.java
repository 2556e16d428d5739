package org.jgpuarray.spark;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Hands tests the JUnit run's {@link SparkTestCluster} as a parameter, starting it on first use. */
final class SparkClusterExtension implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext junit) {
        return parameter.getParameter().getType() == SparkTestCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext junit) {
        return SparkTestCluster.get(junit);
    }
}
