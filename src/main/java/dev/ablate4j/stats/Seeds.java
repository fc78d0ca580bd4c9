package dev.ablate4j.stats;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Derives an independent, reproducible random stream per statistic from one master seed and a key
 * (e.g. {@code "ci/Pendulum-v1/ppo/mean"}). The stream depends only on the seed and the key, never on
 * the order in which statistics are computed, so adding a chart does not change any other number.
 */
public final class Seeds {

    private Seeds() {}

    /** A stream for {@code keyParts} joined with '/', derived from {@code masterSeed}. */
    public static SplittableRandom stream(long masterSeed, String... keyParts) {
        long h = 0xcbf29ce484222325L; // FNV-1a 64-bit over the UTF-8 key
        for (int p = 0; p < keyParts.length; p++) {
            if (p > 0) {
                h = fnvStep(h, (byte) '/');
            }
            for (byte b : keyParts[p].getBytes(StandardCharsets.UTF_8)) {
                h = fnvStep(h, b);
            }
        }
        return new SplittableRandom(mix64(masterSeed ^ mix64(h)));
    }

    private static long fnvStep(long h, byte b) {
        return (h ^ (b & 0xff)) * 0x100000001b3L;
    }

    /** SplitMix64's finalizer: a bijective avalanche of 64 bits. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
