package dev.ablate4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.results.RunFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same training (Pendulum-v1, the ppo preset at the paper's sizes: 64-64 networks,
 * minibatches of 64; 4,096 steps), in float32 and in float64, in three child JVMs of this JDK: with the Vector API module (the
 * vector kernels), with the module but {@code -Dablate4j.vector=false}, and without the module (as
 * a plain {@code java -jar} starts). Each child says which kernels it chose; all three must write
 * the same bytes. The golden hashes ({@code GoldenHashTest}, {@code Float32DeterminismTest}) run in
 * the build's own JVM, which has the module, so they hold for the vector kernels too.
 */
class VectorKernelsEndToEndTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"float32", "float64"})
    void vectorAndScalarKernelsWriteTheSameFiles(String precision) throws IOException, InterruptedException {
        Path vector = run("vector", precision, List.of("--add-modules", "jdk.incubator.vector"), "Vector API");
        Path forcedOff = run("forced-off", precision,
                List.of("--add-modules", "jdk.incubator.vector", "-Dablate4j.vector=false"), "scalar");
        Path plain = run("plain", precision, List.of(), "scalar");
        for (String file : new String[] {RunFiles.METRICS, RunFiles.EPISODES, RunFiles.TRUST_REGION}) {
            String expected = TinyRuns.sha256(plain.resolve(file));
            assertEquals(expected, TinyRuns.sha256(vector.resolve(file)), file + ": vector kernels vs plain JVM");
            assertEquals(expected, TinyRuns.sha256(forcedOff.resolve(file)), file + ": -Dablate4j.vector=false");
        }
    }

    private Path run(String jvm, String precision, List<String> jvmArgs, String expectedKernels)
            throws IOException, InterruptedException {
        String name = jvm + "-" + precision;
        Path out = tmp.resolve(name);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), KernelsChild.class.getName(),
                "train", "--preset", "ppo", "--env", "Pendulum-v1", "--steps", "4096", "--seed", "3",
                "--precision", precision, "--quiet", "--out", out.toString()));
        Path stdout = tmp.resolve(name + ".out");
        Path stderr = tmp.resolve(name + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        int exit = p.waitFor();
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        String first = Files.readAllLines(stdout, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        assertEquals(0, exit, name + " failed: " + err);
        String chosen = first.replaceFirst(".*" + precision + " ", "").replaceFirst(";.*", "");
        assertTrue(chosen.startsWith(expectedKernels), name + ": " + first);
        System.out.println("VectorKernelsEndToEndTest " + name + ": " + first);
        return out;
    }
}
