/**
 * Pure-Java classic-control environments, step-for-step equivalent to Gymnasium 0.29.1:
 * {@link dev.ablate4j.env.classic.Pendulum} ({@code Pendulum-v1}) and
 * {@link dev.ablate4j.env.classic.MountainCarContinuous} ({@code MountainCarContinuous-v0}), registered
 * by {@link dev.ablate4j.env.classic.ClassicEnvs}.
 *
 * <p>Decisions a user should know:
 * <ul>
 *   <li><b>Same dynamics, different initial states.</b> Constants, action clipping, rewards, termination
 *       and reset distributions are Gymnasium's, and the tests replay Gymnasium-recorded transitions
 *       from the recorded states. The initial state, however, is drawn from
 *       {@code new java.util.SplittableRandom(seed)}: numpy's generator cannot be matched, so
 *       {@code reset(seed)} does not give Gymnasium's initial state for the same seed.</li>
 *   <li><b>Precision.</b> Observations are rounded to float32, as Gymnasium returns them. Pendulum's
 *       state is double. MountainCarContinuous stores its state as float32 after every step, as
 *       Gymnasium does, and computes each step in double from those values; this is what Gymnasium
 *       0.29.1 computes under NumPy 1.x, which recorded the reference data (under NumPy 2's promotion
 *       rules part of Gymnasium's step runs in float32 and can differ in the last float32 bit).</li>
 *   <li><b>MountainCarContinuous's reward uses the unclipped action</b>: −0.1·a² even for |a| &gt; 1,
 *       while the force is clipped to [−1, 1]. That is Gymnasium's code and its recorded data.</li>
 *   <li>sin and cos are {@link java.lang.StrictMath}'s, so results are bit-identical on every JVM and CPU.</li>
 * </ul>
 */
package dev.ablate4j.env.classic;
