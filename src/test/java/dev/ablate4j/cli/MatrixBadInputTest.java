package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every bad-input case of matrix and plan: exit 2, one line naming the problem, nothing written. */
class MatrixBadInputTest {

    @TempDir
    Path tmp;

    private static final String GOOD = """
            name: good
            base: {preset: ppo, rollout-steps: 64, minibatches: 4, epochs: 1, hidden: [4]}
            factors:
              value-clip: [true, false]
              reward-scale: [true, false]
            envs: [Pendulum-v1]
            seeds: 3
            steps: 128
            """;

    static Stream<Arguments> badSpecs() {
        return Stream.of(
                Arguments.of("malformed YAML", "name: x\nfactors:\n  value-clip: [true, false\nenvs: [Pendulum-v1]\n",
                        "spec.yaml:4:", "malformed YAML"),
                Arguments.of("tab-indented YAML", "name: x\nbase:\n\tpreset: ppo\n", "spec.yaml:3:", "malformed YAML"),
                Arguments.of("duplicate key", GOOD + "seeds: 2\n", "spec.yaml:", "seeds"),
                Arguments.of("unknown top-level key", GOOD.replace("factors:", "factor:"),
                        "unknown key 'factor' (did you mean 'factors'?)", "allowed: name, description, design"),
                Arguments.of("unknown optimization", GOOD.replace("value-clip:", "valu-clip:"),
                        "factors: unknown key 'valu-clip' (did you mean 'value-clip'?)", "allowed: preset, algo"),
                Arguments.of("unknown base key", GOOD.replace("epochs: 1", "epoch: 1"),
                        "base: unknown key 'epoch' (did you mean 'epochs'?)", "allowed:"),
                Arguments.of("bad value", GOOD.replace("[true, false]\n  reward", "[true, maybe]\n  reward"),
                        "factors: value-clip: 'maybe' is not true or false", ""),
                Arguments.of("word outside an enum key's set", GOOD.replace("value-clip: [true, false]",
                        "grad-clip-scope: [both, all]"), "factors: grad-clip-scope: 'all' is not both, policy, value or joint", ""),
                Arguments.of("unknown preset", GOOD.replace("preset: ppo", "preset: ppo2"),
                        "base: preset: unknown preset 'ppo2' (did you mean 'ppo'?)", "allowed: ppo, ppo-m"),
                Arguments.of("unknown env", GOOD.replace("Pendulum-v1", "Pendulum-v2"),
                        "envs: unknown environment 'Pendulum-v2'", "allowed: Pendulum-v1"),
                Arguments.of("empty factor list", GOOD.replace("reward-scale: [true, false]", "reward-scale: []"),
                        "factors: reward-scale: empty list of values", ""),
                Arguments.of("name escaping the results directory", GOOD.replace("name: good", "name: ../escape"),
                        "name: '../escape' cannot be a results directory name", ""),
                Arguments.of("absolute name", GOOD.replace("name: good", "name: /tmp/x"),
                        "name: '/tmp/x' cannot be a results directory name", ""),
                Arguments.of("env set in base", GOOD.replace("epochs: 1", "epochs: 1, env: Pendulum-v1"),
                        "base: env: environments are listed under 'envs'", ""),
                Arguments.of("override setting a factor", GOOD + "overrides:\n  - when: {env: Pendulum-v1}\n"
                        + "    set: {value-clip: false}\n", "overrides[1]: set: value-clip: 'value-clip' is a factor", ""),
                Arguments.of("inconsistent config", GOOD.replace("minibatches: 4", "minibatches: 5"),
                        "minibatches: 5 does not divide rollout-steps 64", ""),
                Arguments.of("missing seeds", GOOD.replace("seeds: 3\n", ""), "missing key 'seeds'", ""),
                Arguments.of("MuJoCo version as a factor of classic-control runs", GOOD.replace("reward-scale: [true, false]",
                        "mujoco: [2.2.2, 3.14.0]"), "factors: mujoco: a factor only when every env is a MuJoCo task",
                        ""),
                Arguments.of("bad design", GOOD + "design: leave-one-out\n",
                        "design: unknown design 'leave-one-out'; allowed: factorial, one-at-a-time", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    void badSpecGivesOneLineExitTwoAndWritesNothing(String what, String yaml, String message, String more)
            throws IOException {
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, yaml);
        for (String command : new String[] {"matrix", "plan"}) {
            Path results = tmp.resolve("results-" + command);
            Outcome o = run(command, spec.toString(), "--results", results.toString());
            assertBadInput(o, message, more);
            assertFalse(Files.exists(results), "nothing written");
        }
    }

    @Test
    void expansionOverMaxRunsSaysHowMany() throws IOException {
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, GOOD);
        Path results = tmp.resolve("results");
        Outcome o = run("matrix", spec.toString(), "--results", results.toString(), "--max-runs", "10");
        assertBadInput(o, "expands to 12 runs (4 cells x 1 envs x 3 seeds), more than --max-runs 10", "");
        assertFalse(Files.exists(results));
        assertBadInput(run("plan", spec.toString(), "--max-runs", "11"), "expands to 12 runs", "");
    }

    @Test
    void hugeFactorialIsRefusedBeforeExpanding() throws IOException {
        StringBuilder yaml = new StringBuilder("name: huge\nenvs: [Pendulum-v1]\nseeds: 10\nfactors:\n");
        for (String key : new String[] {"value-clip", "reward-scale", "ortho-init", "lr-anneal", "reward-clip",
            "obs-norm", "obs-clip", "tanh", "grad-clip", "adv-norm", "bootstrap-truncated"}) {
            yaml.append("  ").append(key).append(": [true, false]\n");
        }
        yaml.append("  policy-lr: [1.0e-4, 2.0e-4, 3.0e-4, 4.0e-4, 5.0e-4, 6.0e-4, 7.0e-4, 8.0e-4]\n");
        Files.writeString(tmp.resolve("huge.yaml"), yaml.toString());
        assertBadInput(run("plan", tmp.resolve("huge.yaml").toString()),
                "expands to 163,840 runs (16,384 cells x 1 envs x 10 seeds), more than --max-runs 10000", "");
    }

    @Test
    void aSpecPinningAnotherMujocoIsRefusedByMatrixButPlanned() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.ablate4j.env.mujoco.MujocoEnvs.available(),
                () -> "skipped: " + dev.ablate4j.env.mujoco.MujocoEnvs.unavailableReason());
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, GOOD.replace("hidden: [4]", "hidden: [4], mujoco: 9.9.9").replace("Pendulum-v1",
                "Hopper-v4"));
        Path results = tmp.resolve("results");
        assertBadInput(run("matrix", spec.toString(), "--results", results.toString()),
                "(mujoco in its base) asks for MuJoCo 9.9.9 but this process loaded MuJoCo", "MUJOCO_HOME=DIR");
        assertFalse(Files.exists(results), "nothing written");
        assertEquals(0, run("plan", spec.toString()).code, "a plan may be for machines with that MuJoCo");
    }

    @Test
    void badFlagsAndFiles() throws IOException {
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, GOOD);
        Path results = tmp.resolve("results");
        assertBadInput(run("matrix", tmp.resolve("nope.yaml").toString(), "--results", results.toString()),
                "nope.yaml: no such spec file", "");
        assertBadInput(run("matrix", spec.toString(), "--results", results.toString(), "--shard", "3/2"),
                "--shard: '3/2' is not K/N", "");
        assertBadInput(run("matrix", spec.toString(), "--results", results.toString(), "--shard", "two"),
                "--shard: 'two' is not K/N", "");
        assertBadInput(run("matrix", spec.toString(), "--results", results.toString(), "--workers", "0"),
                "--workers: 0 is not a positive whole number", "");
        assertBadInput(run("matrix", spec.toString(), "--results", results.toString(), "--checkpoint-every", "-1"),
                "--checkpoint-every: -1 is not a whole number >= 0", "");
        Files.writeString(tmp.resolve("file"), "x");
        assertBadInput(run("matrix", spec.toString(), "--results", tmp.resolve("file").toString()),
                "exists and is not a directory", "");
        assertBadInput(run("matrix", spec.toString(), "--results", results.toString(), "--tensorboard",
                tmp.resolve("file").toString()), "--tensorboard: " + tmp.resolve("file") + " is a file", "");
        assertBadInput(run("plan", spec.toString(), "--emit", "gitlab"), "--emit: 'gitlab' is not one of list,"
                + " github, slurm", "");
        assertBadInput(run("plan", spec.toString(), "--emit", "github", "--shards", "300"),
                "--shards: 300 is not from 1 to 256", "");
        assertBadInput(run("plan", spec.toString(), "--emit", "slurm", "--jar", tmp.resolve("no.jar").toString()),
                "--jar: " + tmp.resolve("no.jar").toAbsolutePath() + " does not exist", "");
        assertBadInput(run("merge", tmp.resolve("nope").toString(), "--into", results.toString()),
                "is not a directory", "");
        assertFalse(Files.exists(results));
    }

    private static void assertBadInput(Outcome o, String message, String more) {
        assertEquals(ExitCodes.BAD_INPUT, o.code, o.err);
        String text = o.err.strip();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith("error: "), text);
        assertTrue(text.contains(message), text);
        assertTrue(text.contains(more), text);
        assertEquals("", o.out, "nothing on stdout");
    }

    record Outcome(int code, String out, String err) {}

    static Outcome run(String... args) {
        StringWriter err = new StringWriter();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream oldOut = System.out;
        java.io.PrintStream oldErr = System.err;
        java.io.ByteArrayOutputStream sysErr = new java.io.ByteArrayOutputStream();
        int code;
        try {
            // redirect before building the command line: picocli's subcommands pick up System.err then
            System.setOut(new java.io.PrintStream(out, true));
            System.setErr(new java.io.PrintStream(sysErr, true));
            CommandLine cl = Main.commandLine();
            cl.setErr(new PrintWriter(err, true));
            code = cl.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Outcome(code, out.toString(), err.toString() + sysErr);
    }
}
