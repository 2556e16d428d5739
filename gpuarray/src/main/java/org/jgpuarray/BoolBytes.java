package org.jgpuarray;

/** Bool values as a bool array stores them: one byte each, 1 for true and 0 for false; any nonzero byte reads as true. */
final class BoolBytes {
    private BoolBytes() {
    }

    /** The bytes of {@code values} (not modified). */
    static byte[] of(boolean[] values) {
        byte[] bytes = new byte[values.length];
        for (int k = 0; k < bytes.length; k++) {
            bytes[k] = (byte) (values[k] ? 1 : 0);
        }
        return bytes;
    }

    /** The values of {@code bytes} (not modified). */
    static boolean[] values(byte[] bytes) {
        boolean[] values = new boolean[bytes.length];
        for (int k = 0; k < bytes.length; k++) {
            values[k] = bytes[k] != 0;
        }
        return values;
    }
}
