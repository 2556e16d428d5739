package org.jgpuarray;

import static org.jgpuarray.DType.BOOL;
import static org.jgpuarray.DType.FLOAT32;
import static org.jgpuarray.DType.FLOAT64;
import static org.jgpuarray.DType.INT32;
import static org.jgpuarray.DType.INT64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** NumPy's promotion table (numpy.result_type), written out independently of the implementation. */
class DTypeTest {

    @Test
    void arrayArrayPromotionMatchesNumPy() {
        DType[] order = {BOOL, INT32, INT64, FLOAT32, FLOAT64};
        DType[][] expected = {
            //        bool     int32    int64    float32  float64
            /*bool*/ {BOOL, INT32, INT64, FLOAT32, FLOAT64},
            /*i32*/  {INT32, INT32, INT64, FLOAT64, FLOAT64},
            /*i64*/  {INT64, INT64, INT64, FLOAT64, FLOAT64},
            /*f32*/  {FLOAT32, FLOAT64, FLOAT64, FLOAT32, FLOAT64},
            /*f64*/  {FLOAT64, FLOAT64, FLOAT64, FLOAT64, FLOAT64},
        };
        for (int a = 0; a < order.length; a++) {
            for (int b = 0; b < order.length; b++) {
                assertEquals(expected[a][b], DType.promote(order[a], order[b]), order[a] + " with " + order[b]);
            }
        }
    }

    @Test
    void weakScalarsFollowNep50() {
        assertEquals(FLOAT32, FLOAT32.withIntegerScalar());
        assertEquals(FLOAT32, FLOAT32.withFloatScalar());
        assertEquals(INT32, INT32.withIntegerScalar());
        assertEquals(FLOAT64, INT32.withFloatScalar());
        assertEquals(INT64, BOOL.withIntegerScalar());
        assertEquals(FLOAT64, BOOL.withFloatScalar());
    }

    @Test
    void namesAndSizes() {
        assertEquals(FLOAT32, DType.of("float32"));
        assertEquals(FLOAT32, DType.of("float"));
        assertEquals(INT64, DType.of("long long"));
        assertEquals("long", INT64.cName());
        assertEquals(16, DType.COMPLEX128.itemSize());
        assertThrows(IllegalArgumentException.class, () -> DType.of("half"));
        assertThrows(UnsupportedOperationException.class, () -> DType.promote(DType.COMPLEX64, FLOAT32));
    }
}
