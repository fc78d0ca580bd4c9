package dev.ablate4j.env;

/** The outcome of one {@link Env#step(double[])}: next observation, reward and the two episode-end flags. */
public record Step(double[] observation, double reward, boolean terminated, boolean truncated) {

    /** True when the episode is over for either reason. */
    public boolean done() {
        return terminated || truncated;
    }
}
