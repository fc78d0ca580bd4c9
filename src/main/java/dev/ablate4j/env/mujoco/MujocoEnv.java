package dev.ablate4j.env.mujoco;

import dev.ablate4j.env.Box;
import dev.ablate4j.env.Env;
import dev.ablate4j.env.Step;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A Gymnasium v4 MuJoCo locomotion task on ablate4j's own MJCF model, simulated by libmujoco
 * through the JNI shim.
 *
 * <p>One {@link #step(double[])} is Gymnasium's {@code do_simulation}: the action is written to
 * the controls unchanged (MuJoCo clamps it to the control range inside the physics, the control
 * cost uses it unclamped), {@link #frameSkip()} physics steps run, and the observation, reward and
 * termination are computed from the result. {@link #reset(long)} draws Gymnasium's reset noise
 * from {@code new SplittableRandom(seed)} and starts from {@code qpos0 + noise}, zero velocity +
 * noise.
 *
 * <p>{@link #saveState()} holds the physics state (time, qpos, qvel, act, qacc_warmstart, ctrl)
 * followed by the last readout of the derived arrays the observation and reward use, so a restored
 * environment observes and steps bit for bit as the original.
 */
public abstract class MujocoEnv implements Env {

    private final String id;
    final MujocoSim sim;
    private final int frameSkip;
    private final double dt;
    private final double[] initQpos;
    private final Box actionSpace;
    private final Box observationSpace;
    /** The arrays copied out by the last reset or step (layout fixed by the readout mask). */
    final double[] readout;
    private final double[] physicsState;
    private boolean hasState;

    MujocoEnv(String id, String modelFile, int frameSkip, int readoutMask, int observationSize) {
        this.id = id;
        this.sim = new MujocoSim(modelXml(modelFile), readoutMask);
        this.frameSkip = frameSkip;
        this.dt = sim.timestep() * frameSkip;
        this.initQpos = sim.qpos0();
        this.readout = new double[sim.readoutSize];
        this.physicsState = new double[sim.stateSize];
        this.observationSpace = Box.uniform(observationSize, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        double[] range = sim.ctrlRange();
        double[] limited = sim.ctrlLimited();
        double[] low = new double[sim.nu];
        double[] high = new double[sim.nu];
        for (int i = 0; i < sim.nu; i++) {
            low[i] = limited[i] != 0 ? range[2 * i] : Double.NEGATIVE_INFINITY;
            high[i] = limited[i] != 0 ? range[2 * i + 1] : Double.POSITIVE_INFINITY;
        }
        this.actionSpace = new Box(low, high);
    }

    /** The MJCF text of a model shipped in this package ({@code hopper.xml}, ...). */
    static String modelXml(String file) {
        try (InputStream in = MujocoEnv.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("model resource " + file + " is missing from the ablate4j jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model resource " + file, e);
        }
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Box observationSpace() {
        return observationSpace;
    }

    /** The actuators' control ranges (Gymnasium's action space for these tasks). */
    @Override
    public final Box actionSpace() {
        return actionSpace;
    }

    /** Physics steps per environment step. */
    public final int frameSkip() {
        return frameSkip;
    }

    /** Seconds per environment step: timestep × frame skip. */
    public final double dt() {
        return dt;
    }

    /** Number of generalized positions. */
    public final int nq() {
        return sim.nq;
    }

    /** Number of degrees of freedom (generalized velocities). */
    public final int nv() {
        return sim.nv;
    }

    /** Number of actuators (the action size). */
    public final int nu() {
        return sim.nu;
    }

    @Override
    public final double[] reset(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] qpos = initQpos.clone();
        double[] qvel = new double[sim.nv];
        addResetNoise(random, qpos, qvel);
        return resetTo(qpos, qvel);
    }

    /**
     * Starts an episode from the given positions and velocities, as {@link #reset(long)} does after
     * drawing the noise: MuJoCo's data is reset (time, warm start and controls zero), the state set
     * and the derived quantities computed ({@code mj_forward}). Returns the first observation.
     */
    public final double[] resetTo(double[] qpos, double[] qvel) {
        if (qpos.length != sim.nq || qvel.length != sim.nv) {
            throw new IllegalArgumentException(id + " has nq = " + sim.nq + " and nv = " + sim.nv
                    + "; got qpos of length " + qpos.length + " and qvel of length " + qvel.length);
        }
        sim.reset(qpos, qvel, readout);
        hasState = true;
        return observe();
    }

    @Override
    public final Step step(double[] action) {
        requireState();
        if (action.length != sim.nu) {
            throw new IllegalArgumentException(id + " takes an action of length " + sim.nu + ", got " + action.length);
        }
        for (double a : action) {
            if (!Double.isFinite(a)) {
                throw new IllegalArgumentException(id + " got a non-finite action: " + Arrays.toString(action));
            }
        }
        double before = forwardPosition();
        sim.step(action, frameSkip, readout);
        double xVelocity = (forwardPosition() - before) / dt;
        double reward = reward(action, xVelocity);
        return new Step(observe(), reward, terminated(), false);
    }

    /** Sum of squares, in index order. */
    static double sumOfSquares(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v * v;
        }
        return sum;
    }

    /** Gymnasium's reset noise, added in place: positions first, then velocities. */
    abstract void addResetNoise(SplittableRandom random, double[] qpos, double[] qvel);

    /** The x coordinate whose change per {@link #dt()} is the forward velocity. */
    abstract double forwardPosition();

    /** The reward of the step just simulated, given its action and forward velocity. */
    abstract double reward(double[] action, double xVelocity);

    /** Whether the current state ends the episode. */
    abstract boolean terminated();

    /** The observation of the current readout. */
    abstract double[] observation();

    @Override
    public final double[] observe() {
        requireState();
        return observation();
    }

    /** A copy of the generalized positions. */
    public final double[] qpos() {
        requireState();
        return Arrays.copyOfRange(readout, 0, sim.nq);
    }

    /** A copy of the generalized velocities. */
    public final double[] qvel() {
        requireState();
        return Arrays.copyOfRange(readout, sim.nq, sim.nq + sim.nv);
    }

    final double qposAt(int i) {
        return readout[i];
    }

    final double qvelAt(int i) {
        return readout[sim.nq + i];
    }

    /** Physics state (time, qpos, qvel, act, qacc_warmstart, ctrl) followed by the last readout. */
    @Override
    public final double[] saveState() {
        requireState();
        sim.getState(physicsState);
        double[] state = Arrays.copyOf(physicsState, physicsState.length + readout.length);
        System.arraycopy(readout, 0, state, physicsState.length, readout.length);
        return state;
    }

    @Override
    public final void restoreState(double[] state) {
        int expected = physicsState.length + readout.length;
        if (state.length != expected) {
            throw new IllegalArgumentException(id + " state has length " + expected + " (physics "
                    + physicsState.length + " + readout " + readout.length + "), got " + state.length);
        }
        System.arraycopy(state, 0, physicsState, 0, physicsState.length);
        sim.setState(physicsState);
        System.arraycopy(state, physicsState.length, readout, 0, readout.length);
        hasState = true;
    }

    /** Frees the native simulation; the environment cannot be used afterwards. */
    @Override
    public void close() {
        sim.close();
    }

    private void requireState() {
        if (!hasState) {
            throw new IllegalStateException(id + ": call reset(seed) or restoreState(state) first");
        }
    }

    /** Uniform on [-scale, scale), one draw per element, added in place. */
    static void addUniform(SplittableRandom random, double[] values, double scale) {
        for (int i = 0; i < values.length; i++) {
            values[i] += random.nextDouble(-scale, scale);
        }
    }

    /** A standard normal draw (Marsaglia's polar method with StrictMath.log, so bit-identical everywhere). */
    static double standardNormal(SplittableRandom random) {
        while (true) {
            double u = 2 * random.nextDouble() - 1;
            double v = 2 * random.nextDouble() - 1;
            double s = u * u + v * v;
            if (s > 0 && s < 1) {
                return u * Math.sqrt(-2 * StrictMath.log(s) / s);
            }
        }
    }
}
