package org.jgpuarray.kernels.java;

/**
 * Evaluates operations on constants with C semantics (which Java's match for these types: 32- and 64-bit
 * two's complement wrap-around, truncating integer division, IEEE float and double). Integer division by
 * a constant zero is left to run time. Folding keeps every constant the Java compiler would see as one in
 * a single literal, so reachability analysis can rely on {@link TExpr.Constant} alone.
 */
final class ConstantFolder {
    private ConstantFolder() {
    }

    /** A constant converted to {@code to} as a C cast would. */
    static TExpr.Constant convert(TExpr.Constant c, CType to) {
        if (to == CType.BOOL) {
            return new TExpr.Constant(c.isTrue(), CType.BOOL);
        }
        Number v = c.value() instanceof Boolean b ? Integer.valueOf(b ? 1 : 0) : (Number) c.value();
        boolean floating = v instanceof Float || v instanceof Double;
        Object value = switch (to) {
            case INT -> floating ? (int) v.doubleValue() : v.intValue();
            case LONG -> floating ? (long) v.doubleValue() : v.longValue();
            case FLOAT -> v.floatValue();
            case DOUBLE -> v.doubleValue();
            default -> throw new IllegalArgumentException("no constant of type " + to);
        };
        return new TExpr.Constant(value, to);
    }

    /** {@code op operand}, folded when the operand is constant. */
    static TExpr unary(String op, TExpr operand, CType type) {
        if (!(operand instanceof TExpr.Constant c)) {
            return new TExpr.Unary(op, operand, type);
        }
        if (op.equals("!")) {
            return new TExpr.Constant(c.isTrue() ? 0 : 1, CType.INT);
        }
        Number v = (Number) c.value();
        Object value = switch (op) {
            case "+" -> v;
            case "-" -> switch (type) {
                case INT -> -v.intValue();
                case LONG -> -v.longValue();
                case FLOAT -> -v.floatValue();
                default -> -v.doubleValue();
            };
            case "~" -> type == CType.INT ? (Object) ~v.intValue() : (Object) ~v.longValue();
            default -> throw new IllegalArgumentException(op);
        };
        return new TExpr.Constant(value, type);
    }

    /** {@code left op right}, folded when both operands are constant (or {@code &&}/{@code ||} is decided). */
    static TExpr binary(String op, TExpr left, TExpr right, CType type) {
        TExpr.Binary node = new TExpr.Binary(op, left, right, type);
        if (node.isLogical() && left instanceof TExpr.Constant l && l.isTrue() == op.equals("||")) {
            return new TExpr.Constant(l.isTrue() ? 1 : 0, CType.INT);
        }
        if (!(left instanceof TExpr.Constant l) || !(right instanceof TExpr.Constant r)) {
            return node;
        }
        if (node.isLogical()) {
            return new TExpr.Constant(r.isTrue() ? 1 : 0, CType.INT);
        }
        if (node.isComparison()) {
            return new TExpr.Constant(compare(op, l, r) ? 1 : 0, CType.INT);
        }
        Object value = switch (type) {
            case INT -> integer(op, ((Number) l.value()).intValue(), ((Number) r.value()).intValue());
            case LONG -> longInteger(op, ((Number) l.value()).longValue(), ((Number) r.value()).longValue());
            case FLOAT -> floating(op, ((Number) l.value()).floatValue(), ((Number) r.value()).floatValue());
            default -> doubleFloating(op, ((Number) l.value()).doubleValue(), ((Number) r.value()).doubleValue());
        };
        return value == null ? node : new TExpr.Constant(value, type);
    }

    /** {@code condition ? whenTrue : whenFalse}, folded to an arm when the condition is constant. */
    static TExpr conditional(TExpr condition, TExpr whenTrue, TExpr whenFalse, CType type) {
        if (condition instanceof TExpr.Constant c) {
            return c.isTrue() ? whenTrue : whenFalse;
        }
        return new TExpr.Conditional(condition, whenTrue, whenFalse, type);
    }

    private static boolean compare(String op, TExpr.Constant l, TExpr.Constant r) {
        if (l.type().isFloating()) {
            double a = ((Number) l.value()).doubleValue();
            double b = ((Number) r.value()).doubleValue();
            return switch (op) {
                case "<" -> a < b;
                case "<=" -> a <= b;
                case ">" -> a > b;
                case ">=" -> a >= b;
                case "==" -> a == b;
                default -> a != b;
            };
        }
        int c = Long.compare(((Number) l.value()).longValue(), ((Number) r.value()).longValue());
        return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            case "==" -> c == 0;
            default -> c != 0;
        };
    }

    private static Object integer(String op, int a, int b) {
        return switch (op) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/" -> b == 0 ? null : a / b;
            case "%" -> b == 0 ? null : a % b;
            case "&" -> a & b;
            case "|" -> a | b;
            case "^" -> a ^ b;
            case "<<" -> a << b;
            case ">>" -> a >> b;
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static Object longInteger(String op, long a, long b) {
        return switch (op) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/" -> b == 0 ? null : a / b;
            case "%" -> b == 0 ? null : a % b;
            case "&" -> a & b;
            case "|" -> a | b;
            case "^" -> a ^ b;
            case "<<" -> a << b;
            case ">>" -> a >> b;
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static Object floating(String op, float a, float b) {
        return switch (op) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/" -> a / b;
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static Object doubleFloating(String op, double a, double b) {
        return switch (op) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/" -> a / b;
            default -> throw new IllegalArgumentException(op);
        };
    }
}
