package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code plan --emit slurm} names every path absolutely, so the script can be submitted anywhere. */
class PlanSlurmTest {

    @Test
    void relativePathsBecomeAbsolute() {
        MatrixBadInputTest.Outcome o = MatrixBadInputTest.run("plan", "ci/ci-tiny.yaml", "--emit", "slurm",
                "--shards", "2", "--results", "some/../res", "--no-jar-copy");
        assertEquals(ExitCodes.OK, o.code(), o.err());
        Path cwd = Path.of("").toAbsolutePath();
        String script = o.out();
        assertTrue(script.contains(" matrix '" + cwd.resolve("ci/ci-tiny.yaml") + "' --results '" + cwd.resolve("res")
                + "' --shard"), script);
        // Run from target/classes (not a jar), the default jar is target/ablate4j.jar under the working directory.
        assertTrue(script.contains("-jar '" + cwd.resolve("target/ablate4j.jar") + "'"), script);
        assertTrue(script.contains("report '\\''" + cwd.resolve("res/ci-tiny") + "'\\''"), "report step: " + script);
    }
}
