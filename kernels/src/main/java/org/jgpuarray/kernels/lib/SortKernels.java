package org.jgpuarray.kernels.lib;

import java.util.List;
import java.util.Map;
import org.jgpuarray.kernels.Dialect;
import org.jgpuarray.kernels.ScalarType;
import org.jgpuarray.kernels.c.CSource;

/**
 * A stable LSD radix sort in CUDA C++ and OpenCL C, one program per element type (bool, int32, int64,
 * float32, float64), sorting independent segments (the rows of an n-d array) of one buffer.
 *
 * <p><b>Order.</b> Items are compared by their <em>rank</em>, an unsigned integer of {@link #keyBits} bits
 * that orders them as NumPy does: integers by value, floats by value with -0.0 ranked equal to 0.0 and
 * every NaN ranked equal and above +inf. Items move unchanged (the rank is computed on the fly, never
 * stored), so the output holds the input's exact bits: equal-rank items keep their input order, as in
 * NumPy's stable sort.
 *
 * <p><b>Passes.</b> A pass orders by one digit of {@link #RADIX_BITS} bits, least significant first:
 * {@code jga_sort_count_T} writes each tile's digit counts, {@code jga_sort_scan_tiles_T} and
 * {@code jga_sort_scan_add_T} turn them into output offsets (an exclusive scan, in tiles, recursively
 * over the tiles' sums), and {@code jga_sort_scatter_T} moves each item to its offset. A segment is cut into
 * tiles of {@link #TILE} items, one group of {@link #THREADS} threads each; thread {@code t} holds items
 * {@code [t * ITEMS, (t + 1) * ITEMS)} of its tile, so that ranking the tile in local memory keeps input
 * order. Counts are laid out {@code [segment][digit][tile]}, so one scan over all of them gives each
 * segment's offsets, starting at the segment's first element.
 *
 * <p><b>Values.</b> A pass may carry a 64-bit value per item: the item's original index in the buffer
 * ({@link #VALUES_IOTA}, the first pass of an argsort) or one read beside it ({@link #VALUES_IN}). A pass
 * with {@link #ROW_DIGITS} takes its digit from the value divided by the row length instead of from the
 * rank: after the rank passes, such passes sort many short rows as one segment ordered by (row, rank).
 * {@code jga_sort_row_index_T(values, n, cols)} finally turns original indices into positions in their row.
 *
 * <p><b>Launch.</b> Count and scatter: one group of {@link #THREADS} threads per tile, 1-D, {@code segments *
 * tilesPerSegment} groups, arguments {@code (keys, values, mode, segmentLength, tilesPerSegment, shift,
 * cols, ...)}; the scans: one group per tile of {@link #TILE} counts; the row index: any 1-D grid.
 */
public final class SortKernels {
    /** Threads per group of every kernel but the row index. */
    public static final int THREADS = 256;
    /** Consecutive items per thread. */
    public static final int ITEMS = 8;
    /** Items per tile (per group), also counts per tile of the scan. */
    public static final int TILE = THREADS * ITEMS;
    /** Bits per digit: a pass sorts by 16 digit values. */
    public static final int RADIX_BITS = 4;
    /** Digit values per pass. */
    public static final int RADIX = 1 << RADIX_BITS;
    /** Mode bit: read each item's value from the values argument. */
    public static final int VALUES_IN = 1;
    /** Mode bit: each item's value is its index in the buffer. */
    public static final int VALUES_IOTA = 2;
    /** Mode bit: write the items to the output (else only the values move). */
    public static final int KEYS_OUT = 4;
    /** Mode bit: the digit is of the value's row ({@code value / cols}), not of the item's rank. */
    public static final int ROW_DIGITS = 8;

