package dev.ablate4j.nn;

/** Hidden-layer activation of an {@link Mlp}; the output layer is always linear. */
public enum Activation {
    /** Hyperbolic tangent, computed with {@link Fn#tanh}. */
    TANH,
    /** Rectified linear unit, max(0, x). */
    RELU
}
