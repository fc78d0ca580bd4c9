package dev.ablate4j.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeLimitTest {

    @ParameterizedTest
    @CsvSource({"Pendulum-v1, 200", "MountainCarContinuous-v0, 999"})
    void truncatesExactlyAtTheRegisteredLimit(String id, int limit) {
        TimeLimit env = (TimeLimit) Envs.make(id);
        assertEquals(limit, env.maxEpisodeSteps());
        for (int episode = 0; episode < 2; episode++) {
            env.reset(episode);
            for (int t = 1; t < limit; t++) {
                Step step = env.step(new double[] {0.0});
                assertFalse(step.done(), id + " ended early at step " + t);
                assertEquals(t, env.elapsedSteps());
            }
            Step last = env.step(new double[] {0.0});
            assertTrue(last.truncated(), id + " not truncated at step " + limit);
            assertFalse(last.terminated());
        }
    }

    @Test
    void truncatedIsSetEvenWhenTheLastStepAlsoTerminates() {
        // Gymnasium 0.29.1: truncated = True whenever elapsed >= max, whatever terminated says.
        TimeLimit env = new TimeLimit(new Counter(3), 3);
        env.reset(0);
        assertFalse(env.step(new double[] {0}).done());
        assertFalse(env.step(new double[] {0}).done());
        Step last = env.step(new double[] {0});
        assertTrue(last.terminated());
        assertTrue(last.truncated());
        assertTrue(env.step(new double[] {0}).truncated(), "stepping past the limit stays truncated");
        env.reset(0);
        assertEquals(0, env.elapsedSteps());
        assertFalse(env.step(new double[] {0}).truncated());
    }

    @Test
    void saveStateCarriesTheElapsedCount() {
        TimeLimit env = (TimeLimit) Envs.make("Pendulum-v1");
        env.reset(3);
        for (int t = 0; t < 150; t++) {
            env.step(new double[] {0.5});
        }
        double[] saved = env.saveState();
        assertArrayEquals(env.inner().saveState(), Arrays.copyOf(saved, saved.length - 1));
        assertEquals(150.0, saved[saved.length - 1]);

        TimeLimit other = (TimeLimit) Envs.make("Pendulum-v1");
        other.restoreState(saved);
        assertEquals(150, other.elapsedSteps());
        assertArrayEquals(env.observe(), other.observe());
        for (int t = 151; t <= 200; t++) {
            Step a = env.step(new double[] {1.0});
            Step b = other.step(new double[] {1.0});
            assertArrayEquals(a.observation(), b.observation());
            assertEquals(a.reward(), b.reward());
            assertEquals(t == 200, b.truncated(), "step " + t);
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new TimeLimit(new Counter(5), 0));
        TimeLimit env = new TimeLimit(new Counter(5), 10);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> env.restoreState(new double[] {0, 2.5}));
        assertTrue(e.getMessage().contains("elapsed step count"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env.restoreState(new double[0]));
    }

    /** A stub that terminates after {@code terminateAt} steps; its state is the step counter. */
    private static final class Counter implements Env {
        private final int terminateAt;
        private int count;

        Counter(int terminateAt) {
            this.terminateAt = terminateAt;
        }

        @Override
        public String id() {
            return "Counter";
        }

        @Override
        public Box observationSpace() {
            return Box.uniform(1, 0, Double.POSITIVE_INFINITY);
        }

        @Override
        public Box actionSpace() {
            return Box.uniform(1, -1, 1);
        }

        @Override
        public double[] reset(long seed) {
            count = 0;
            return observe();
        }

        @Override
        public Step step(double[] action) {
            count++;
            return new Step(observe(), 1.0, count >= terminateAt, false);
        }

        @Override
        public double[] saveState() {
            return new double[] {count};
        }

        @Override
        public void restoreState(double[] state) {
            count = (int) state[0];
        }

        @Override
        public double[] observe() {
            return new double[] {count};
        }
    }
}