    private static final String BODY = """
            #define JGA_SORT_THREADS ${THREADS}
            #define JGA_SORT_ITEMS ${ITEMS}
            #define JGA_SORT_TILE (JGA_SORT_THREADS * JGA_SORT_ITEMS)
            #define JGA_SORT_RADIX ${RADIX}
            #define JGA_SORT_VALUES_IN ${VALUES_IN}
            #define JGA_SORT_VALUES_IOTA ${VALUES_IOTA}
            #define JGA_SORT_KEYS_OUT ${KEYS_OUT}
            #define JGA_SORT_ROW_DIGITS ${ROW_DIGITS}

            typedef ${T} jga_sort_item_${N};
            typedef ${K} jga_sort_key_${N};

            /* The item's place in NumPy's order as an unsigned integer (NaN last, -0.0 equal to 0.0). */
            JGA_INLINE jga_sort_key_${N} jga_sort_rank_${N}(const jga_sort_item_${N} x)
            {
            ${RANK}
            }

            JGA_INLINE int jga_sort_digit_${N}(const jga_sort_item_${N} x, const jga_long v, const int mode,
                    const int shift, const jga_long cols)
            {
                if (mode & JGA_SORT_ROW_DIGITS) {
                    return (int) ((((jga_ulong) (v / cols)) >> shift) & (jga_ulong) (JGA_SORT_RADIX - 1));
                }
                return (int) ((jga_sort_rank_${N}(x) >> shift) & (jga_sort_key_${N}) (JGA_SORT_RADIX - 1));
            }

            /* Loads this thread's items of its tile, their values and digits (-1 beyond the end). */
            JGA_INLINE void jga_sort_load_${N}(JGA_GLOBAL const jga_sort_item_${N} *keys, JGA_GLOBAL const jga_long *values,
                    const jga_long first, const jga_long end, const int mode, const int shift, const jga_long cols,
                    jga_sort_item_${N} *item, jga_long *value, int *digit)
            {
                for (int j = 0; j < JGA_SORT_ITEMS; j++) {
                    const jga_long e = first + j;
                    item[j] = (jga_sort_item_${N}) 0;
                    value[j] = e;
                    digit[j] = -1;
                    if (e < end) {
                        item[j] = keys[e];
                        if (mode & JGA_SORT_VALUES_IN) {
                            value[j] = values[e];
                        }
                        digit[j] = jga_sort_digit_${N}(item[j], value[j], mode, shift, cols);
                    }
                }
            }

            /* Counter (digit d, thread t) of a tile is at slot(d * THREADS + t): one pad word after every 16, so that
               threads walking 16 consecutive counters each hit different local memory banks. */
            #define JGA_SORT_SLOT(f) ((f) + ((f) >> 4))
            #define JGA_SORT_SLOTS JGA_SORT_SLOT(JGA_SORT_RADIX * JGA_SORT_THREADS)
            /* The threads' sums, padded likewise, then the sums of 16 threads each. */
            #define JGA_SORT_TOTALS (JGA_SORT_SLOT(JGA_SORT_THREADS) + JGA_SORT_THREADS / 16)

            /*
             * Ranks the tile's items by digit: afterwards counter (d, t) is the number of items of the tile with a
             * digit below d, plus those of digit d held by threads before t. Each thread counts its items and scans
             * 16 consecutive counters in digit-major order; the threads' sums are scanned by 16 threads, 16 each,
             * and their sums by one: few barriers, which CPU OpenCL devices run as loops over the work-items.
             */
            JGA_INLINE void jga_sort_rank_tile_${N}(const int *digit, JGA_LOCAL_PTR jga_uint *ranks,
                    JGA_LOCAL_PTR jga_uint *totals, const int lid)
            {
                for (int d = 0; d < JGA_SORT_RADIX; d++) {
                    ranks[JGA_SORT_SLOT(d * JGA_SORT_THREADS + lid)] = 0u;
                }
                for (int j = 0; j < JGA_SORT_ITEMS; j++) {
                    if (digit[j] >= 0) {
                        ranks[JGA_SORT_SLOT(digit[j] * JGA_SORT_THREADS + lid)] += 1u;
                    }
                }
                JGA_BARRIER();
                jga_uint sum = 0u;
                for (int k = 0; k < JGA_SORT_RADIX; k++) {
                    const int slot = JGA_SORT_SLOT(lid * JGA_SORT_RADIX + k);
                    const jga_uint c = ranks[slot];
                    ranks[slot] = sum;
                    sum += c;
                }
                totals[JGA_SORT_SLOT(lid)] = sum;
                JGA_BARRIER();
                JGA_LOCAL_PTR jga_uint *groups = totals + JGA_SORT_SLOT(JGA_SORT_THREADS);
                if (lid < JGA_SORT_THREADS / 16) {
                    jga_uint run = 0u;
                    for (int k = 0; k < 16; k++) {
                        const int slot = JGA_SORT_SLOT(lid * 16 + k);
                        const jga_uint c = totals[slot];
                        totals[slot] = run;
                        run += c;
                    }
                    groups[lid] = run;
                }
                JGA_BARRIER();
                if (lid == 0) {
                    jga_uint run = 0u;
                    for (int k = 0; k < JGA_SORT_THREADS / 16; k++) {
                        const jga_uint c = groups[k];
                        groups[k] = run;
                        run += c;
                    }
                }
                JGA_BARRIER();
                const jga_uint before = totals[JGA_SORT_SLOT(lid)] + groups[lid / 16];
                for (int k = 0; k < JGA_SORT_RADIX; k++) {
                    ranks[JGA_SORT_SLOT(lid * JGA_SORT_RADIX + k)] += before;
                }
                JGA_BARRIER();
            }

            JGA_KERNEL void jga_sort_count_${N}(JGA_GLOBAL const jga_sort_item_${N} *keys,
                    JGA_GLOBAL const jga_long *values, const int mode, const jga_long segmentLength,
                    const jga_long tilesPerSegment, const int shift, const jga_long cols, JGA_GLOBAL jga_long *counts)
            {
                JGA_LOCAL jga_uint ranks[JGA_SORT_SLOTS];
                JGA_LOCAL jga_uint totals[JGA_SORT_TOTALS];
                const int lid = JGA_LID0;
                const jga_long segment = JGA_GROUP0 / tilesPerSegment;
                const jga_long tile = JGA_GROUP0 - segment * tilesPerSegment;
                const jga_long start = segment * segmentLength + tile * JGA_SORT_TILE;
                const jga_long segmentEnd = segment * segmentLength + segmentLength;
                const jga_long end = start + JGA_SORT_TILE < segmentEnd ? start + JGA_SORT_TILE : segmentEnd;
                jga_sort_item_${N} item[JGA_SORT_ITEMS];
                jga_long value[JGA_SORT_ITEMS];
                int digit[JGA_SORT_ITEMS];
                jga_sort_load_${N}(keys, values, start + (jga_long) lid * JGA_SORT_ITEMS, end, mode, shift, cols,
                        item, value, digit);
                jga_sort_rank_tile_${N}(digit, ranks, totals, lid);
                if (lid < JGA_SORT_RADIX) {
                    const jga_uint next = lid + 1 < JGA_SORT_RADIX ? ranks[JGA_SORT_SLOT((lid + 1) * JGA_SORT_THREADS)]
                            : (jga_uint) (end - start);
                    counts[(segment * JGA_SORT_RADIX + lid) * tilesPerSegment + tile]
                            = (jga_long) (next - ranks[JGA_SORT_SLOT(lid * JGA_SORT_THREADS)]);
                }
            }

            JGA_KERNEL void jga_sort_scatter_${N}(JGA_GLOBAL const jga_sort_item_${N} *keys,
                    JGA_GLOBAL const jga_long *values, const int mode, const jga_long segmentLength,
                    const jga_long tilesPerSegment, const int shift, const jga_long cols,
                    JGA_GLOBAL const jga_long *offsets, JGA_GLOBAL jga_sort_item_${N} *keysOut,
                    JGA_GLOBAL jga_long *valuesOut)
            {
                JGA_LOCAL jga_uint ranks[JGA_SORT_SLOTS];
                JGA_LOCAL jga_uint totals[JGA_SORT_TOTALS];
                JGA_LOCAL jga_long base[JGA_SORT_RADIX];
                const int lid = JGA_LID0;
                const jga_long segment = JGA_GROUP0 / tilesPerSegment;
                const jga_long tile = JGA_GROUP0 - segment * tilesPerSegment;
                const jga_long start = segment * segmentLength + tile * JGA_SORT_TILE;
                const jga_long segmentEnd = segment * segmentLength + segmentLength;
                const jga_long end = start + JGA_SORT_TILE < segmentEnd ? start + JGA_SORT_TILE : segmentEnd;
                jga_sort_item_${N} item[JGA_SORT_ITEMS];
                jga_long value[JGA_SORT_ITEMS];
                int digit[JGA_SORT_ITEMS];
                jga_sort_load_${N}(keys, values, start + (jga_long) lid * JGA_SORT_ITEMS, end, mode, shift, cols,
                        item, value, digit);
                jga_sort_rank_tile_${N}(digit, ranks, totals, lid);
                if (lid < JGA_SORT_RADIX) {
                    base[lid] = offsets[(segment * JGA_SORT_RADIX + lid) * tilesPerSegment + tile]
                            - (jga_long) ranks[JGA_SORT_SLOT(lid * JGA_SORT_THREADS)];
                }
                JGA_BARRIER();
                const int moveValues = mode & (JGA_SORT_VALUES_IN | JGA_SORT_VALUES_IOTA);
                for (int j = 0; j < JGA_SORT_ITEMS; j++) {
                    const int d = digit[j];
                    if (d >= 0) {
                        const int slot = JGA_SORT_SLOT(d * JGA_SORT_THREADS + lid);
                        const jga_long to = base[d] + (jga_long) ranks[slot];
                        ranks[slot] += 1u;
                        if (mode & JGA_SORT_KEYS_OUT) {
                            keysOut[to] = item[j];
                        }
                        if (moveValues) {
                            valuesOut[to] = value[j];
                        }
                    }
                }
            }

            /* Exclusive scan of each tile of data in place; the tile's total goes to sums[tile]. */
            JGA_KERNEL void jga_sort_scan_tiles_${N}(JGA_GLOBAL jga_long *data, const jga_long n, JGA_GLOBAL jga_long *sums)
            {
                JGA_LOCAL jga_long totals[JGA_SORT_THREADS];
                const int lid = JGA_LID0;
                const jga_long first = JGA_GROUP0 * JGA_SORT_TILE + (jga_long) lid * JGA_SORT_ITEMS;
                jga_long v[JGA_SORT_ITEMS];
                jga_long sum = 0;
                for (int j = 0; j < JGA_SORT_ITEMS; j++) {
                    v[j] = sum;
                    if (first + j < n) {
                        sum += data[first + j];
                    }
                }
                totals[lid] = sum;
                JGA_BARRIER();
                for (int offset = 1; offset < JGA_SORT_THREADS; offset <<= 1) {
                    const jga_long add = lid >= offset ? totals[lid - offset] : 0;
                    JGA_BARRIER();
                    totals[lid] += add;
                    JGA_BARRIER();
                }
                const jga_long before = totals[lid] - sum;
                for (int j = 0; j < JGA_SORT_ITEMS; j++) {
                    if (first + j < n) {
                        data[first + j] = v[j] + before;
                    }
                }
                if (lid == JGA_SORT_THREADS - 1) {
                    sums[JGA_GROUP0] = totals[lid];
                }
            }

            /* Adds each tile's offset, sums[tile], to the tile's entries of data. */
            JGA_KERNEL void jga_sort_scan_add_${N}(JGA_GLOBAL jga_long *data, const jga_long n,
                    JGA_GLOBAL const jga_long *sums)
            {
                const jga_long add = sums[JGA_GROUP0];
                const jga_long first = JGA_GROUP0 * JGA_SORT_TILE + (jga_long) JGA_LID0 * JGA_SORT_ITEMS;
                for (int j = 0; j < JGA_SORT_ITEMS; j++) {
                    if (first + j < n) {
                        data[first + j] += add;
                    }
                }
            }

            /* Original indices into the buffer become positions in their row. */
            JGA_KERNEL void jga_sort_row_index_${N}(JGA_GLOBAL jga_long *values, const jga_long n, const jga_long cols)
            {
                for (jga_long i = JGA_GID0; i < n; i += JGA_GSIZE0) {
                    values[i] = values[i] % cols;
                }
            }
            """;

