package dev.ablate4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.matrix.RunExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatrixSpeedupTest {

    @TempDir
    Path tmp;

    @Test
    void runsTheWholeMatrixOnceWithOneWorkerAndOnceWithSeveral() throws Exception {
        Path spec = tmp.resolve("tiny.yaml");
        Files.writeString(spec, """
                name: tiny
                base: {preset: ppo, rollout-steps: 256, minibatches: 4, epochs: 2, hidden: "8,8"}
                factors:
                  value-clip: [true, false]
                envs: [Pendulum-v1]
                seeds: 2
                steps: 512
                """);
        AtomicInteger trained = new AtomicInteger();
        RunExecutor counting = (job, progress, every) -> {
            trained.incrementAndGet();
            return RunExecutor.driver(c -> null).execute(job, progress, every);
        };
        MatrixSpeedup.Result r = MatrixSpeedup.run(spec, 2, counting);
        assertEquals("tiny", r.spec());
        assertEquals(4, r.runs());
        assertEquals(2 * r.runs(), trained.get(), "every run trained from scratch in both passes");
        assertEquals(4 * 512, r.envSteps());
        assertTrue(r.oneWorkerSeconds() > 0 && r.workersSeconds() > 0, r.toString());
        assertTrue(r.oneWorkerCpuSeconds() > 0 && r.workersCpuSeconds() > 0, r.toString());
        assertEquals(r.oneWorkerSeconds() / r.workersSeconds(), r.speedup(), 1e-12);
        assertTrue(r.table(Machine.current()).contains("2 workers"), r.table(Machine.current()));
    }
}
