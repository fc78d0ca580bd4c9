package dev.ablate4j.policy.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ablate4j.config.Preset;
import dev.ablate4j.nn.Activation;
import dev.ablate4j.nn.Fn;
import dev.ablate4j.policy.ExactNumbers;
import dev.ablate4j.policy.Policies;
import dev.ablate4j.policy.PolicyActor;
import dev.ablate4j.policy.PolicyJson;
import dev.ablate4j.policy.SavedPolicy;
import dev.ablate4j.policy.onnx.OnnxExport.InputType;
import dev.ablate4j.policy.onnx.proto.ModelProto;
import dev.ablate4j.run.TinyRuns;
import dev.ablate4j.run.Training;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exported graph checked by ONNX's and onnxruntime's own code (ci/onnx/check.py): it passes
 * {@code onnx.checker} (full check), onnxruntime loads and runs it, and its outputs on 1,000
 * observations match the Java policy's to 1e-6 relative (absolute floor 1e-12 for outputs near 0;
 * the graph computes in float64, so the measured differences are about 1e-15 relative, printed by
 * the script), for policies trained here (tanh with observation normalization and clipping; ReLU
 * without a filter; normalization without clipping) and Hopper-sized 64-64 ones, with float32 and
 * float64 inputs. Skipped, with the reason printed, where pip cannot install onnx, onnxruntime and
 * numpy into target/onnx-venv.
 */
class OnnxRuntimeCheckTest {

    private static final Path SCRIPT = Path.of("ci", "onnx", "check.py");
    private static final int OBSERVATIONS = 1000;

    @TempDir
    Path tmp;

    private static boolean told;

    /** Each test is skipped, with the reason, without a Python that has onnx and onnxruntime (printed once). */
    @BeforeEach
    void needsOnnxRuntime() {
        Path python = OnnxPython.python();
        if (python == null && !told) {
            told = true;
            System.err.println("OnnxRuntimeCheckTest: SKIPPED: " + OnnxPython.reason());
        }
        assumeTrue(python != null, () -> "skipped: " + OnnxPython.reason());
    }

    static Stream<Arguments> policies() {
        List<Arguments> out = new ArrayList<>();
        for (InputType type : InputType.values()) {
            out.add(Arguments.of("pendulum-ppo", trained(Map.of()), type));
            out.add(Arguments.of("pendulum-relu-nofilter",
                    trained(Map.of("tanh", false, "obs-norm", false, "obs-clip", false)), type));
            out.add(Arguments.of("pendulum-norm-noclip", trained(Map.of("obs-clip", false)), type));
            out.add(Arguments.of("hopper-size-tanh",
                    Policies.random("Hopper-v4", 11, new int[] {64, 64}, 3, Activation.TANH, true, true, 1), type));
            out.add(Arguments.of("hopper-size-relu",
                    Policies.random("Hopper-v4", 11, new int[] {64, 64}, 3, Activation.RELU, true, true, 2), type));
        }
        return out.stream();
    }

    private static SavedPolicy trained(Map<String, Object> overrides) {
        try (Training training = new Training(TinyRuns.config(Preset.PPO, overrides))) {
            while (!training.finished()) {
                training.step();
            }
            return training.savedPolicy();
        }
    }

    @ParameterizedTest(name = "{0}, {2} input")
    @MethodSource("policies")
    void onnxruntimeMatchesTheJavaPolicy(String name, SavedPolicy policy, InputType type) throws Exception {
        Path model = tmp.resolve(name + ".onnx");
        Path policyFile = tmp.resolve(name + ".policy.json");
        Path reference = tmp.resolve(name + ".reference.json");
        Files.write(model, OnnxExport.bytes(policy, type, "test"));
        Files.write(policyFile, PolicyJson.bytes(policy));
        Files.writeString(reference, reference(policy, type == InputType.FLOAT32, 20261207L + name.hashCode()),
                StandardCharsets.UTF_8);
        OnnxPython.Result r = check(List.of("--model", model.toString(), "--policy", policyFile.toString(),
                "--reference", reference.toString()));
        System.out.println(name + ", " + type.word() + " input:\n" + r.output());
        assertEquals(0, r.code(), r.output());
        assertTrue(r.output().contains("action_mean vs Java: " + OBSERVATIONS * policy.actionSize() + " values"),
                r.output());
        assertTrue(r.output().contains("onnx check: OK"), r.output());
    }

