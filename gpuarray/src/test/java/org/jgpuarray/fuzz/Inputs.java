package org.jgpuarray.fuzz;

/**
 * Input values of generated cases. Each array draws from one class (full range with every awkward value,
 * a medium or small range, finite floats, moderate floats with halfway cases), and its facts say what the
 * class can hold, so that the generator narrows what could overflow.
 */
final class Inputs {
    /** Values for one argument: an int[], long[], float[], double[] or boolean[] and their facts. */
    record Column(FuzzType type, Facts facts, Object values) {
    }

    private Inputs() {
    }

    /** {@code n} values of {@code t} from a random class. */
    static Column array(Gen g, FuzzType t, int n) {
        int cls = g.pick(3);
        Facts facts = facts(t, cls);
        Object values = switch (t) {
            case BOOL -> {
                boolean[] v = new boolean[n];
                for (int k = 0; k < n; k++) {
                    v[k] = g.chance(0.5);
                }
                yield v;
            }
            case INT -> {
                int[] v = new int[n];
                for (int k = 0; k < n; k++) {
                    v[k] = (int) integral(g, t, facts);
                }
                yield v;
            }
            case LONG -> {
                long[] v = new long[n];
                for (int k = 0; k < n; k++) {
                    v[k] = integral(g, t, facts);
                }
                yield v;
            }
            case FLOAT -> {
                float[] v = new float[n];
                for (int k = 0; k < n; k++) {
                    v[k] = (float) floating(g, t, cls);
                }
                yield v;
            }
            case DOUBLE -> {
                double[] v = new double[n];
                for (int k = 0; k < n; k++) {
                    v[k] = floating(g, t, cls);
                }
                yield v;
            }
        };
        return new Column(t, facts, values);
    }

    /** One scalar argument of {@code t}: its facts are the value itself. */
    static Column scalar(Gen g, FuzzType t) {
        Column one = array(g, t, 1);
        Object v = java.lang.reflect.Array.get(one.values(), 0);
        Facts f = switch (t) {
            case BOOL -> Facts.constant(t, (Boolean) v ? 1L : 0L);
            case INT, LONG -> Facts.constant(t, ((Number) v).longValue());
            default -> Facts.constant(t, ((Number) v).doubleValue());
        };
        return new Column(t, f, v);
    }

    private static Facts facts(FuzzType t, int cls) {
        return switch (t) {
            case BOOL -> Facts.integral(t, 0, 1);
            case INT -> cls == 0 ? Facts.any(t) : cls == 1 ? Facts.integral(t, -65536, 65536) : Facts.integral(t, -100, 100);
            case LONG -> cls == 0 ? Facts.any(t) : cls == 1 ? Facts.integral(t, -(1L << 40), 1L << 40)
                    : Facts.integral(t, -100, 100);
            default -> cls == 0 ? Facts.any(t) : cls == 1
                    ? Facts.floating(t, -max(t), max(t), false, false) : Facts.floating(t, -1e4, 1e4, false, false);
        };
    }

    private static double max(FuzzType t) {
        return t == FuzzType.FLOAT ? Float.MAX_VALUE : Double.MAX_VALUE;
    }

    private static long integral(Gen g, FuzzType t, Facts f) {
        if (f.lo() == t.min()) {
            return switch (g.pick(4)) {
                case 0 -> g.pick(t.min(), t.max(), 0L, -1L, 1L, t.min() + 1, t.max() - 1);
                case 1 -> g.pick(-1L, 1L) * (1L << g.pick(t.bits() - 1));
                case 2 -> t == FuzzType.INT ? g.r.nextInt() : g.r.nextLong();
                default -> g.pick(201) - 100;
            };
        }
        if (g.chance(0.2)) {
            return g.pick(f.lo(), f.hi(), 0L, -1L, 1L);
        }
        return f.lo() + (long) (g.r.nextDouble() * (f.hi() - f.lo() + 1));
    }

    private static double floating(Gen g, FuzzType t, int cls) {
        boolean single = t == FuzzType.FLOAT;
        switch (cls) {
            case 0 -> {
                if (g.chance(0.5)) {
                    double[] special = single
                            ? new double[] {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
                                Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_NORMAL, Float.MIN_VALUE, -Float.MIN_VALUE, 1, -1,
                                0.5, 1.5, 2.5, -2.5, 16777217.0, 0x1p31, -0x1p31, 0x1p63}
                            : new double[] {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
                                Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, Double.MIN_VALUE, -Double.MIN_VALUE, 1,
                                -1, 0.5, 1.5, 2.5, -2.5, 0x1p53 + 1, 0x1p31, -0x1p31, 0x1p63};
                    return special[g.pick(special.length)];
                }
                return finite(g, single);
            }
            case 1 -> {
                return finite(g, single);
            }
            default -> {
                double v = switch (g.pick(4)) {
                    case 0 -> g.pick(201) - 100;
                    case 1 -> (g.pick(401) - 200) / 2.0;
                    case 2 -> g.pick(0.0, -0.0, 0.1, -0.1, 1e-3, 9999.5);
                    default -> (g.r.nextDouble() * 2 - 1) * Math.pow(10, g.pick(5));
                };
                return single ? (float) v : v;
            }
        }
    }

    private static double finite(Gen g, boolean single) {
        while (true) {
            double v = single ? Float.intBitsToFloat(g.r.nextInt()) : Double.longBitsToDouble(g.r.nextLong());
            if (!Double.isNaN(v) && !Double.isInfinite(v)) {
                return v;
            }
        }
    }
}