    /** Kernel base names in the order {@link CSource#kernelNames()} lists them. */
    public static final List<String> KERNELS = List.of("count", "scatter", "scan_tiles", "scan_add", "row_index");

    private SortKernels() {
    }

    /**
     * The sort program of one element type.
     *
     * @param dialect CUDA or OPENCL
     * @param type    BOOL, INT32, INT64, FLOAT32 or FLOAT64
     * @throws IllegalArgumentException for another type or the Java dialect
     */
    public static CSource program(Dialect dialect, ScalarType type) {
        keyBits(type);
        String body = GemmKernels.fill(BODY, Map.ofEntries(Map.entry("THREADS", Integer.toString(THREADS)),
                Map.entry("ITEMS", Integer.toString(ITEMS)), Map.entry("RADIX", Integer.toString(RADIX)),
                Map.entry("VALUES_IN", Integer.toString(VALUES_IN)),
                Map.entry("VALUES_IOTA", Integer.toString(VALUES_IOTA)),
                Map.entry("KEYS_OUT", Integer.toString(KEYS_OUT)), Map.entry("ROW_DIGITS", Integer.toString(ROW_DIGITS)),
                Map.entry("N", type.numpyName()), Map.entry("T", type.nameIn(dialect)),
                Map.entry("K", keyBits(type) > 32 ? "jga_ulong" : "jga_uint"), Map.entry("RANK", rank(dialect, type))));
        List<String> names = KERNELS.stream().map(k -> kernelName(k, type)).toList();
        return new CSource(LibPrelude.of(dialect, type == ScalarType.FLOAT64) + "\n" + body, names);
    }