    @Test
    void theSubsetProtoHasOnnxsOwnFieldNumbersAndTypes() throws Exception {
        SavedPolicy policy = Policies.random("Pendulum-v1", 3, new int[] {4}, 1, Activation.TANH, true, true, 3);
        Path model = tmp.resolve("m.onnx");
        Path policyFile = tmp.resolve("policy.json");
        Path descriptor = tmp.resolve("onnx_subset.desc");
        Files.write(model, OnnxExport.bytes(policy, InputType.FLOAT32, "test"));
        Files.write(policyFile, PolicyJson.bytes(policy));
        Files.write(descriptor, ModelProto.getDescriptor().getFile().toProto().toByteArray());
        OnnxPython.Result r = check(List.of("--model", model.toString(), "--policy", policyFile.toString(),
                "--descriptor", descriptor.toString()));
        System.out.println(r.output());
        assertEquals(0, r.code(), r.output());
        assertTrue(r.output().contains("fields match onnx"), r.output());
    }

    @Test
    void theCheckFailsOnAModelThatComputesSomethingElse() throws Exception {
        // the check must be able to fail: a model of one policy against another policy's outputs
        SavedPolicy a = Policies.random("Hopper-v4", 11, new int[] {8}, 3, Activation.TANH, true, true, 4);
        SavedPolicy b = Policies.random("Hopper-v4", 11, new int[] {8}, 3, Activation.TANH, true, true, 5);
        Path model = tmp.resolve("a.onnx");
        Path policyFile = tmp.resolve("b.policy.json");
        Files.write(model, OnnxExport.bytes(a, InputType.FLOAT32, "test"));
        Files.write(policyFile, PolicyJson.bytes(b));
        OnnxPython.Result r = check(List.of("--model", model.toString(), "--policy", policyFile.toString()));
        assertEquals(1, r.code(), r.output());
        assertTrue(r.output().contains("onnx check: FAIL"), r.output());
    }

    private static OnnxPython.Result check(List<String> args) {
        List<String> command = new ArrayList<>(List.of(OnnxPython.python().toString(), SCRIPT.toString()));
        command.addAll(args);
        OnnxPython.Result r = OnnxPython.run(command, 600);
        String output = String.join("\n", r.output().lines().filter(l -> !l.startsWith("WARNING: Location")).toList());
        return new OnnxPython.Result(r.code(), output);
    }

    /**
     * {@value #OBSERVATIONS} observations around the filter's mean (a fifth of them 30 std away, beyond
     * the clip range) and the Java policy's means for them, numbers exact.
     */
    private static String reference(SavedPolicy policy, boolean float32, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        PolicyActor actor = policy.actor();
        double[] mean = policy.filter().mean();
        double[] std = policy.filter().std();
        StringJoiner obsRows = new StringJoiner(",\n", "[\n", "\n]");
        StringJoiner meanRows = new StringJoiner(",\n", "[\n", "\n]");
        double[] obs = new double[policy.observationSize()];
        double[] out = new double[policy.actionSize()];
        for (int i = 0; i < OBSERVATIONS; i++) {
            double scale = i % 5 == 0 ? 30 : 1;
            for (int k = 0; k < obs.length; k++) {
                double x = mean[k] + (std[k] + 0.1) * scale * Fn.standardNormal(rng);
                obs[k] = float32 ? (double) (float) x : x;
            }
            actor.mean(obs, out);
            obsRows.add(row(obs));
            meanRows.add(row(out));
        }
        return "{\"observations\": " + obsRows + ",\n\"action_mean\": " + meanRows + ",\n\"log_std\": "
                + row(policy.logStd()) + "}\n";
    }

    private static String row(double[] x) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (double v : x) {
            j.add(ExactNumbers.format(v));
        }
        return j.toString();
    }
}
