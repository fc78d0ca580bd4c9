/**
 * The paper's MuJoCo locomotion tasks, {@code Hopper-v4}, {@code Walker2d-v4}, {@code HalfCheetah-v4}
 * and {@code Humanoid-v4}, on Debian's libmujoco (2.2.2, {@code apt-get install -y libmujoco-dev}, the
 * default) or a MuJoCo 3.x directory ({@code MUJOCO_HOME}, e.g. pip's {@code mujoco} wheel) through a
 * small JNI shim ({@code src/main/c/ablate4j_mujoco.c}); registered by
 * {@link dev.ablate4j.env.mujoco.MujocoEnvs}.
 *
 * <p>Decisions a user should know:
 * <ul>
 *   <li><b>Two MuJoCos, one at a time.</b> The shim is compiled against one MuJoCo's headers
 *       ({@code mjVERSION_HEADER} selects the API: 3.x loads the model through
 *       {@code mj_addBufferVFS}, 2.x through {@code mj_makeEmptyFileVFS}) and works only with that
 *       library version, because {@code mjModel}/{@code mjData} change layout between releases.
 *       The default build compiles one against {@code /usr/include/mujoco}; {@code -Dmujoco.home=DIR}
 *       adds one against DIR into {@code native/<platform>/mujoco-<mjVERSION_HEADER>/}. At run time
 *       {@link dev.ablate4j.env.mujoco.MujocoHome} reads {@code -Dablate4j.mujoco.home} or
 *       {@code MUJOCO_HOME}, loads DIR's {@code libmujoco.so.X.Y.Z} by its path and then the matching
 *       shim; {@link dev.ablate4j.env.mujoco.MujocoNative} refuses a shim whose header version is not
 *       the library's {@code mj_version()}. A JVM keeps the first MuJoCo it loaded.
 *       {@link dev.ablate4j.env.mujoco.MujocoEnvs#source()} names it ({@code envs} prints it).</li>
 *   <li><b>Verified against Gymnasium.</b> {@code GymnasiumTrajectoryTest} replays episodes of
 *       Gymnasium 0.29.1's own v4 environments on MuJoCo 3.14.0 from their recorded states: on 3.14.0
 *       HalfCheetah and Humanoid agree bit for bit and Hopper and Walker2d to 4e-13 relative (their
 *       models are written in body-local coordinates, see below); on 2.2.2 one step agrees to
 *       1e-14 (planar) and 1.6e-9 (Humanoid), whole episodes drift apart chaotically, and the
 *       humanoid's first observation differs because 2.2.2's {@code mj_forward} normalizes the root
 *       quaternion in {@code qpos} in place while 3.x leaves it as set.</li>
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
 *   <li><b>Determinism.</b> MuJoCo steps are bitwise deterministic on one machine and build (and
 *       MuJoCo version: the version is part of a run's identity, config key {@code mujoco}). The
 *       saved state holds everything a step reads (time, qpos, qvel, act, qacc_warmstart, ctrl) plus
 *       the derived arrays the observation and reward use, so restore + step repeats a step bit for
 *       bit (the humanoid included). Different CPUs or libmujoco builds may round differently.</li>
 *   <li><b>Missing MuJoCo.</b> The default shim is built by the Maven profile {@code mujoco} only where
 *       {@code /usr/include/mujoco/mujoco.h} exists (a 3.x one by the profile {@code mujoco-home},
 *       active with {@code -Dmujoco.home}), and loaded from the jar at run time (or from the
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