    /** The full name of a kernel of {@link #KERNELS} for a type, e.g. {@code jga_sort_count_float32}. */
    public static String kernelName(String base, ScalarType type) {
        return "jga_sort_" + base + "_" + type.numpyName();
    }

    /**
     * Bits of a type's rank: 1 for bool, 32 for int32 and float32, 64 for int64 and float64.
     *
     * @throws IllegalArgumentException for complex types
     */
    public static int keyBits(ScalarType type) {
        return switch (type) {
            case BOOL -> 1;
            case INT32, FLOAT32 -> 32;
            case INT64, FLOAT64 -> 64;
            default -> throw new IllegalArgumentException("sorting takes bool, integer and real types, got "
                    + type.numpyName());
        };
    }

    /** Passes over {@code bits} bits of digits. */
    public static int passes(int bits) {
        return (bits + RADIX_BITS - 1) / RADIX_BITS;
    }

    private static String rank(Dialect dialect, ScalarType type) {
        boolean cuda = dialect == Dialect.CUDA;
        return switch (type) {
            case BOOL -> "    return x ? 1u : 0u;";
            case INT32 -> "    return ((jga_uint) x) ^ 0x80000000u;";
            case INT64 -> "    return ((jga_ulong) x) ^ (((jga_ulong) 1) << 63);";
            case FLOAT32 -> """
                        const jga_uint u = %s(x);
                        const jga_uint magnitude = u & 0x7FFFFFFFu;
                        if (magnitude > 0x7F800000u) {
                            return 0xFFFFFFFFu;
                        }
                        if (magnitude == 0u) {
                            return 0x80000000u;
                        }
                        return (u & 0x80000000u) ? ~u : (u | 0x80000000u);""".formatted(cuda ? "__float_as_uint" : "as_uint");
            case FLOAT64 -> """
                        const jga_ulong sign = ((jga_ulong) 1) << 63;
                        const jga_ulong u = (jga_ulong) %s(x);
                        const jga_ulong magnitude = u & ~sign;
                        if (magnitude > (((jga_ulong) 0x7FF) << 52)) {
                            return ~((jga_ulong) 0);
                        }
                        if (magnitude == 0) {
                            return sign;
                        }
                        return (u & sign) ? ~u : (u | sign);""".formatted(cuda ? "__double_as_longlong" : "as_ulong");
            default -> throw new IllegalArgumentException(type.numpyName());
        };
    }
}
