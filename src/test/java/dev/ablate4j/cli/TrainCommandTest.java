package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.results.RunFiles;
import dev.ablate4j.run.TinyRuns;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class TrainCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }

    private static final String[] TINY = {"--env", "Pendulum-v1", "--steps", "512", "--rollout-steps", "256",
        "--minibatches", "4", "--epochs", "2", "--hidden", "8,8", "--quiet"};

    private String[] tiny(String... more) {
        String[] all = new String[TINY.length + more.length + 1];
        all[0] = "train";
        System.arraycopy(TINY, 0, all, 1, TINY.length);
        System.arraycopy(more, 0, all, 1 + TINY.length, more.length);
        return all;
    }

    @Test
    void trainWritesTheRunFilesAndFlagsOverrideThePreset() throws Exception {
        Path out = tmp.resolve("run");
        assertEquals(0, run(tiny("--preset", "ppo", "--no-value-clip", "--grad-clip", "--seed", "3",
                "--out", out.toString())));
        for (String f : new String[] {RunFiles.CONFIG, RunFiles.PROVENANCE, RunFiles.METRICS, RunFiles.EPISODES,
            RunFiles.TIMING, RunFiles.DONE}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        Map<?, ?> config = new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                out.resolve(RunFiles.CONFIG).toFile(), Map.class);
        assertEquals(false, config.get("value-clip"));
        assertEquals(true, config.get("grad-clip"));
        assertEquals(true, config.get("reward-scale"));
        assertEquals(3, config.get("seed"));
        assertEquals(3, Files.readAllLines(out.resolve(RunFiles.METRICS)).size(), "header + 2 iterations");
    }

    @Test
    void sameCommandTwiceGivesIdenticalMetrics() {
        assertEquals(0, run(tiny("--seed", "3", "--out", tmp.resolve("a").toString())));
        assertEquals(0, run(tiny("--seed", "3", "--out", tmp.resolve("b").toString())));
        assertEquals(TinyRuns.sha256(tmp.resolve("a").resolve(RunFiles.METRICS)),
                TinyRuns.sha256(tmp.resolve("b").resolve(RunFiles.METRICS)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--env|Nope-v0|unknown environment 'Nope-v0'",
        "--preset|ppo2|unknown preset 'ppo2'",
        "--steps|0|steps: '0' is not a positive whole number",
        "--steps|-100|steps: '-100' is not a positive whole number",
        "--policy-lr|NaN|policy-lr: 'NaN' is not a positive finite number",
        "--value-lr|-1e-3|value-lr: '-1e-3' is not a positive finite number",
        "--bogus-flag|1|Unknown options: '--bogus-flag', '1'",
        "--preset|paper:ppo|preset paper:ppo: the paper has no config for Pendulum-v1; it has configs for Hopper-v4,"
            + " Walker2d-v4, Humanoid-v4",
        "--entropy-coef|inf|entropy-coef: 'inf' is not a finite number",
        "--reward-scale-mode|centred|reward-scale-mode: 'centred' is not returns or rewards",
        "--algo|PPO|algo: 'PPO' is not ppo or trpo",
        "--grad-clip-scope|all|grad-clip-scope: 'all' is not both, policy, value or joint",
        "--rollout-bootstrap|last|rollout-bootstrap: 'last' is not next-state or last-state",
        "--contact-forces|none|contact-forces: 'none' is not observed or zeroed",
        "--checkpoint-every|-1|--checkpoint-every: -1 is not a whole number >= 0",
        "--max-kl-final|0|max-kl-final: '0' is not a positive finite number or none",
        "--paper-config|no-such.json|--paper-config no-such.json: no such file"})
    void badInputGivesOneLineExitTwoAndWritesNothing(String flag, String value, String message) {
        Path out = tmp.resolve("never");
        int code = run("train", "--out", out.toString(), flag, value);
        assertEquals(2, code, err.toString());
        String text = err.toString().strip();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains(message), text);
        assertFalse(Files.exists(out), "nothing written");
    }

    /** --tensorboard is checked as matrix checks it (the shared run options): an unwritable place is bad input. */
    @Test
    void anUnwritableTensorboardDirectoryIsOneLineExitTwo() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc on this system");
        Path out = tmp.resolve("never");
        int code = run("train", "--out", out.toString(), "--steps", "2048", "--tensorboard", "/proc/ablate4j-test/tb");
        assertEquals(2, code, err.toString());
        String text = err.toString().strip();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains("--tensorboard /proc/ablate4j-test/tb: cannot write there"), text);
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void helpListsEveryOptimizationAsANegatableFlag() {
        StringWriter help = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(help, true));
        assertEquals(0, cl.execute("train", "--help"));
        for (dev.ablate4j.tweak.Optimization o : dev.ablate4j.tweak.Optimization.values()) {
            assertTrue(help.toString().contains("--[no-]" + o.key()), o.key());
        }
        assertTrue(help.toString().contains("--max-kl"));
    }

    @Test
    void aPaperConfigFileTrainsAndItsBadValuesAreOneLineExitTwo() throws Exception {
        Path file = tmp.resolve("agent.json");
        Files.writeString(file, "{\"game\": \"Hopper-v2\", \"mode\": \"ppo\", \"t\": 256, \"num_minibatches\": 4,"
                + " \"train_steps\": 2, \"entropy_coeff\": -0.01, \"out_dir\": \"results/x\"}");
        if (dev.ablate4j.env.Envs.unavailableReason("Hopper-v4") == null) {
            Path out = tmp.resolve("run");
            assertEquals(0, run("train", "--paper-config", file.toString(), "--hidden", "8,8", "--quiet",
                    "--out", out.toString()), err.toString());
            Map<?, ?> config = new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                    out.resolve(RunFiles.CONFIG).toFile(), Map.class);
            assertEquals("paper-config", config.get("preset"));
            assertEquals(-0.01, config.get("entropy-coef"));
            assertEquals(512, config.get("steps"));
            assertEquals(java.util.List.of(8, 8), config.get("hidden"), "flags override the file");
        } else {
            System.out.println("aPaperConfigFile...: training part skipped: " + dev.ablate4j.env.Envs.unavailableReason("Hopper-v4"));
        }
        Files.writeString(file, "{\"game\": \"Hopper-v2\", \"share_weights\": true}");
        Path never = tmp.resolve("never");
        assertEquals(2, run("train", "--paper-config", file.toString(), "--out", never.toString()));
        String text = err.toString().strip();
        assertTrue(text.lines().reduce((a, b) -> b).orElse("").contains("share_weights: 'true' cannot be run"), text);
        assertFalse(Files.exists(never), "nothing written");
    }
}
