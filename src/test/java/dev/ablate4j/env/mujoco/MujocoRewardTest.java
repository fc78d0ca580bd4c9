package dev.ablate4j.env.mujoco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.env.Step;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Rewards and termination against Gymnasium v4's formulas, on hand-set states. */
class MujocoRewardTest {

    @Test
    void hopperForwardRewardIsDisplacementOverDt() {
        try (MujocoEnv env = MujocoTesting.create(HopperEnv.ID)) {
            // In the air (torso at 1.5 m), joints still and inside their ranges (no limit forces),
            // moving forward at 1 m/s: a rigid body in free fall keeps its horizontal velocity.
            double[] qpos = {0, 1.5, 0, -0.4, -0.4, 0.1};
            double[] qvel = {1.0, 0, 0, 0, 0, 0};
            env.resetTo(qpos, qvel);
            double before = env.qpos()[0];
            Step step = env.step(new double[3]);
            double velocity = (env.qpos()[0] - before) / env.dt();
            assertEquals(velocity + 1.0, step.reward(), 1e-12);
            // The scripted displacement: 1 m/s for dt seconds.
            assertEquals(1.0, velocity, 1e-9);

            double[] action = {0.5, -0.25, 0};
            before = env.qpos()[0];
            step = env.step(action);
            double ctrlCost = 1e-3 * (0.25 + 0.0625);
            assertEquals((env.qpos()[0] - before) / env.dt(), step.reward() - 1.0 + ctrlCost, 1e-12);
            assertFalse(step.terminated());
        }
    }

    @Test
    void walkerAndCheetahForwardRewardIsDisplacementOverDt() {
        for (String id : new String[] {Walker2dEnv.ID, HalfCheetahEnv.ID}) {
            try (MujocoEnv env = MujocoTesting.create(id)) {
                double[] qpos = env.sim.qpos0();
                qpos[1] += 0.3; // lifted: no floor contact during the step
                if (id.equals(Walker2dEnv.ID)) {
                    qpos[3] = qpos[4] = qpos[6] = qpos[7] = -0.4; // hips and knees off their limits
                }
                double[] qvel = new double[env.nv()];
                qvel[0] = -2.0;
                env.resetTo(qpos, qvel);
                double before = env.qpos()[0];
                Step step = env.step(new double[env.nu()]);
                double velocity = (env.qpos()[0] - before) / env.dt();
                double healthy = id.equals(Walker2dEnv.ID) ? 1.0 : 0.0;
                assertEquals(velocity, step.reward() - healthy, 1e-12, id);
                assertEquals(-2.0, velocity, 1e-9, id);
            }
        }
    }

    @Test
    void humanoidForwardRewardIsMassCentreDisplacementOverDt() {
        try (MujocoEnv env = MujocoTesting.create(HumanoidEnv.ID)) {
            HumanoidEnv humanoid = (HumanoidEnv) env;
            double[] qpos = env.sim.qpos0();
            qpos[2] = 1.6; // in the air
            double[] qvel = new double[env.nv()];
            qvel[0] = 1.0; // the whole body translates at 1 m/s
            env.resetTo(qpos, qvel);
            double[] action = new double[env.nu()];
            action[0] = 0.2;
            env.step(action);
            double before = humanoid.massCenterX();
            Step step = env.step(new double[env.nu()]);
            double velocity = (humanoid.massCenterX() - before) / env.dt();
            assertEquals(1.25 * velocity + 5.0, step.reward(), 1e-12);
            // Internal forces (limits, springs, motors) hardly move the mass centre; joint armature,
            // which has no reaction on the parent body, and RK4's truncation error leave ~1e-7.
            assertEquals(1.0, velocity, 1e-6);
            assertFalse(step.terminated());
        }
    }

    @Test
    void controlCostUsesTheUnclippedActionWhileTheMotorIsClamped() {
        try (MujocoEnv a = MujocoTesting.create(HopperEnv.ID); MujocoEnv b = MujocoTesting.create(HopperEnv.ID)) {
            a.reset(11);
            b.reset(11);
            Step inRange = a.step(new double[] {1.0, -1.0, 0.5});
            Step beyond = b.step(new double[] {3.0, -2.0, 0.5});
            assertEquals(java.util.Arrays.toString(inRange.observation()), java.util.Arrays.toString(beyond.observation()),
                    "MuJoCo clamps controls to [-1, 1]");
            assertEquals(1e-3 * ((9 + 4 + 0.25) - (1 + 1 + 0.25)), inRange.reward() - beyond.reward(), 1e-12);
        }
    }

