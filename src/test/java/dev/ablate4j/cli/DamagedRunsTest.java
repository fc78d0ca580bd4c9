package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.config.Preset;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.results.RunFiles;
import dev.ablate4j.run.RunDriver;
import dev.ablate4j.run.TinyRuns;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A finished run whose metrics.csv was cut short after it finished, as every command meets it:
 * {@code train} refuses it (exit 2, one line, how to go on) and retrains it with {@code --force};
 * {@code matrix} counts it as failed and retrains it with {@code --retry-failed}; {@code report},
 * {@code tensorboard} and {@code compare} leave it out with the reason and count it. Before the integrity check each of
 * these took the run as done.
 */
class DamagedRunsTest {

    @TempDir
    Path tmp;

    private static final String[] TINY = {"--env", "Pendulum-v1", "--steps", "512", "--rollout-steps", "128",
        "--minibatches", "4", "--epochs", "2", "--hidden", "8,8", "--tr-log-every", "2", "--quiet", "--seed", "3"};

    private static CommandRun main(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    private static String[] train(Path out, String... more) {
        String[] all = new String[TINY.length + more.length + 3];
        all[0] = "train";
        System.arraycopy(TINY, 0, all, 1, TINY.length);
        all[TINY.length + 1] = "--out";
        all[TINY.length + 2] = out.toString();
        System.arraycopy(more, 0, all, TINY.length + 3, more.length);
        return all;
    }

    private static void keepLines(Path file, int n) throws IOException {
        List<String> lines = Files.readAllLines(file);
        Files.writeString(file, String.join("\n", lines.subList(0, n)) + "\n");
    }

    @Test
    void trainRefusesAFinishedRunCutShortAndForceRetrainsIt() throws IOException {
        Path out = tmp.resolve("run");
        assertEquals(0, main(train(out)).code());
        byte[] whole = Files.readAllBytes(out.resolve(RunFiles.METRICS));
        keepLines(out.resolve(RunFiles.METRICS), 3);

        CommandRun refused = main(train(out));
        assertEquals(ExitCodes.BAD_INPUT, refused.code(), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertTrue(refused.err().contains("metrics.csv has 2 rows where config.json trains 4 iterations")
                && refused.err().contains("add --force to retrain it"), refused.err());
        assertEquals(3, Files.readAllLines(out.resolve(RunFiles.METRICS)).size(), "nothing written");

        assertEquals(0, main(train(out, "--force")).code());
        assertTrue(java.util.Arrays.equals(whole, Files.readAllBytes(out.resolve(RunFiles.METRICS))), "retrained");
    }

    @Test
    void trainRefusesARunCutBelowItsCheckpointWithOneLineAndForceRetrainsIt() throws IOException {
        Path out = tmp.resolve("run");
        TrainConfig config = TinyRuns.config(Preset.PPO, Map.of());
        RunDriver.Progress crashAfterThree = (training, result, sps) -> {
            if (training.iteration() == 3) {
                throw new IllegalStateException("simulated crash");
            }
        };
        try {
            RunDriver.runOrResume(config, out, null, crashAfterThree, 2);
        } catch (IllegalStateException expected) {
            // killed after iteration 3; checkpoint after iteration 2
        }
        keepLines(out.resolve(RunFiles.METRICS), 2);
        String[] resume = {"train", "--config", out.resolve(RunFiles.CONFIG).toString(), "--quiet", "--out",
            out.toString()};

        CommandRun refused = main(resume);
        assertEquals(ExitCodes.BAD_INPUT, refused.code(), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), refused.err());
        assertTrue(refused.err().contains("metrics.csv is shorter") && refused.err().contains("--force"),
                refused.err());
        assertFalse(refused.err().contains("Exception"), refused.err());

        String[] force = java.util.Arrays.copyOf(resume, resume.length + 1);
        force[resume.length] = "--force";
        assertEquals(0, main(force).code());
        assertTrue(Files.exists(out.resolve(RunFiles.DONE)));
        assertEquals(5, Files.readAllLines(out.resolve(RunFiles.METRICS)).size());
    }

    @Test
    void matrixCountsItFailedReportTensorboardAndCompareLeaveItOutAndRetryFailedRetrainsIt() throws IOException {
        Path spec = tmp.resolve("s.yaml");
        Files.writeString(spec, """
                name: s
                base: {preset: ppo, rollout-steps: 128, minibatches: 4, epochs: 2, hidden: [8, 8], tr-log-every: 2}
                factors:
                  value-clip: [true, false]
                envs: [Pendulum-v1]
                seeds: 3
                steps: 512
                """);
        Path results = tmp.resolve("results");
        MatrixCommandTest.Result first = MatrixCommandTest.matrix(null, spec.toString(), "--results", results.toString(),
                "--quiet");
        assertEquals(0, first.code(), first.err());
        List<Path> cells;
        try (Stream<Path> s = Files.list(results.resolve("s"))) {
            cells = s.filter(Files::isDirectory).sorted().map(c -> c.resolve("Pendulum-v1")).toList();
        }
        Path damaged = cells.get(0).resolve("seed-1");
        Path metrics = damaged.resolve(RunFiles.METRICS);
        byte[] whole = Files.readAllBytes(metrics);
        keepLines(metrics, 3);

        MatrixCommandTest.Result again = MatrixCommandTest.matrix(null, spec.toString(), "--results",
                results.toString(), "--quiet");
        assertEquals(ExitCodes.DIVERGED, again.code(), "a damaged run is not finished: " + again.out());
        assertTrue(again.out().matches("(?s).*\\n  failed +1\\b.*"), again.out());
        assertTrue(again.out().contains("seed-1") && again.out().contains("damaged (metrics.csv has 2 rows")
                && again.out().contains("--retry-failed"), again.out());
        assertEquals(3, Files.readAllLines(metrics).size(), "matrix without --retry-failed writes nothing");

        CommandRun report = main("report", results.toString(), "--out", tmp.resolve("rep").toString(),
                "--resamples", "200");
        assertEquals(0, report.code(), report.err());
        assertTrue(report.out().contains("5 runs (1 left out: 1 damaged)"), report.out());
        assertTrue(report.err().contains("left out") && report.err().contains("seed-1")
                && report.err().contains("damaged (metrics.csv has 2 rows"), report.err());

        CommandRun board = main("tensorboard", results.toString(), "--out", tmp.resolve("tb").toString());
        assertEquals(0, board.code(), board.err());
        assertTrue(board.out().contains("5 runs") && board.out().contains("(1 left out)"), board.out());
        assertTrue(board.err().contains("damaged (metrics.csv has 2 rows"), board.err());

        CommandRun compare = main("compare", "--x", cells.get(0).toString(), "--y", cells.get(1).toString(),
                "--resamples", "200");
        assertEquals(0, compare.code(), compare.err());
        assertTrue(compare.err().contains("--x: left out") && compare.err().contains("damaged (metrics.csv")
                && compare.err().contains("--x: 2 runs used, 1 left out"), compare.err());

        MatrixCommandTest.Result retried = MatrixCommandTest.matrix(null, spec.toString(), "--results",
                results.toString(), "--quiet", "--retry-failed");
        assertEquals(0, retried.code(), retried.out() + retried.err());
        assertTrue(retried.out().matches("(?s).*\\n  done +1\\b.*"), retried.out());
        assertTrue(java.util.Arrays.equals(whole, Files.readAllBytes(metrics)), "retrained to the same bytes");
    }
}
