package dev.ablate4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ablate4j.matrix.RunResult.Status;
import dev.ablate4j.results.RunFiles;
import dev.ablate4j.run.RunDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A finished run whose files are damaged is never copied into another spec: the run is trained instead. */
class DamagedDonorTest {

    @TempDir
    Path tmp;

    private static final String ONE = Specs.twoByTwo("one").replace("seeds: 2", "seeds: 1");
    private static final String TWO = Specs.twoByTwo("two").replace("seeds: 2", "seeds: 1");

    private Summary run(String spec) {
        MatrixOptions options = new MatrixOptions(1, 2, false, true, Duration.ofMillis(100), Duration.ofSeconds(2),
                Duration.ofMillis(50));
        return new MatrixRunner(Specs.plan(spec), Shard.ALL, tmp, options,
                (job, progress, every) -> RunDriver.runOrResume(job.config(), job.dir(), null, progress, every),
                MatrixListener.NONE).run();
    }

    @Test
    void aDamagedDonorIsTrainedAgainNotCopied() throws IOException {
        Summary first = run(ONE);
        assertEquals(4, first.count(Status.DONE));
        Path donor = Specs.plan(ONE).runs().get(0).dir(tmp.resolve("one"));
        Path metrics = donor.resolve(RunFiles.METRICS);
        byte[] whole = Files.readAllBytes(metrics);
        List<String> lines = Files.readAllLines(metrics);
        Files.writeString(metrics, String.join("\n", lines.subList(0, 2)) + "\n");

        Summary second = run(TWO);
        assertEquals(3, second.count(Status.REUSED), "the whole donors are copied");
        assertEquals(1, second.count(Status.DONE), "the damaged one is trained");
        Path copy = Specs.plan(TWO).runs().get(0).dir(tmp.resolve("two"));
        assertEquals(java.util.Arrays.toString(whole), java.util.Arrays.toString(
                Files.readAllBytes(copy.resolve(RunFiles.METRICS))));
    }
}
