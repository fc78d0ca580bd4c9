package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.results.CellRecord;
import dev.ablate4j.results.SpecRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec with a bundle factor as a user runs it: plan, matrix and report of a tiny one-at-a-time
 * study whose bundle sets gamma and the value LR together; and bad bundles refused by plan and
 * matrix with exit 2, one line, nothing written.
 */
class BundleStudyTest {

    @TempDir
    Path tmp;

    static final String LABEL = "ppo, tweak (gamma 0.95, value-lr 0.001)";

    private static final String SPEC = """
            name: bundle-study
            design: one-at-a-time
            base: {preset: ppo, rollout-steps: 64, minibatches: 4, epochs: 1, hidden: [4]}
            factors:
              value-clip: [true, false]
              tweak:
                - {}
                - {gamma: 0.95, value-lr: 1.0e-3}
            envs: [Pendulum-v1]
            seeds: 2
            steps: 256
            """;

    @Test
    void aBundleStudyRunsAndItsReportNamesTheBundleCell() throws Exception {
        Path spec = tmp.resolve("bundle-study.yaml");
        Files.writeString(spec, SPEC);
        MatrixBadInputTest.Outcome plan = MatrixBadInputTest.run("plan", spec.toString());
        assertEquals(0, plan.code(), plan.err());
        assertEquals(3 * 2, plan.out().lines().count(), plan.out());
        assertTrue(plan.out().lines().anyMatch(l -> l.endsWith("\t" + LABEL)), plan.out());

        Path results = tmp.resolve("results");
        MatrixCommandTest.Result m = MatrixCommandTest.matrix(null, spec.toString(), "--results", results.toString(),
                "--quiet", "--workers", "2");
        assertEquals(0, m.code(), m.out() + m.err());
        SpecRecord record = SpecRecord.read(results.resolve("bundle-study"));
        assertEquals(List.of("ppo", "ppo, no value clipping", LABEL),
                record.cells().stream().map(SpecRecord.CellRef::label).toList());
        String bundleCell = record.cells().get(2).id();
        Path run = results.resolve("bundle-study").resolve(bundleCell).resolve("Pendulum-v1/seed-0");
        CellRecord cell = CellRecord.read(CellRecord.file(run), "cell.json");
        assertEquals(Map.of("gamma", 0.95, "value-lr", 0.001), cell.factors().get("tweak"));
        assertEquals(List.of("tweak"), cell.varied());
        String config = Files.readString(run.resolve("config.json"));
        assertTrue(config.contains("\"gamma\" : 0.95") && config.contains("\"value-lr\" : 0.001"), config);

        Path out = tmp.resolve("rep");
        CommandRun r = CommandRun.of(new ReportCommand(), results.resolve("bundle-study").toString(), "--out",
                out.toString(), "--resamples", "200");
        assertEquals(0, r.code(), r.err());
        List<String> verdicts = Files.readAllLines(out.resolve("verdicts.csv"));
        assertTrue(verdicts.stream().anyMatch(l -> l.startsWith("Pendulum-v1,\"" + LABEL + " vs ppo\"")),
                String.join("\n", verdicts));
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("| Pendulum-v1 | " + LABEL + " vs ppo |"), "the verdict table names the bundle cell");
    }

    @Test
    void badBundlesGiveOneLineExitTwoAndWriteNothing() throws IOException {
        Map<String, String> cases = Map.of(
                "- {}\n    - 0.95", "factors: tweak: level 2: expected a mapping of config keys to values",
                "- {}", "factors: tweak: every level is empty ({})",
                "- {gama: 0.95}", "factors: tweak: level 1: unknown key 'gama' (did you mean 'gamma'?); allowed:",
                "- {gamma: 2}", "factors: tweak: level 1: gamma: '2' is not a number in [0, 1]",
                "- {value-clip: false}", "factors: tweak: level 1: value-clip: 'value-clip' is also a factor of its own",
                "- {minibatches: 5}", "factors {tweak=level 1 {minibatches: 5}}: minibatches: 5 does not divide"
                        + " rollout-steps 64");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path spec = tmp.resolve("spec.yaml");
            Files.writeString(spec, SPEC.replace("- {}\n    - {gamma: 0.95, value-lr: 1.0e-3}", c.getKey()));
            for (String command : new String[] {"matrix", "plan"}) {
                Path results = tmp.resolve("results-" + command);
                MatrixBadInputTest.Outcome o = MatrixBadInputTest.run(command, spec.toString(), "--results",
                        results.toString());
                assertEquals(ExitCodes.BAD_INPUT, o.code(), c.getKey() + ": " + o.err());
                String text = o.err().strip();
                assertEquals(1, text.lines().count(), text);
                assertEquals("error: " + spec + ": " + c.getValue(), text.substring(0, Math.min(text.length(),
                        ("error: " + spec + ": " + c.getValue()).length())), text);
                assertEquals("", o.out());
                assertFalse(Files.exists(results), "nothing written");
            }
        }
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(tmp.resolve("spec.yaml")), left.toList());
        }
    }
}
