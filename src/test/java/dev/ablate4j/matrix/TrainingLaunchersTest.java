package dev.ablate4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers that train on other machines — the GitHub run job's {@code ci/github/run-shard.sh},
 * the Slurm array template {@code ci/slurm/ablate4j-array.sbatch} and the script {@code plan --emit
 * slurm} writes — start java with {@code --add-modules jdk.incubator.vector} (the networks'
 * Vector API kernels, both precisions: same bits, faster) when that java has the module, and without it when it does
 * not. Each runs for real with a stand-in java that records how it was started.
 */
class TrainingLaunchersTest {

    private static final String FLAG = "--add-modules jdk.incubator.vector";

    @TempDir
    Path tmp;

    /**
     * A stand-in java in {@code dir}: the launchers' probe ({@code --add-modules jdk.incubator.vector
     * -version}) exits with {@code $PROBE}; any other call writes its arguments to {@code $ARGS}.
     */
    private static Path fakeJava(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path java = dir.resolve("java");
        Files.writeString(java, """
                #!/bin/bash
                if [ "$*" = "--add-modules jdk.incubator.vector -version" ]; then exit "$PROBE"; fi
                printf '%s\\n' "$*" > "$ARGS"
                """);
        assertTrue(java.toFile().setExecutable(true));
        return java;
    }

    /** Runs {@code bash script args...} in {@code dir}; what the stand-in java was started with. */
    private String launch(Path dir, List<String> script, Map<String, String> env, boolean javaHasModule)
            throws Exception {
        Path args = tmp.resolve("args-" + javaHasModule);
        Files.deleteIfExists(args);
        List<String> command = new java.util.ArrayList<>(List.of("bash"));
        command.addAll(script);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("SLURM_") || k.equals("SPEC") || k.equals("SHARDS")
                || k.equals("JAVA") || k.equals("JAVA_OPTS") || k.equals("JAR") || k.equals("RESULTS"));
        pb.environment().putAll(env);
        pb.environment().put("PROBE", javaHasModule ? "0" : "1");
        pb.environment().put("ARGS", args.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), script.toString());
        assertEquals(0, p.exitValue(), script + ": " + out);
        return Files.readString(args).strip();
    }

    private static boolean bash() {
        return Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash"));
    }

    @Test
    void theGeneratedSlurmScriptAddsTheModuleWhenJavaHasIt() throws Exception {
        assumeTrue(bash(), "SKIPPED: no bash on this machine, so the script cannot run");
        Path job = tmp.resolve("job.sbatch");
        Files.writeString(job, SlurmScript.render(Specs.plan(Specs.twoByTwo("vec")), new SlurmScript.Settings(
                "/abs/spec.yaml", "/abs/results", "/abs/ablate4j.jar", 3, 1, "1:00:00")));
        Map<String, String> env = Map.of("JAVA", fakeJava(tmp.resolve("bin")).toString(), "JAVA_OPTS", "-Xmx256m",
                "SLURM_ARRAY_TASK_ID", "2");
        String matrix = "-jar /abs/ablate4j.jar matrix /abs/spec.yaml --results /abs/results --shard 2/3 --workers 1";
        assertEquals(FLAG + " -Xmx256m " + matrix, launch(tmp, List.of(job.toString()), env, true));
        assertEquals("-Xmx256m " + matrix, launch(tmp, List.of(job.toString()), env, false));
    }

    @Test
    void theSlurmTemplateAddsTheModuleWhenJavaHasIt() throws Exception {
        assumeTrue(bash(), "SKIPPED: no bash on this machine, so the script cannot run");
        Map<String, String> env = Map.of("JAVA", fakeJava(tmp.resolve("bin")).toString(), "SPEC", "s.yaml",
                "SHARDS", "4", "SLURM_ARRAY_TASK_ID", "3", "SLURM_CPUS_PER_TASK", "2");
        String script = Path.of("ci/slurm/ablate4j-array.sbatch").toAbsolutePath().toString();
        String matrix = "-jar target/ablate4j.jar matrix s.yaml --results results --shard 3/4 --workers 2"
                + " --progress-every 300";
        assertEquals(FLAG + " " + matrix, launch(tmp, List.of(script), env, true));
        assertEquals(matrix, launch(tmp, List.of(script), env, false));
    }

    @Test
    void theGithubRunJobAddsTheModuleWhenJavaHasIt() throws Exception {
        assumeTrue(bash(), "SKIPPED: no bash on this machine, so the script cannot run");
        // a checkout with the run job's script, its jar, and an install-mujoco.sh that installs nothing
        Path checkout = tmp.resolve("checkout");
        Files.createDirectories(checkout.resolve("ci/github"));
        Files.createDirectories(checkout.resolve("target"));
        Files.copy(Path.of("ci/github/run-shard.sh"), checkout.resolve("ci/github/run-shard.sh"));
        Files.writeString(checkout.resolve("ci/github/install-mujoco.sh"), "exit 0\n");
        Files.writeString(checkout.resolve("target/ablate4j.jar"), "");
        Path bin = fakeJava(tmp.resolve("bin")).getParent();
        Map<String, String> env = new HashMap<>(Map.of("SPEC", "s.yaml"));
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        for (boolean has : List.of(true, false)) {
            String args = launch(checkout, List.of("ci/github/run-shard.sh", "1/2"), env, has);
            assertTrue(args.startsWith((has ? FLAG + " " : "") + "-jar target/ablate4j.jar matrix s.yaml --results"
                    + " results --shard 1/2 --workers ") && args.endsWith(" --progress-every 60"), args);
        }
    }

    /** The probe the launchers use succeeds with the java these tests run on (JDK 17+ has the module). */
    @Test
    void theProbeSucceedsOnThisJdk() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-version")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), java + " --add-modules jdk.incubator.vector -version");
    }
}
