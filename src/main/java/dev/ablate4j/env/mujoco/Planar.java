package dev.ablate4j.env.mujoco;

/** The observation of the planar tasks: qpos without the x coordinate, then qvel. */
final class Planar {

    private Planar() {}

    /** qpos[1:] then qvel, the velocities clipped to [-10, 10] if {@code clip} (Hopper, Walker2d). */
    static double[] positionsThenClippedVelocities(MujocoEnv env, boolean clip) {
        int nq = env.nq();
        int nv = env.nv();
        double[] obs = new double[nq - 1 + nv];
        int k = 0;
        for (int i = 1; i < nq; i++) {
            obs[k++] = env.qposAt(i);
        }
        for (int i = 0; i < nv; i++) {
            double v = env.qvelAt(i);
            obs[k++] = clip ? Math.min(Math.max(v, -10.0), 10.0) : v;
        }
        return obs;
    }
}
