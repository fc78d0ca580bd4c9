package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ablate4j.report.SyntheticResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Few seeds are said plainly by {@code report} and {@code compare}, no zero-width
 * interval is printed as if it were one, {@code compare} warns about samples from different
 * environments or step budgets, and bad {@code --resamples}/{@code --interval} are one line, exit 2.
 */
class FewSeedsAndIntervalOptionsTest {

    @TempDir
    Path tmp;

    /** One run in {@code root/spec/<cell>/<env>/seed-s} whose every iteration returns about {@code score}. */
    private static void run(Path root, String cell, String label, String env, int seed, long steps, boolean valueClip,
            boolean rewardScale, double score) {
        Map<String, Object> c = new TreeMap<>(SyntheticResults.ppoConfig());
        c.put("env", env);
        c.put("seed", seed);
        c.put("steps", steps);
        c.put("value-clip", valueClip);
        c.put("reward-scale", rewardScale);
        double[] y = new double[(int) (steps / 2048)]; // one row per iteration of 2048 steps, as a whole run has
        for (int i = 0; i < y.length; i++) {
            y[i] = score + 0.5 * i;
        }
        SyntheticResults.writeRun(root.resolve("s").resolve(cell).resolve(env).resolve("seed-" + seed), c,
                Map.of("spec", "s", "cell", cell, "label", label, "factors", Map.of()), "done", y, true, false, "0.1.0");
    }

    /** A 2×2 factorial on Pendulum, 2 seeds per cell, every run near the random policy's −1,250. */
    private Path twoSeedFactorial() {
        Path root = tmp.resolve("results");
        int cell = 0;
        for (boolean vc : new boolean[] {true, false}) {
            for (boolean rs : new boolean[] {true, false}) {
                String label = cell == 0 ? "ppo" : "ppo" + (vc ? "" : " -value-clip") + (rs ? "" : " -reward-scale");
                for (int s = 0; s < 2; s++) {
                    run(root, "c0" + cell, label, "Pendulum-v1", s, 20480, vc, rs, -1250 + (vc ? 10 : -12) + s);
                }
                cell++;
            }
        }
        return root;
    }

    @Test
    void aTwoSeedReportSaysSoOnItsFirstPageAndUnderItsTablesAndPrintsNoZeroWidthInterval() throws IOException {
        Path out = tmp.resolve("out");
        CommandRun o = CommandRun.of(new ReportCommand(), twoSeedFactorial().toString(), "--out", out.toString(),
                "--resamples", "500");
        assertEquals(0, o.code(), o.err());
        String md = Files.readString(out.resolve("report.md"));
        int overview = md.indexOf("Few seeds: n = 2: too few runs for a reliable interval");
        int firstEnv = md.indexOf("Environment: Pendulum-v1");
        assertTrue(overview >= 0 && overview < firstEnv, md);
        // under the final-return, comparison and main-effects tables as well
        int later = md.indexOf("Few seeds: n = 2", firstEnv);
        int count = 0;
        for (int i = later; i >= 0; i = md.indexOf("Few seeds: n = 2", i + 1)) {
            count++;
        }
        assertTrue(count >= 3, "few-seeds note under " + count + " tables:\n" + md);
        assertTrue(md.contains("Student-t") && md.contains("Welch-t"), "methods named in the captions");
        Matcher m = Pattern.compile("\\[(-?[0-9.e+-]+), (-?[0-9.e+-]+)\\]").matcher(md);
        int intervals = 0;
        while (m.find()) {
            intervals++;
            assertFalse(m.group(1).equals(m.group(2)), "zero-width interval printed: " + m.group());
        }
        assertTrue(intervals > 0, md);
        // the 2 v 2 runs are fully separated: P(improve) 1.00 with its bootstrap [1.00, 1.00] is not shown
        assertFalse(md.contains("[1.00, 1.00]") || md.contains("[0.00, 0.00]"), md);
    }

