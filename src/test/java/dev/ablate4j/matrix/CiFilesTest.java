package dev.ablate4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files under {@code ci/}: the workflow parses, calls only scripts that exist, and has the
 * artifact steps that {@code ci/github/test-local.sh} emulates; every shell script passes
 * {@code bash -n}; the Slurm scripts refuse to run outside an array task.
 */
class CiFilesTest {

    private static final Path WORKFLOW = Path.of("ci/github/ablation-matrix.yml");

    /** Action versions checked to exist (and to run on Node 24). */
    private static final Set<String> ACTIONS = Set.of("actions/checkout@v6", "actions/setup-java@v5",
            "actions/upload-artifact@v7", "actions/download-artifact@v7", "actions/cache/restore@v5",
            "actions/cache/save@v5");

    private static final Pattern SCRIPT = Pattern.compile("^bash (ci/github/[a-z-]+\\.sh)( \"\\$[A-Z]+\")?$");

    @Test
    void workflowParsesAndCallsOnlyScriptsThatExist() throws IOException {
        JsonNode jobs = new YAMLMapper().readTree(Files.readString(WORKFLOW)).get("jobs");
        assertEquals(List.of("plan", "run", "merge"), names(jobs));
        List<String> called = new ArrayList<>();
        for (JsonNode job : jobs) {
            for (JsonNode step : job.get("steps")) {
                if (step.has("uses")) {
                    assertTrue(ACTIONS.contains(step.get("uses").asText()), "unchecked action " + step.get("uses"));
                } else {
                    String run = step.get("run").asText().strip();
                    Matcher m = SCRIPT.matcher(run);
                    assertTrue(m.matches(), "a run step calls one script of ci/github: " + run);
                    assertTrue(Files.isRegularFile(Path.of(m.group(1))), m.group(1) + " exists");
                    called.add(m.group(1));
                }
            }
        }
        assertEquals(List.of("ci/github/plan.sh", "ci/github/run-shard.sh", "ci/github/merge.sh",
                "ci/github/report.sh", "ci/github/next-round.sh"), called);
        assertEquals("${{ fromJSON(needs.plan.outputs.matrix) }}",
                jobs.get("run").get("strategy").get("matrix").asText());
        assertEquals("${{ steps.plan.outputs.matrix }}", jobs.get("plan").get("outputs").get("matrix").asText());
    }

    /** The layout test-local.sh emulates, and the jar path after its download. */
    @Test
    void artifactsHaveTheLayoutTheScriptsExpect() throws IOException {
        JsonNode jobs = new YAMLMapper().readTree(Files.readString(WORKFLOW)).get("jobs");
        for (JsonNode job : jobs) {
            for (JsonNode step : job.get("steps")) {
                if (step.path("uses").asText().startsWith("actions/upload-artifact")) {
                    JsonNode with = step.get("with");
                    assertEquals("true", with.get("overwrite").asText(), "overwrite on re-runs: " + with);
                    assertFalse(with.get("path").asText().strip().contains("\n"), "one path per upload: " + with);
                }
            }
        }
        Map<String, String> plan = upload(jobs.get("plan"), "ablate4j-jar");
        assertEquals("target/ablate4j.jar", plan.get("path"));
        // One file: the artifact's root is its directory, so it holds ablate4j.jar ...
        String inArtifact = Path.of(plan.get("path")).getFileName().toString();
        for (String job : List.of("run", "merge")) {
            JsonNode download = download(jobs.get(job), "name", "ablate4j-jar");
            // ... and downloading it into `path` puts it where the scripts run it from.
            assertEquals("target/ablate4j.jar", download.get("path").asText() + "/" + inArtifact, job);
        }
        assertEquals("results", upload(jobs.get("run"), "results-${{ matrix.index }}").get("path"));
        assertEquals("shards", download(jobs.get("merge"), "pattern", "results-*").get("path").asText());
        // Rounds: the plan job starts from another run's results, passes them on as results-previous to
        // every shard (whose matrix --shard is decided from them) and to the merge (pattern results-*).
        JsonNode from = download(jobs.get("plan"), "name", "results");
        assertEquals("${{ inputs.from_run }}", from.get("run-id").asText());
        assertEquals("${{ github.token }}", from.get("github-token").asText());
        assertEquals("results", from.get("path").asText());
        assertEquals("results", upload(jobs.get("plan"), "results-previous").get("path"));
        assertEquals("results", download(jobs.get("run"), "name", "results-previous").get("path").asText());
        assertTrue("results-previous".startsWith("results-"), "the merge's pattern takes results-previous too");
        assertEquals("${{ needs.plan.outputs.train == 'true' }}", jobs.get("run").get("if").asText());
        assertEquals("write", new YAMLMapper().readTree(Files.readString(WORKFLOW)).get("permissions").get("actions")
                .asText(), "actions: write to download another run's artifact and to dispatch the next round");
        String run = Files.readString(Path.of("ci/github/run-shard.sh"));
        assertTrue(run.contains("--results results"), "the run job writes what it uploads");
        String merge = Files.readString(Path.of("ci/github/merge.sh"));
        assertTrue(merge.contains("shards=(shards/*/)") && merge.contains("--into results"), "merge reads shards/*");
        String plan2 = Files.readString(Path.of("ci/github/plan.sh"));
        assertTrue(plan2.indexOf("install-mujoco.sh") < plan2.indexOf("./mvnw"), "libmujoco-dev before the build");
        assertTrue(plan2.contains("set -euo pipefail"), "plan fails on the first error");
    }

