package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.adaptive.Decision;
import dev.ablate4j.adaptive.RuleFile;
import dev.ablate4j.matrix.EnvCheck;
import dev.ablate4j.matrix.Expansion;
import dev.ablate4j.matrix.Plan;
import dev.ablate4j.report.Fmt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main-effects target end to end on tiny Pendulum runs: matrix records it, plan --next-round
 * and the report state each effect's verdict, and bad uses are one line with exit 2.
 */
class MainEffectsMatrixTest {

    @TempDir
    Path tmp;

    /** A 2 x 2 factorial of switches, 2 to 3 seeds: 12 runs at most. */
    static final String SPEC = """
            name: fe
            base: {preset: ppo, rollout-steps: 64, minibatches: 4, epochs: 1, hidden: [4]}
            design: factorial
            factors:
              value-clip: [true, false]
              lr-anneal: [true, false]
            envs: [Pendulum-v1]
            seeds: {min: 2, max: 3, step: 1, until: {main-effects: decided}}
            steps: 256
            """;

    @Test
    void matrixRecordsTheTargetAndThePlanAndTheReportStateEachEffect() throws Exception {
        Path spec = Files.writeString(tmp.resolve("fe.yaml"), SPEC);
        Path results = tmp.resolve("r");
        MatrixBadInputTest.Outcome m = MatrixBadInputTest.run("matrix", spec.toString(), "--results",
                results.toString(), "--quiet");
        assertEquals(0, m.code(), m.err());
        String rule = Files.readString(results.resolve("fe").resolve(RuleFile.NAME));
        assertTrue(rule.contains("\"main-effects\" : \"decided\""), rule);
        assertTrue(rule.contains("\"levels\" : {\n      \"value-clip\" : false,\n      \"lr-anneal\" : true\n    }"), rule);

        Plan full = Expansion.load(spec, EnvCheck.RUNNABLE, Expansion.DEFAULT_MAX_RUNS);
        Decision d = NextRound.decider(full).decide(full.specDir(results));
        assertTrue(d.complete());
        assertEquals(2, d.effects().size());

        MatrixBadInputTest.Outcome next = MatrixBadInputTest.run("plan", spec.toString(), "--results",
                results.toString(), "--next-round");
        assertEquals(0, next.code(), next.err());
        assertEquals("", next.out());
        for (Decision.EffectState e : d.effects()) {
            assertTrue(next.err().contains(String.format("  %-14s %-28s %s%n", "Pendulum-v1",
                    "main effect " + e.factor(), e.describe(d.looks().length))), next.err());
        }

        Path out = tmp.resolve("report");
        MatrixBadInputTest.Outcome rep = MatrixBadInputTest.run("report", results.resolve("fe").toString(), "--out",
                out.toString());
        assertEquals(0, rep.code(), rep.err());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("Rule: seeds: min 2, max 3, step 1, until {main-effects: decided}. Looks at 2, 3 seeds"
                + " per cell. Main effects: each factor's mean final return on minus off"), md);
        for (Decision.EffectState e : d.effects()) {
            String row = "| Pendulum-v1 | " + e.factor() + " | " + e.describe(d.looks().length).replace(">=", "\\>=");
            assertTrue(md.lines().anyMatch(l -> l.startsWith(row.substring(0, row.indexOf(" (")))
                    && l.contains("| " + Fmt.num(e.estimate()) + " |")), row + "\n" + md);
            if (e.look() == d.looks().length - 1) {
                // at the last look every run enters: the effect is the report's main effect of all runs
                long same = md.lines().filter(l -> l.contains("| " + Fmt.num(e.estimate()) + " |")).count();
                assertTrue(same >= 2, "the adaptive table and the main-effects table agree: " + md);
            }
        }

        // verdicts.csv: one row per main effect, the report's effect and interval, the design's verdict
        List<String> verdicts = Files.readAllLines(out.resolve("verdicts.csv"));
        String effectsTable = md.substring(md.indexOf("| optimization | runs on | runs off |"));
        for (Decision.EffectState e : d.effects()) {
            String row = verdicts.stream().filter(l -> l.startsWith("Pendulum-v1,main effect " + e.factor()
                    + " (on − off),adaptive: fe,,,,,,,,,")).findFirst().orElseThrow(() -> new AssertionError(
                            e.factor() + " row missing: " + verdicts));
            // the design's verdict, then the family-wise reading of its effects (two here)
            assertTrue(row.contains("\"group-sequential boundary" + (e.verdict() == Decision.Verdict.DECIDED ? ": "
                    : " not crossed: ") + e.describe(d.looks().length).replace(">=", "≥") + "; "), row);
            assertTrue(row.contains("family-wise over 2 main effects (Bonferroni: α = 0.05 / 2 = 0.025 each)"), row);
            String mdRow = md.lines().filter(l -> l.startsWith("| Pendulum-v1 | main effect " + e.factor() + " (on − off) |"))
                    .findFirst().orElseThrow();
            String ci = mdRow.split(" \\| ")[6];
            assertTrue(effectsTable.lines().limit(6).anyMatch(l -> l.endsWith("| " + ci + " |")),
                    "the verdict's interval is the main-effects table's: " + ci + "\n" + effectsTable);
        }

        // a report over a hand-edited rule file: one line naming the file, exit 2
        Path file = results.resolve("fe").resolve(RuleFile.NAME);
        Files.writeString(file, rule.replace("\"main-effects\" : \"decided\"", "\"main-effects\" : \"soon\""));
        MatrixBadInputTest.Outcome edited = MatrixBadInputTest.run("report", results.resolve("fe").toString(), "--out",
                tmp.resolve("out").toString());
        assertEquals(2, edited.code(), edited.err());
        assertEquals(1, edited.err().strip().lines().count(), edited.err());
        assertTrue(edited.err().contains(file + ": seeds: until: main-effects is 'soon'; the only value is decided"),
                edited.err());
    }

    @Test
    void badUsesAreOneLineWithExitTwo() throws Exception {
        Path oneAtATime = Files.writeString(tmp.resolve("o.yaml"), SPEC.replace("design: factorial",
                "design: one-at-a-time"));
        MatrixBadInputTest.Outcome plan = MatrixBadInputTest.run("plan", oneAtATime.toString());
        assertEquals(2, plan.code());
        assertEquals("error: " + oneAtATime + ": seeds: until: main-effects: needs design: factorial; this spec's design is"
                + " one-at-a-time (a main effect pools every combination of the other factors)", plan.err().strip());
        Path lr = Files.writeString(tmp.resolve("lr.yaml"), SPEC.replace("lr-anneal: [true, false]",
                "policy-lr: [0.001, 0.0003]"));
        MatrixBadInputTest.Outcome matrix = MatrixBadInputTest.run("matrix", lr.toString(), "--results",
                tmp.resolve("r").toString());
        assertEquals(2, matrix.code());
        assertEquals(1, matrix.err().strip().lines().count(), matrix.err());
        assertTrue(matrix.err().contains("factor 'policy-lr' has levels [0.001, 3.0E-4], not [true, false]"),
                matrix.err());
        assertFalse(Files.exists(tmp.resolve("r").resolve("fe")), "nothing written");

    }
}
