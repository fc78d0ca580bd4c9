package dev.ablate4j.run;

import java.util.SplittableRandom;

/**
 * The random-number tree of one run. The master seed's {@link SplittableRandom} is split once into
 * independent streams, in a fixed order: network initialization, environment resets, action
 * noise, minibatch order, and the held-out diagnostics' environment and action noise. Each
 * iteration k then gets its own child of the stream, so a run resumed at iteration k draws
 * exactly what an uninterrupted run would, without saving generator internals.
 */
public final class RunSeeds {

    /** The streams of a run, in split order. */
    public enum Stream { INIT, ENV, ACTION, SHUFFLE, HELDOUT_ENV, HELDOUT_ACTION }

    private final long[] streamSeeds = new long[Stream.values().length];

    public RunSeeds(long masterSeed) {
        SplittableRandom root = new SplittableRandom(masterSeed);
        for (Stream s : Stream.values()) {
            streamSeeds[s.ordinal()] = root.split().nextLong();
        }
    }

    /** The generator for network initialization (used once, before the first iteration). */
    public SplittableRandom init() {
        return new SplittableRandom(streamSeeds[Stream.INIT.ordinal()]);
    }

    /** The child of {@code stream} for iteration {@code k} (k &gt;= 0). */
    public SplittableRandom forIteration(Stream stream, int k) {
        SplittableRandom parent = new SplittableRandom(streamSeeds[stream.ordinal()]);
        long childSeed = 0;
        for (int i = 0; i <= k; i++) {
            childSeed = parent.nextLong();
        }
        return new SplittableRandom(childSeed);
    }
}
