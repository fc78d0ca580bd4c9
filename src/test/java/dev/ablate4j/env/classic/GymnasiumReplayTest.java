package dev.ablate4j.env.classic;

import static dev.ablate4j.env.classic.ReferenceCsv.flag;
import static dev.ablate4j.env.classic.ReferenceCsv.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.env.Env;
import dev.ablate4j.env.Step;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Replays transitions recorded from Gymnasium 0.29.1: for every row, restore the recorded state before
 * the step, apply the recorded action and compare observation, reward and terminated.
 *
 * <p>Pendulum: everything to 1e-9 absolute (the state is double; observations are float32 in both).
 * MountainCarContinuous: observations to one float32 ulp of the expected value — the state is float32
 * in Gymnasium, and a last-bit difference between StrictMath.cos and the C library's cos can flip the
 * float32 rounding of the result; rewards (a function of the action alone) to 1e-12; terminated exactly.
 */
class GymnasiumReplayTest {

    private static final double PENDULUM_TOLERANCE = 1e-9;

    @Test
    void pendulumMatchesGymnasium() {
        List<CSVRecord> rows = ReferenceCsv.rows("gymnasium-0.29.1-Pendulum-v1.csv");
        Env env = new Pendulum();
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            String where = "Pendulum row " + row.getRecordNumber();
            env.restoreState(new double[] {num(row, "s0_before"), num(row, "s1_before")});
            Step step = env.step(new double[] {num(row, "action")});

            for (int k = 0; k < 3; k++) {
                assertEquals(num(row, "obs" + k), step.observation()[k], PENDULUM_TOLERANCE, where + " obs" + k);
            }
            assertEquals(num(row, "reward"), step.reward(), PENDULUM_TOLERANCE, where + " reward");
            assertEquals(flag(row, "terminated"), step.terminated(), where + " terminated");
            assertFalse(step.truncated(), where + " truncated");

            // The double state after the step is the next row's state before it (same episode).
            if (i + 1 < rows.size() && rows.get(i + 1).get("episode").equals(row.get("episode"))) {
                CSVRecord next = rows.get(i + 1);
                double[] state = env.saveState();
                assertEquals(num(next, "s0_before"), state[0], PENDULUM_TOLERANCE, where + " theta after");
                assertEquals(num(next, "s1_before"), state[1], PENDULUM_TOLERANCE, where + " thetaDot after");
            }
        }
    }

    @Test
    void mountainCarMatchesGymnasium() {
        int terminations = replayMountainCar("gymnasium-0.29.1-MountainCarContinuous-v0.csv");
        assertEquals(0, terminations, "the random-action episodes never reach the goal");
    }

    @Test
    void mountainCarGoalEpisodeMatchesGymnasium() {
        int terminations = replayMountainCar("gymnasium-0.29.1-MountainCarContinuous-v0-goal.csv");
        assertEquals(1, terminations, "the goal episode ends with exactly one terminating step");
    }

    /** Replays every row and returns how many steps terminated. */
    private static int replayMountainCar(String file) {
        List<CSVRecord> rows = ReferenceCsv.rows(file);
        Env env = new MountainCarContinuous();
        int terminations = 0;
        for (CSVRecord row : rows) {
            String where = file + " row " + row.getRecordNumber();
            env.restoreState(new double[] {num(row, "s0_before"), num(row, "s1_before")});
            Step step = env.step(new double[] {num(row, "action")});

            for (int k = 0; k < 2; k++) {
                double expected = num(row, "obs" + k);
                assertEquals(expected, step.observation()[k], Math.ulp((float) expected), where + " obs" + k);
            }
            assertEquals(num(row, "reward"), step.reward(), 1e-12, where + " reward");
            assertEquals(flag(row, "terminated"), step.terminated(), where + " terminated");
            assertFalse(step.truncated(), where + " truncated");
            // Gymnasium stores the state as float32: the next state must be exactly float32-representable.
            for (double s : env.saveState()) {
                assertTrue(s == (float) s, where + " state not float32: " + s);
            }
            if (step.terminated()) {
                terminations++;
            }
        }
        return terminations;
    }
}