    @Test
    void hopperTerminatesWhenTheHandSetStateIsUnhealthy() {
        try (MujocoEnv env = MujocoTesting.create(HopperEnv.ID)) {
            double[] zero = new double[3];
            double[] qvel = new double[6];
            env.resetTo(new double[] {0, 1.25, 0, 0, 0, 0}, qvel);
            assertFalse(env.step(zero).terminated(), "standing hopper is healthy");

            env.resetTo(new double[] {0, 0.5, 0, 0, 0, 0}, qvel); // torso below 0.7 m
            Step low = env.step(zero);
            assertTrue(low.terminated(), "height 0.5");
            // v4 pays the healthy reward on the terminating step too.
            assertEquals(env.qpos()[0] / env.dt() + 1.0, low.reward(), 1e-12);

            env.resetTo(new double[] {0, 1.25, 0.5, 0, 0, 0}, qvel); // torso tilted beyond 0.2 rad
            assertTrue(env.step(zero).terminated(), "angle 0.5");

            double[] fast = new double[6];
            fast[3] = 150; // a joint velocity outside (-100, 100)
            env.resetTo(new double[] {0, 1.25, 0, 0, 0, 0}, fast);
            assertFalse(((HopperEnv) env).healthy(), "state range");
        }
    }

    @Test
    void walkerAndHumanoidTerminateWhenTheHandSetStateIsUnhealthy() {
        try (MujocoEnv env = MujocoTesting.create(Walker2dEnv.ID)) {
            double[] qpos = env.sim.qpos0();
            qpos[2] = 1.3; // torso angle beyond 1 rad
            env.resetTo(qpos, new double[env.nv()]);
            assertTrue(env.step(new double[env.nu()]).terminated());
            qpos[2] = 0;
            qpos[1] = 2.5; // torso above 2 m
            env.resetTo(qpos, new double[env.nv()]);
            assertTrue(env.step(new double[env.nu()]).terminated());
        }
        try (MujocoEnv env = MujocoTesting.create(HumanoidEnv.ID)) {
            double[] qpos = env.sim.qpos0();
            qpos[2] = 0.9; // torso below 1 m
            env.resetTo(qpos, new double[env.nv()]);
            Step step = env.step(new double[env.nu()]);
            assertTrue(step.terminated());
            env.reset(4);
            assertFalse(env.step(new double[env.nu()]).terminated(), "standing humanoid is healthy");
        }
    }

    @Test
    void halfCheetahNeverTerminates() {
        try (MujocoEnv env = MujocoTesting.create(HalfCheetahEnv.ID)) {
            double[] qpos = env.sim.qpos0();
            qpos[2] = 3.0; // upside down
            env.resetTo(qpos, new double[env.nv()]);
            SplittableRandom random = new SplittableRandom(1);
            for (int t = 0; t < 200; t++) {
                assertFalse(env.step(MujocoTesting.randomAction(env.actionSpace(), random)).terminated());
            }
        }
    }

    @Test
    void humanoidObservationCarriesContactForcesOnceTheFeetTouchTheFloor() {
        try (MujocoEnv env = MujocoTesting.create(HumanoidEnv.ID)) {
            double[] obs = env.reset(0);
            int cfrcExt = 376 - 84;
            int cinert = 22 + 23;
            for (int i = 0; i < 10; i++) {
                assertEquals(0.0, obs[cinert + i], "world body has no inertia");
            }
            double torsoMass = obs[cinert + 10 + 9];
            assertTrue(torsoMass > 1, "torso cinert mass " + torsoMass);
            boolean contact = false;
            for (int t = 0; t < 40 && !contact; t++) {
                obs = env.step(new double[env.nu()]).observation();
                for (int i = cfrcExt; i < 376; i++) {
                    contact |= obs[i] != 0;
                }
            }
            assertTrue(contact, "cfrc_ext stayed zero: mj_rnePostConstraint not applied?");
        }
    }
}
