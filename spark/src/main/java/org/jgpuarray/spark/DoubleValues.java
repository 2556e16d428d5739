package org.jgpuarray.spark;

import java.io.Serializable;

/**
 * One row of {@code double} values as a Java bean, so that Spark's bean encoder reads and writes a column
 * of {@code array<double>} as whole {@code double[]} arrays (the primitive-array encoder), never element by
 * element. Used by {@link PartitionArrays}; public because Spark's generated code instantiates it.
 */
public final class DoubleValues implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The bean property's (and the encoded column's) name. */
    static final String FIELD = "values";

    private double[] values;

    /** An empty row, for the encoder. */
    public DoubleValues() {
        this(new double[0]);
    }

    /**
     * @param values the row; kept, not copied
     */
    public DoubleValues(double[] values) {
        this.values = values;
    }

    /** The row; not a copy. */
    public double[] getValues() {
        return values;
    }

    /**
     * @param values the new row; kept, not copied
     */
    public void setValues(double[] values) {
        this.values = values;
    }
}
