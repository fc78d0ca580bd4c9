/**
 * The paper's MuJoCo locomotion tasks, {@code Hopper-v4}, {@code Walker2d-v4}, {@code HalfCheetah-v4}
 * and {@code Humanoid-v4}, on Debian's libmujoco (2.2.2, {@code apt-get install -y libmujoco-dev})
 * through a small JNI shim ({@code src/main/c/ablate4j_mujoco.c}); registered by
 * {@link dev.ablate4j.env.mujoco.MujocoEnvs}.
 *
 * <p>Decisions a user should know:
 * <ul>
 *   <li><b>Own models, Gymnasium's physics.</b> The MJCF files in this package were written for
 *       ablate4j; each states in a header comment the physical parameters it uses, which are those
 *       of Gymnasium's v4 models (geometry, density 1000, joint ranges, damping, armature,
 *       stiffness, gears, control ranges, contact parameters, timestep, integrator). Hopper and
 *       Walker2d are written in body-local coordinates; compiled, they give the same masses,
 *       inertias and parameters as the global-coordinate originals, and trajectories agree to
 *       round-off (about 1e-13 after 200 steps). The humanoid uses gym's PGS solver (50 iterations)
 *       and the corrected left hip range [-110, 20] deg.</li>
 *   <li><b>Gymnasium v4 semantics</b>, from its code: the action goes to the controls unclipped
 *       (MuJoCo clamps it to the control range; the control cost uses it as given); the healthy
 *       reward is paid on every step, the terminating one included; Humanoid's reward has no contact
 *       cost (v4's code omits it although its documentation lists it) and its velocity comes from
 *       MuJoCo's xipos, which after a step lags one physics step, as in Gymnasium (so the first
 *       step after a reset covers 4 of its 5 physics steps). Non-finite actions are rejected.</li>
 *   <li><b>Initial states</b> are Gymnasium's reset distributions drawn from
 *       {@code new SplittableRandom(seed)}, not numpy's generator, so a seed does not give
 *       Gymnasium's initial state. HalfCheetah's normal noise uses Marsaglia's polar method with
 *       {@link java.lang.StrictMath#log}.</li>
 *   <li><b>Determinism.</b> MuJoCo steps are bitwise deterministic on one machine and build. The
 *       saved state holds everything a step reads (time, qpos, qvel, act, qacc_warmstart, ctrl) plus
 *       the derived arrays the observation and reward use, so restore + step repeats a step bit for
 *       bit (the humanoid included). Different CPUs or libmujoco builds may round differently.</li>
 *   <li><b>Missing MuJoCo.</b> The shim is built by the Maven profile {@code mujoco} only where
 *       {@code /usr/include/mujoco/mujoco.h} exists, and loaded from the jar at run time (or from the
 *       file named by {@code -Dablate4j.mujoco.shim}). Without it, creating an environment throws
 *       {@link dev.ablate4j.env.mujoco.MujocoUnavailableException} with one line naming what is
 *       missing and the apt command; everything else keeps working. JDK 22+ wants
 *       {@code --enable-native-access=ALL-UNNAMED} (the jar manifest declares it).</li>
 *   <li><b>Speed.</b> One JNI call per environment step (controls in, readout out), about 0.1–0.2 µs
 *       against tens of µs of physics for a Hopper step; {@link dev.ablate4j.env.mujoco.MujocoBench}
 *       compares the Java environment with the same loop in C ({@code src/main/c/bench}).</li>
 * </ul>
 */
package dev.ablate4j.env.mujoco;
