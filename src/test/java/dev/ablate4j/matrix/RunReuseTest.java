package dev.ablate4j.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.config.Keys;
import dev.ablate4j.matrix.RunResult.Status;
import dev.ablate4j.results.AtomicFiles;
import dev.ablate4j.results.RunFiles;
import dev.ablate4j.run.RunDriver;
import dev.ablate4j.run.RunOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run another spec already finished with the identical config is copied, byte for byte, not retrained. */
class RunReuseTest {

    @TempDir
    Path tmp;

    /** 2 x 2 cells x 2 seeds. */
    private static final String FIRST = Specs.twoByTwo("first");

    /** The two value-clip-off cells of FIRST, written differently, with a third seed. */
    private static final String SECOND = """
            name: second
            base: {preset: ppo, value-clip: false, %s}
            factors:
              grad-clip: [false, true]
            envs: [Pendulum-v1]
            seeds: 3
            steps: 256
            """.formatted(Specs.TINY_BASE);

    private static final class Recording implements RunExecutor {
        final List<String> trained = new CopyOnWriteArrayList<>();

        @Override
        public RunOutcome execute(ResolvedRun job, RunDriver.Progress progress, int every) {
            trained.add(job.dir().getParent().getParent().getFileName() + "/seed-" + job.config().get(Keys.SEED));
            return RunDriver.runOrResume(job.config(), job.dir(), null, progress, every);
        }
    }

    private static Summary run(Plan plan, Path root, boolean reuse, RunExecutor executor) {
        MatrixOptions options = new MatrixOptions(2, 2, false, reuse, Duration.ofMillis(100), Duration.ofSeconds(2),
                Duration.ofMillis(50));
        return new MatrixRunner(plan, Shard.ALL, root, options, executor, MatrixListener.NONE).run();
    }

    @Test
    void identicalRunsOfAnotherSpecAreCopiedAndEqualWhatTrainingGives() throws IOException {
        Plan first = Specs.plan(FIRST);
        Plan second = Specs.plan(SECOND);
        run(first, tmp, true, new Recording());

        Recording executor = new Recording();
        Summary s = run(second, tmp, true, executor);
        assertEquals(4, s.count(Status.REUSED), s.table());
        assertEquals(2, s.count(Status.DONE), s.table());
        assertTrue(s.allFinished());
        assertEquals(2, executor.trained.size(), "only the third seed is trained: " + executor.trained);
        assertTrue(executor.trained.stream().allMatch(k -> k.endsWith("seed-2")), executor.trained.toString());
        assertTrue(s.table().contains("reused"), s.table());

        Path fresh = tmp.resolve("fresh");
        Recording all = new Recording();
        run(second, fresh, false, all);
        assertEquals(6, all.trained.size(), "--no-reuse trains everything");

        for (PlannedRun r : second.runs()) {
            Path dir = r.dir(tmp.resolve("second"));
            Path trained = r.dir(fresh.resolve("second"));
            for (String file : List.of(RunFiles.CONFIG, RunFiles.METRICS, RunFiles.EPISODES, RunFiles.TRUST_REGION)) {
                assertArrayEquals(Files.readAllBytes(trained.resolve(file)), Files.readAllBytes(dir.resolve(file)),
                        r.id() + " " + file);
            }
            Map<String, Object> cell = AtomicFiles.readJson(dir.resolve(RunFiles.CELL));
            assertEquals("second", cell.get("spec"));
            assertEquals(r.cell().label(), cell.get("label"));
            if (r.seed() < 2) {
                assertEquals("first/" + r.id(), cell.get("reused_from"));
                Path donor = r.dir(tmp.resolve("first"));
                assertArrayEquals(Files.readAllBytes(donor.resolve(RunFiles.PROVENANCE)),
                        Files.readAllBytes(dir.resolve(RunFiles.PROVENANCE)), "provenance says where it was trained");
            } else {
                assertNull(cell.get("reused_from"));
            }
            assertTrue(RunFiles.isDone(dir));
            assertFalse(Files.exists(dir.resolve(MatrixFiles.LOCK)));
        }
    }

    @Test
    void aDonorWithADifferentConfigOrNotDoneIsNotUsed() throws IOException {
        Plan first = Specs.plan(FIRST);
        run(first, tmp, true, new Recording());
        PlannedRun donorRun = first.runs().stream()
                .filter(r -> r.id().equals(Specs.plan(SECOND).runs().get(0).id())).findFirst().orElseThrow();
        Path donor = donorRun.dir(tmp.resolve("first"));
        Files.delete(donor.resolve(RunFiles.DONE));

        Plan changed = Specs.plan(SECOND.replace("seeds: 3", "seeds: 1"));
        Recording executor = new Recording();
        Summary s = run(changed, tmp, true, executor);
        assertEquals(1, s.count(Status.REUSED), s.table());
        assertEquals(1, executor.trained.size(), "the unfinished donor's run is trained");
        assertEquals(changed.runs().get(0).cell().id() + "/seed-0", executor.trained.get(0));

        String override = "overrides:\n  - when: {env: Pendulum-v1}\n    set: {value-lr: 2.0e-3}\n";
        Plan other = Specs.plan(SECOND.replace("name: second", "name: third").replace("seeds: 3", "seeds: 1")
                + override);
        assertEquals(changed.runs().get(1).id(), other.runs().get(1).id(), "an env override keeps the cell id");
        Recording third = new Recording();
        Summary t = run(other, tmp, true, third);
        assertEquals(0, t.count(Status.REUSED), "a config.json that differs is never a donor: " + t.table());
        assertEquals(2, third.trained.size());
    }
}
