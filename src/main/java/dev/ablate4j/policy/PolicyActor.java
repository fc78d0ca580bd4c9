package dev.ablate4j.policy;

import dev.ablate4j.nn.GaussianPolicy;
import dev.ablate4j.nn.Mlp;
import dev.ablate4j.nn.MlpWorkspace;
import java.util.SplittableRandom;

/**
 * Computes actions with a {@link SavedPolicy} through the training code's own
 * {@link GaussianPolicy}: the same kernels, the same tanh, the same noise draws, so the results are
 * the trained policy's bit for bit. Not thread-safe.
 */
public final class PolicyActor {

    private final SavedPolicy policy;
    private final GaussianPolicy gaussian;
    private final MlpWorkspace workspace;
    private final double[] filtered;

    PolicyActor(SavedPolicy policy) {
        this.policy = policy;
        this.gaussian = new GaussianPolicy(policy.observationSize(), policy.actionSize(), policy.hidden(),
                policy.activation());
        double[] p = policy.flatParameters();
        System.arraycopy(p, 0, gaussian.params(), 0, p.length);
        this.workspace = gaussian.mlp().newWorkspace();
        this.filtered = new double[policy.observationSize()];
    }

    /** The filtered observation of {@code rawObs} (into a fresh array). */
    public double[] filter(double[] rawObs) {
        double[] out = new double[rawObs.length];
        checkObservation(rawObs);
        policy.filter().apply(rawObs, out);
        return out;
    }

    /** The action mean for the raw observation {@code rawObs}, written into {@code meanOut}. */
    public void mean(double[] rawObs, double[] meanOut) {
        checkObservation(rawObs);
        policy.filter().apply(rawObs, filtered);
        Mlp mlp = gaussian.mlp();
        mlp.forward(gaussian.params(), 0, filtered, 1, workspace);
        System.arraycopy(workspace.output(), 0, meanOut, 0, policy.actionSize());
    }

    /**
     * A sampled action, mean + exp(logStd) · N(0, 1) with one normal draw per component from
     * {@code rng}, into {@code actionOut}; the mean into {@code meanOut}.
     */
    public void sample(double[] rawObs, SplittableRandom rng, double[] meanOut, double[] actionOut) {
        checkObservation(rawObs);
        policy.filter().apply(rawObs, filtered);
        gaussian.act(filtered, rng, meanOut, actionOut);
    }

    private void checkObservation(double[] rawObs) {
        if (rawObs.length != policy.observationSize()) {
            throw new IllegalArgumentException("an observation of " + rawObs.length + " values; the policy takes "
                    + policy.observationSize());
        }
    }
}