    /**
     * The MuJoCo version is part of a MuJoCo run's cell id, so the input {@code mujoco} reaches every
     * script that plans or trains, and the next round is dispatched on the same version.
     */
    @Test
    void everyJobThatPlansOrTrainsLoadsTheMujocoOfTheInput() throws IOException {
        JsonNode workflow = new YAMLMapper().readTree(Files.readString(WORKFLOW));
        // YAML 1.1 readers may take the key "on" for the boolean true.
        JsonNode on = workflow.has("on") ? workflow.get("on") : workflow.get("true");
        JsonNode input = on.get("workflow_dispatch").get("inputs").get("mujoco");
        assertEquals("2.2.2", input.get("default").asText());
        assertEquals("${{ inputs.mujoco || '2.2.2' }}", workflow.get("env").get("MUJOCO").asText());
        for (String script : List.of("plan.sh", "run-shard.sh", "next-round.sh")) {
            String text = Files.readString(Path.of("ci/github", script));
            int install = text.indexOf("home=$(bash ci/github/install-mujoco.sh)");
            assertTrue(install >= 0, script + " installs the input's MuJoCo");
            assertTrue(text.indexOf("export MUJOCO_HOME=$home") > install, script + " loads it");
            assertTrue(text.indexOf("-jar target/ablate4j.jar") > text.indexOf("export MUJOCO_HOME=$home"),
                    script + " before java");
        }
        assertTrue(Files.readString(Path.of("ci/github/plan.sh")).contains("-Dmujoco.home=\"$home\""),
                "the plan job builds the shim of a MuJoCo 3 into the jar");
        assertTrue(Files.readString(Path.of("ci/github/next-round.sh")).contains("-f mujoco=\"${MUJOCO:-2.2.2}\""),
                "the next round runs on the same MuJoCo");
    }

    @Test
    void installMujocoRefusesAVersionItCannotInstall() throws Exception {
        assumeTrue(bash(), "SKIPPED: no bash on this machine, so the script cannot run");
        for (String version : List.of("3.14", "4.0.0", "2.3.7", "3.14.0; rm -rf /")) {
            Result r = exec(List.of("bash", "ci/github/install-mujoco.sh"), Map.of("MUJOCO", version));
            assertEquals(2, r.code(), version + ": " + r.output());
            assertTrue(r.output().contains("mujoco '" + version + "' is not allowed: use 2.2.2"), r.output());
        }
    }

    @Test
    void everyShellScriptUnderCiPassesBashN() throws Exception {
        assumeTrue(bash(), "SKIPPED: no bash on this machine, so bash -n cannot run");
        List<Path> scripts;
        try (Stream<Path> s = Files.walk(Path.of("ci"))) {
            scripts = s.filter(p -> p.toString().endsWith(".sh") || p.toString().endsWith(".sbatch")).sorted()
                    .toList();
        }
        assertTrue(scripts.size() >= 10, "found " + scripts);
        for (Path script : scripts) {
            Result r = exec(List.of("bash", "-n", script.toString()), Map.of());
            assertEquals(0, r.code(), "bash -n " + script + ": " + r.output());
        }
        assertEquals(0, exec(List.of("bash", "-n", ".ci/run"), Map.of()).code(), "bash -n .ci/run");
    }

    @Test
    void slurmScriptsRefuseToRunOutsideAnArrayTask(@TempDir Path dir) throws Exception {
        assumeTrue(bash(), "SKIPPED: no bash on this machine, so the scripts cannot run");
        Result template = exec(List.of("bash", "ci/slurm/ablate4j-array.sbatch"),
                Map.of("SPEC", "ablations/quickstart.yaml", "SHARDS", "7"));
        assertEquals(2, template.code(), template.output());
        assertTrue(template.output().contains("submit with --array=1-7"), template.output());

        Path job = dir.resolve("job.sbatch");
        Files.writeString(job, SlurmScript.render(Specs.plan(Specs.twoByTwo("guard")), new SlurmScript.Settings(
                "/abs/spec.yaml", "/abs/results", "/abs/ablate4j.jar", 3, 1, "1:00:00")));
        Result generated = exec(List.of("bash", job.toString()), Map.of());
        assertEquals(2, generated.code(), generated.output());
        assertTrue(generated.output().contains("submit with --array=1-3"), generated.output());
        assertEquals(0, exec(List.of("bash", "-n", job.toString()), Map.of()).code(), "bash -n job.sbatch");

        Result report = exec(List.of("bash", "ci/slurm/ablate4j-report.sbatch"), Map.of());
        assertEquals(1, report.code(), report.output());
        assertTrue(report.output().contains("set RUNS to the results directory of the spec"), report.output());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, String> upload(JsonNode job, String name) {
        for (JsonNode step : job.get("steps")) {
            if (step.path("uses").asText().startsWith("actions/upload-artifact")
                    && step.get("with").get("name").asText().equals(name)) {
                return Map.of("path", step.get("with").get("path").asText().strip());
            }
        }
        throw new AssertionError("no upload of " + name);
    }

    private static JsonNode download(JsonNode job, String key, String value) {
        for (JsonNode step : job.get("steps")) {
            if (step.path("uses").asText().startsWith("actions/download-artifact")
                    && step.get("with").path(key).asText().equals(value)) {
                return step.get("with");
            }
        }
        throw new AssertionError("no download with " + key + " " + value);
    }

    private record Result(int code, String output) {}

    private static boolean bash() {
        return Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash"));
    }

    private static Result exec(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("SLURM_ARRAY_TASK_ID");
        pb.environment().keySet().removeIf(k -> k.equals("SPEC") || k.equals("SHARDS") || k.equals("RUNS"));
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished: " + command);
        return new Result(p.exitValue(), out);
    }
}