    @Test
    void reportAcceptsEachIntervalMethodAndNamesItInTheRebuildCommand() throws IOException {
        Path out = tmp.resolve("pct");
        CommandRun o = CommandRun.of(new ReportCommand(), twoSeedFactorial().toString(), "--out", out.toString(),
                "--resamples", "500", "--interval", "percentile");
        assertEquals(0, o.code(), o.err());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("--interval percentile"), md);
        assertTrue(md.contains("percentile bootstrap for means"), md);
    }

    @Test
    void oneAgainstOneFromDifferentEnvironmentsWarnsAndPrintsNoInterval() throws IOException {
        Path root = tmp.resolve("r");
        run(root, "a", "ppo", "Pendulum-v1", 0, 20480, true, true, -1272);
        run(root, "b", "ppo", "MountainCarContinuous-v0", 0, 40960, true, true, 90);
        CommandRun o = CommandRun.of(new CompareCommand(), "--x", root.resolve("s/a").toString(), "--y",
                root.resolve("s/b").toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().contains("compare: warning: n = 1 in X: too few runs for an interval"), o.err());
        assertTrue(o.err().contains("different environments (X: Pendulum-v1; Y: MountainCarContinuous-v0)"), o.err());
        assertTrue(o.err().contains("different step budgets (X: 20480; Y: 40960 steps)"), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertTrue(j.get("ci95_diff_means").get(0).isNull(), o.out());
        assertEquals(4, j.get("warnings").size(), o.out()); // n = 1 twice, environment, budget
        assertEquals("t", j.get("interval").asText());
        assertTrue(j.get("interval_methods").get("ci95_diff_means").asText().startsWith("Welch-t"), o.out());
        CommandRun text = CommandRun.of(new CompareCommand(), "--x", root.resolve("s/a").toString(), "--y",
                root.resolve("s/b").toString(), "--format", "text");
        assertTrue(text.out().contains("95% CI n/a"), text.out());
        assertFalse(text.out().contains("[-1272, -1272]"), text.out());
        assertTrue(text.out().contains("warning") && text.out().contains("Welch-t"), text.out());
    }

    @Test
    void sameEnvironmentAndBudgetWithEnoughRunsGivesNoWarning() throws IOException {
        Path root = tmp.resolve("ok");
        for (int s = 0; s < 5; s++) {
            run(root, "a", "ppo", "Pendulum-v1", s, 20480, true, true, -300 + 7 * s);
            run(root, "b", "ppo-m", "Pendulum-v1", s, 20480, false, false, -500 + 11 * s);
        }
        CommandRun o = CommandRun.of(new CompareCommand(), "--x", root.resolve("s/a").toString(), "--y",
                root.resolve("s/b").toString());
        assertEquals(0, o.code(), o.err());
        assertEquals("", o.err());
        assertEquals(0, new ObjectMapper().readTree(o.out()).get("warnings").size());
    }

    @Test
    void resamplesPastTheBoundAndUnknownMethodsAreOneLineExitCode2() throws IOException {
        Path x = Files.writeString(tmp.resolve("x.csv"), "1\n2\n3\n");
        CommandRun big = CommandRun.of(new CompareCommand(), "--x", x.toString(), "--y", x.toString(), "--resamples",
                "2000000000");
        assertEquals(2, big.code());
        assertEquals("compare: --resamples must be between 100 and 1000000, got 2000000000\n", big.err());
        CommandRun wald = CommandRun.of(new CompareCommand(), "--x", x.toString(), "--y", x.toString(), "--interval", "wald");
        assertEquals(2, wald.code());
        assertEquals("compare: --interval: unknown interval method 'wald'; allowed: t, bootstrap-t, percentile, bca\n",
                wald.err());
        Path root = twoSeedFactorial();
        CommandRun rbig = CommandRun.of(new ReportCommand(), root.toString(), "--out", tmp.resolve("o1").toString(),
                "--resamples", "2000000000");
        assertEquals(2, rbig.code());
        assertEquals(1, rbig.err().lines().count(), rbig.err());
        assertTrue(rbig.err().startsWith("report: --resamples must be between 100 and 1000000"), rbig.err());
        assertFalse(Files.exists(tmp.resolve("o1").resolve("report.md")));
        CommandRun rwald = CommandRun.of(new ReportCommand(), root.toString(), "--out", tmp.resolve("o2").toString(),
                "--interval", "wald");
        assertEquals(2, rwald.code());
        assertEquals(1, rwald.err().lines().count(), rwald.err());
        assertTrue(rwald.err().contains("allowed: t, bootstrap-t, percentile, bca"), rwald.err());
        CommandRun cov = CommandRun.of(new CoverageCommand(), "--interval", "wald");
        assertEquals(2, cov.code());
        assertEquals(1, cov.err().lines().count(), cov.err());
    }

    @Test
    void coverageCommandPrintsItsTableWithRepsSeedAndMonteCarloError() {
        CommandRun o = CommandRun.of(new CoverageCommand(), "--reps", "200", "--n", "3,10", "--interval", "t,percentile",
                "--data", "normal", "--resamples", "200");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("| statistic | data | n | t (default) | percentile |"), o.out());
        assertTrue(o.out().contains("| mean | normal N(0, 1) | 3 |"), o.out());
        assertTrue(o.out().contains("200 samples per cell, 200 bootstrap resamples, seed 0"), o.out());
        assertEquals(o.out(), CommandRun.of(new CoverageCommand(), "--reps", "200", "--n", "3,10", "--interval",
                "t,percentile", "--data", "normal", "--resamples", "200").out());
    }
}
