package org.radtab.ml.validation;

/**
 * Derives independent seeds from a master seed, so that every trial, fold and resampling step
 * has its own random stream whatever thread runs it (no {@link java.util.Random} is ever shared
 * between threads). {@code derive(seed, k1, k2, ...)} folds each key into the state with the
 * SplitMix64 finaliser (Steele, Lea and Flood, OOPSLA 2014), a bijective 64-bit mix.
 */
public final class Seeds {
    private Seeds() {
    }

    /** A seed derived from {@code seed} and the keys (order matters). */
    public static long derive(long seed, long... keys) {
        long h = mix(seed ^ 0x5DEECE66DL);
        for (long k : keys) {
            h = mix(h + 0x9E3779B97F4A7C15L * (k + 1));
        }
        return h;
    }

    /** The SplitMix64 finaliser. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
