package dev.ablate4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ablate4j.adaptive.Outcome;
import dev.ablate4j.results.Returns;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the round logic sees the runs of a spec directory. */
class AdaptiveResultsTest {

    @TempDir
    Path tmp;

    private static final Map<String, Object> CELL = Map.of("spec", "ad", "cell", "c0ffee000001", "label", "ppo");

    private Path run(int seed) {
        return tmp.resolve("ad").resolve("c0ffee000001").resolve("Pendulum-v1").resolve("seed-" + seed);
    }

    private static Map<String, Object> config(int seed) {
        Map<String, Object> c = SyntheticResults.ppoConfig();
        c.put("env", "Pendulum-v1");
        c.put("seed", seed);
        return c;
    }

    @Test
    void eachRunIsJudgedOnItsOwnAsTheReportJudgesARun() {
        double[] curve = {-900, -800, -700, -600, -500, -400};
        SyntheticResults.writeRun(run(0), config(0), CELL, "done", curve, true, false, "1");
        SyntheticResults.writeRun(run(1), config(1), CELL, "diverged", curve, false, false, "1");
        SyntheticResults.writeRun(run(2), config(2), CELL, "running", curve, false, false, "1");
        double[] noEpisode = {Double.NaN, Double.NaN};
        SyntheticResults.writeRun(run(3), config(3), CELL, "done", noEpisode, true, false, "1");
        // a run written before a newer key existed: its config.json lacks it (the majority has it)
        Map<String, Object> older = config(4);
        older.remove("max-kl");
        SyntheticResults.writeRun(run(4), older, CELL, "done", curve, true, false, "0");
        for (int s = 5; s < 8; s++) {
            SyntheticResults.writeRun(run(s), config(s), CELL, "done", curve, true, false, "1");
        }
        AdaptiveResults r = AdaptiveResults.read("ad", List.of(tmp.resolve("ad")));
        assertEquals(Outcome.used(Returns.finalReturn(curve)), r.outcome("c0ffee000001", "Pendulum-v1", 0));
        assertEquals(Outcome.LEFT_OUT, r.outcome("c0ffee000001", "Pendulum-v1", 1), "diverged: finished, no value");
        assertEquals(Outcome.PENDING, r.outcome("c0ffee000001", "Pendulum-v1", 2), "no DONE: pending");
        assertEquals(Outcome.LEFT_OUT, r.outcome("c0ffee000001", "Pendulum-v1", 3), "done, but no episode ended");
        assertEquals(Outcome.used(Returns.finalReturn(curve)), r.outcome("c0ffee000001", "Pendulum-v1", 4),
                "a run's outcome never depends on the other runs (they may arrive later)");
        assertEquals(Outcome.PENDING, r.outcome("c0ffee000001", "Pendulum-v1", 9), "not started");
        assertEquals(Outcome.PENDING, AdaptiveResults.read("ad", List.of(tmp.resolve("none")))
                .outcome("c0ffee000001", "Pendulum-v1", 0));
    }
}
