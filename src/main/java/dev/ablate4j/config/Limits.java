package dev.ablate4j.config;

import java.util.List;
import java.util.Locale;

/**
 * Sizes a run may have, checked before anything is allocated or written: the step budget (so
 * iteration and step counters never overflow), and the networks' parameter count (so a typo such
 * as {@code --hidden 100000,100000} is refused in one line instead of ending in an OutOfMemoryError).
 */
public final class Limits {

    /** The largest {@code steps}: 10^12 (about two years of one core at 15,000 env steps/s). */
    public static final long MAX_STEPS = 1_000_000_000_000L;
    /** The largest iteration count, ceil(steps / rollout-steps). */
    public static final long MAX_ITERATIONS = Integer.MAX_VALUE;
    /** The largest parameter count of policy plus value network (a 64-64 Humanoid pair has about 60,000). */
    public static final long MAX_PARAMETERS = 10_000_000L;
    /** Bytes of heap per parameter: parameters, gradients, two Adam moments, old policy, CG vectors, workspaces. */
    public static final long BYTES_PER_PARAMETER = 8 * 12;

    private Limits() {}

    /** Checks the sizes of {@code config}; a {@link ConfigException} names the key and the limit. */
    static void check(TrainConfig config, String where) {
        long steps = config.get(Keys.STEPS);
        if (steps > MAX_STEPS) {
            throw new ConfigException(where + "steps: " + steps + " is more than the largest allowed, "
                    + MAX_STEPS + " (1e12)");
        }
        long t = config.get(Keys.ROLLOUT_STEPS);
        long iterations = (steps + t - 1) / t;
        if (iterations > MAX_ITERATIONS) {
            throw new ConfigException(where + "steps: " + steps + " at rollout-steps " + t + " is " + iterations
                    + " iterations, more than the largest allowed, " + MAX_ITERATIONS);
        }
        List<Integer> hidden = config.get(Keys.HIDDEN);
        long parameters = parameters(1, 1, hidden);
        if (parameters > MAX_PARAMETERS) {
            throw new ConfigException(where + "hidden: " + widths(hidden) + " gives networks of at least "
                    + String.format(Locale.ROOT, "%,d", parameters) + " parameters; the largest allowed is "
                    + String.format(Locale.ROOT, "%,d", MAX_PARAMETERS));
        }
    }

    /** Parameters of the Gaussian policy (obs -> hidden -> act, plus log-std) and the value net (obs -> hidden -> 1). */
    public static long parameters(int obs, int act, List<Integer> hidden) {
        return layers(obs, hidden, act) + act + layers(obs, hidden, 1);
    }

    private static long layers(int in, List<Integer> hidden, int out) {
        long n = 0;
        long previous = in;
        for (int w : hidden) {
            n = saturatingAdd(n, (previous + 1) * w);
            previous = w;
        }
        return saturatingAdd(n, (previous + 1) * out);
    }

    private static long saturatingAdd(long a, long b) {
        return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
    }

    /**
     * The heap a run needs, roughly: {@link #BYTES_PER_PARAMETER} per parameter, plus the rollout
     * batch and the per-sample activations of a batch forward/backward pass.
     */
    public static long heapBytes(int obs, int act, List<Integer> hidden, int rolloutSteps) {
        long widths = obs + act + 1;
        for (int w : hidden) {
            widths += w;
        }
        long perSample = 8 * (4 * widths + 3L * obs + 4L * act + 16);
        return saturatingAdd(parameters(obs, act, hidden) * BYTES_PER_PARAMETER, 2 * rolloutSteps * perSample);
    }

    private static String widths(List<Integer> hidden) {
        return String.join(",", hidden.stream().map(String::valueOf).toList());
    }
}
