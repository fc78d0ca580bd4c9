package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.policy.PolicyJson;
import dev.ablate4j.policy.onnx.OnnxExport;
import dev.ablate4j.results.AtomicFiles;
import dev.ablate4j.results.RunFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** train, then evaluate and export-onnx, through the command line; and their refusals (exit 2, one line). */
class PolicyCommandsTest {

    @TempDir
    Path tmp;

    private Path run;
    private StringWriter out;
    private StringWriter err;

    private int cli(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private Path train(String name) {
        Path dir = tmp.resolve(name);
        assertEquals(0, cli("train", "--env", "Pendulum-v1", "--steps", "512", "--rollout-steps", "256",
                "--minibatches", "4", "--epochs", "2", "--hidden", "8,8", "--quiet", "--seed", "3", "--out",
                dir.toString()), err.toString());
        return dir;
    }

    @BeforeEach
    void trainOne() {
        run = train("run");
        assertTrue(Files.isRegularFile(run.resolve(RunFiles.POLICY)), "train saves policy.json");
    }

    @Test
    void evaluateWritesEvalCsvAndPrintsMeanStdAndTheInterval() throws Exception {
        assertEquals(0, cli("evaluate", run.toString(), "--episodes", "4", "--seed", "7"), err.toString());
        String line = out.toString().strip();
        assertTrue(line.startsWith("evaluate: " + run + " (Pendulum-v1, 4 deterministic episodes, seed 7): mean return "),
                line);
        assertTrue(line.matches(".*std [0-9.]+, 95% t interval \\[-?[0-9.]+, -?[0-9.]+\\] -> .*eval\\.csv"), line);
        List<String> rows = Files.readAllLines(run.resolve(RunFiles.EVAL));
        assertEquals("episode,return,length", rows.get(0));
        assertEquals(5, rows.size());
        assertTrue(rows.get(1).matches("0,-[0-9.]+,200"), rows.get(1));
        Map<String, Object> settings = AtomicFiles.readJson(run.resolve(RunFiles.EVAL_SETTINGS));
        assertEquals(4, settings.get("episodes"));
        assertEquals("deterministic", settings.get("actions"));
        assertEquals(7, settings.get("seed"));
        assertEquals(64, settings.get("policy_sha256").toString().length());

        byte[] first = Files.readAllBytes(run.resolve(RunFiles.EVAL));
        assertEquals(0, cli("evaluate", run.toString(), "--episodes", "4", "--seed", "7", "--deterministic"));
        assertArrayEquals(first, Files.readAllBytes(run.resolve(RunFiles.EVAL)), "same seed, same bytes");
        assertEquals(0, cli("evaluate", run.toString(), "--episodes", "4", "--seed", "8"));
        assertFalse(java.util.Arrays.equals(first, Files.readAllBytes(run.resolve(RunFiles.EVAL))), "another seed");
        assertEquals(0, cli("evaluate", run.toString(), "--episodes", "4", "--seed", "7", "--stochastic"));
        assertNotEquals(new String(first), Files.readString(run.resolve(RunFiles.EVAL)), "stochastic differs");
        assertEquals("stochastic", AtomicFiles.readJson(run.resolve(RunFiles.EVAL_SETTINGS)).get("actions"));
    }

    @Test
    void oneEpisodeHasNoIntervalAndSaysSo() {
        assertEquals(0, cli("evaluate", run.toString(), "--episodes", "1"));
        assertTrue(out.toString().contains("std n/a, 95% t interval n/a"), out.toString());
    }

    @Test
    void badInputExitsTwoWithOneLineAndWritesNothing() throws Exception {
        assertBad("error: run " + tmp.resolve("nope") + ": no such directory", "evaluate", tmp.resolve("nope").toString());
        assertBad("error: --episodes must be at least 1, got -3", "evaluate", run.toString(), "--episodes", "-3");
        assertBad("error: --episodes must be at least 1, got 0", "evaluate", run.toString(), "--episodes", "0");
        assertBad("error: --deterministic and --stochastic exclude each other", "evaluate", run.toString(),
                "--deterministic", "--stochastic");

        Path old = train("old");
        Files.delete(old.resolve(RunFiles.POLICY));
        assertBad("error: run " + old + ": has no saved policy (policy.json); runs trained before ablate4j saved "
                + "policies have none", "evaluate", old.toString());

        Path corrupt = train("corrupt");
        String text = Files.readString(corrupt.resolve(RunFiles.POLICY));
        Files.writeString(corrupt.resolve(RunFiles.POLICY), text.substring(0, text.length() / 2));
        assertBad("error: " + corrupt.resolve(RunFiles.POLICY) + ": not valid JSON", "evaluate", corrupt.toString());
        Files.writeString(corrupt.resolve(RunFiles.POLICY), text.replace("\"activation\": \"tanh\"",
                "\"activation\": \"gelu\""));
        assertBad("error: " + corrupt.resolve(RunFiles.POLICY) + ": activation must be \"tanh\" or \"relu\"", "evaluate",
                corrupt.toString());
        assertBad("error: run " + tmp + ": not a run directory", "evaluate", tmp.toString());

        // the good run given first is not evaluated either: every run is checked before any is
        assertBad("error: " + corrupt.resolve(RunFiles.POLICY), "evaluate", run.toString(), corrupt.toString());
        assertFalse(Files.exists(run.resolve(RunFiles.EVAL)), "nothing written on bad input");
        assertFalse(Files.exists(run.resolve(RunFiles.EVAL_SETTINGS)), "nothing written on bad input");

        assertBad("error: " + corrupt.resolve(RunFiles.POLICY) + ": activation must be", "export-onnx",
                corrupt.toString(), "--out", tmp.resolve("x.onnx").toString());
        assertBad("error: --out " + tmp + ": is a directory", "export-onnx", run.toString(), "--out", tmp.toString());
        assertBad("error: --input-type must be float32 or float64, got 'float16'", "export-onnx", run.toString(),
                "--out", tmp.resolve("x.onnx").toString(), "--input-type", "float16");
        assertFalse(Files.exists(tmp.resolve("x.onnx")));
    }

    @Test
    void exportOnnxWritesTheModelOfTheSavedPolicy() throws Exception {
        Path model = tmp.resolve("exported").resolve("policy.onnx");
        assertEquals(0, cli("export-onnx", run.toString(), "--out", model.toString()), err.toString());
        assertTrue(out.toString().contains("ONNX IR 8, opset 17"), out.toString());
        assertArrayEquals(OnnxExport.bytes(PolicyJson.read(run.resolve(RunFiles.POLICY)), OnnxExport.InputType.FLOAT32,
                dev.ablate4j.results.Provenance.version()), Files.readAllBytes(model));
        assertEquals(0, cli("export-onnx", run.toString(), "--out", tmp.resolve("f64.onnx").toString(),
                "--input-type", "float64"));
        assertTrue(out.toString().contains("input obs float64"), out.toString());
    }

    @Test
    void aFinishedRunWithItsEvaluationIsStillARunForTrain() throws Exception {
        assertEquals(0, cli("evaluate", run.toString(), "--episodes", "2"));
        byte[] policy = Files.readAllBytes(run.resolve(RunFiles.POLICY));
        // the same train command again: recognized as done and skipped, nothing rewritten
        assertEquals(0, cli("train", "--env", "Pendulum-v1", "--steps", "512", "--rollout-steps", "256",
                "--minibatches", "4", "--epochs", "2", "--hidden", "8,8", "--quiet", "--seed", "3", "--out",
                run.toString()), err.toString());
        assertArrayEquals(policy, Files.readAllBytes(run.resolve(RunFiles.POLICY)));
        assertTrue(Files.exists(run.resolve(RunFiles.EVAL)));
        // --force retrains: the evaluation of the replaced policy goes with it
        assertEquals(0, cli("train", "--env", "Pendulum-v1", "--steps", "512", "--rollout-steps", "256",
                "--minibatches", "4", "--epochs", "2", "--hidden", "8,8", "--quiet", "--seed", "3", "--out",
                run.toString(), "--force"), err.toString());
        assertFalse(Files.exists(run.resolve(RunFiles.EVAL)));
        assertArrayEquals(policy, Files.readAllBytes(run.resolve(RunFiles.POLICY)), "same config, same policy");
    }

    private void assertBad(String expectedStart, String... args) {
        int code = cli(args);
        String e = err.toString();
        assertEquals(2, code, e);
        assertTrue(e.startsWith(expectedStart), "expected '" + expectedStart + "' but got: " + e);
        assertEquals(1, e.strip().lines().count(), "one line: " + e);
        assertFalse(e.contains("Exception"), e);
    }
}
