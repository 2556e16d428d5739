package org.jgpuarray.samples.bench;

/**
 * Strong scaling from measured times: speedup S = T1 / Tp, efficiency E = S / p, and the serial fraction
 * that Amdahl's law would need to explain S, estimated as Karp and Flatt did:
 * e = (1/S - 1/p) / (1 - 1/p). A serial fraction that grows with p points at overhead (synchronisation,
 * transfers, the host's share), one that stays flat at genuinely serial work.
 */
final class ScalingLaw {
    private ScalingLaw() {
    }

    /** T1 / Tp. */
    static double speedup(double t1, double tp) {
        return t1 / tp;
    }

    /** S / p. */
    static double efficiency(double speedup, int p) {
        return speedup / p;
    }

    /** The Karp–Flatt serial fraction; NaN for p = 1, where it is undefined. */
    static double serialFraction(double speedup, int p) {
        return p == 1 ? Double.NaN : (1 / speedup - 1.0 / p) / (1 - 1.0 / p);
    }
}
