package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ablate4j.report.Fmt;
import dev.ablate4j.report.SyntheticResults;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report --reference LABEL=FILE} end to end: a tiny results tree (two configs, two
 * environments, five seeds, each run's last five iterations returning exactly the values of
 * {@code reference-sample.json}) against two reference files; the verdict rows' numbers against
 * scipy's ({@code src/test/resources/reference/reference_sample.py}); the report without the
 * option unchanged; the rebuild command reproducing the report; and every bad input refused in one
 * line with exit code 2 and nothing written.
 */
class ReferenceOptionTest {

    @TempDir
    static Path tmp;

    static Path root;
    static Path cleanrl;
    static Path sb3;
    static JsonNode expected;

    @BeforeAll
    static void tree() throws IOException {
        try (InputStream in = ReferenceOptionTest.class.getResourceAsStream("/reference/reference-sample.json")) {
            expected = new ObjectMapper().readTree(in);
        }
        root = tmp.resolve("results");
        Map<String, double[]> baseline = new LinkedHashMap<>();
        Map<String, List<String>> refRows = new LinkedHashMap<>();
        for (JsonNode c : expected.get("cases")) {
            baseline.put(c.get("env").asText(), values(c.get("x")));
            List<String> rows = refRows.computeIfAbsent(c.get("label").asText(), k -> new ArrayList<>());
            double[] y = values(c.get("y"));
            for (int s = y.length - 1; s >= 0; s--) { // written out of seed order: the reader sorts by seed
                rows.add(c.get("env").asText() + "," + (100 + s) + "," + y[s]);
            }
        }
        for (Map.Entry<String, double[]> e : baseline.entrySet()) {
            for (int s = 0; s < e.getValue().length; s++) {
                writeRun("c00", "ppo", true, e.getKey(), s, e.getValue()[s]);
                writeRun("c01", "ppo -value-clip", false, e.getKey(), s, e.getValue()[s] - 20 + 7 * s);
            }
        }
        cleanrl = Files.writeString(tmp.resolve("cleanrl.csv"), "# CleanRL ppo_continuous_action.py, 6 + 5 seeds\n"
                + "# final_return: mean of the last 5 iterations' mean episodic return\n"
                + "env,seed,final_return\n" + String.join("\n", refRows.get("CleanRL script")) + "\n");
        sb3 = Files.writeString(tmp.resolve("sb3.csv"), "env,seed,final_return\n"
                + String.join("\n", refRows.get("SB3")) + "\n");
    }

    private static double[] values(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }

    private static void writeRun(String cellId, String label, boolean valueClip, String env, int seed, double finalReturn) {
        writeRun(root, cellId, label, valueClip, env, seed, finalReturn);
    }

    private static void writeRun(Path root, String cellId, String label, boolean valueClip, String env, int seed,
            double finalReturn) {
        Map<String, Object> config = new TreeMap<>(SyntheticResults.ppoConfig());
        config.put("value-clip", valueClip);
        config.put("env", env);
        config.put("seed", seed);
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("spec", "tiny");
        cell.put("cell", cellId);
        cell.put("label", label);
        cell.put("factors", Map.of());
        double[] curve = new double[SyntheticResults.ITERATIONS];
        Arrays.fill(curve, finalReturn);
        curve[0] = finalReturn - 300;
        SyntheticResults.writeRun(root.resolve("tiny").resolve(cellId).resolve(env).resolve("seed-" + seed), config,
                cell, "done", curve, true, false, "0.1.0");
    }

    private static CommandRun report(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of(root.toString(), "--out", out.toString(), "--resamples", "200",
                "--calibration-reps", "0", "--margin", "100"));
        args.addAll(List.of(extra));
        return CommandRun.of(new ReportCommand(), args.toArray(String[]::new));
    }

    private static List<CSVRecord> csv(String text) throws IOException {
        try (Reader r = new StringReader(text)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    private static CSVRecord row(List<CSVRecord> rows, String env, String comparison) {
        return rows.stream().filter(r -> r.get("env").equals(env) && r.get("comparison").equals(comparison)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + env + " / " + comparison));
    }

    private static void close(double want, String got, String what) {
        assertEquals(want, Double.parseDouble(got), 1e-9 * Math.max(1, Math.abs(want)), what);
    }

    @Test
    void referenceRowsMatchScipyAndLeaveEverythingElseAsItWas() throws IOException {
        Path without = tmp.resolve("without");
        Path with = tmp.resolve("with");
        CommandRun a = report(without);
        assertEquals(0, a.code(), a.err());
        CommandRun b = report(with, "--reference", "CleanRL script=" + cleanrl, "--reference", "SB3=" + sb3);
        assertEquals(0, b.code(), b.err());

        String verdictsWithout = Files.readString(without.resolve("verdicts.csv"));
        String verdictsWith = Files.readString(with.resolve("verdicts.csv"));
        List<CSVRecord> rows = csv(verdictsWith);
        assertEquals(3, rows.stream().filter(r -> r.get("design").equals("reference")).count());
        // the other rows are byte for byte those of the report without --reference
        List<String> lines = verdictsWith.lines().toList();
        StringBuilder kept = new StringBuilder(lines.get(0)).append('\n');
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).get("design").equals("reference")) {
                kept.append(lines.get(i + 1)).append('\n');
            }
        }
        assertEquals(verdictsWithout, kept.toString());
        for (String f : List.of("summary.csv", "runs.csv")) {
            assertEquals(Files.readString(without.resolve(f)), Files.readString(with.resolve(f)), f);
        }
        String mdWithout = Files.readString(without.resolve("report.md"));
        assertFalse(mdWithout.contains("Against another implementation") || mdWithout.contains("--reference"));

        List<CSVRecord> runs = csv(Files.readString(with.resolve("runs.csv")));
        TTest commonsMath = new TTest();
        for (JsonNode c : expected.get("cases")) {
            String env = c.get("env").asText();
            String label = c.get("label").asText();
            double[] x = values(c.get("x"));
            double[] y = values(c.get("y"));
            double[] used = runs.stream().filter(r -> r.get("env").equals(env) && r.get("cell_label").equals("ppo"))
                    .mapToDouble(r -> Double.parseDouble(r.get("final_return"))).sorted().toArray();
            assertEquals(Arrays.toString(Arrays.stream(x).sorted().toArray()), Arrays.toString(used),
                    "the baseline's final returns are the scipy case's x");
            CSVRecord r = row(rows, env, "ppo vs " + label);
            assertEquals(List.of("reference", "tiny", "c00", "ppo", "", "", label, "" + x.length, "" + y.length),
                    List.of(r.get("design"), r.get("x_spec"), r.get("x_cell"), r.get("x_label"), r.get("y_spec"),
                            r.get("y_cell"), r.get("y_label"), r.get("n_x"), r.get("n_y")));
            close(c.get("diff").asDouble(), r.get("estimate"), "estimate");
            close(c.get("ci_lo").asDouble(), r.get("ci95_lo"), "Welch-t interval, low");
            close(c.get("ci_hi").asDouble(), r.get("ci95_hi"), "Welch-t interval, high");
            close(c.get("welch_p").asDouble(), r.get("welch_p_holm"), "Welch p, not Holm-adjusted");
            close(commonsMath.tTest(x, y), r.get("welch_p_holm"), "Welch p (commons-math3)");
            assertEquals("100", r.get("margin"));
            close(c.get("tost_p").asDouble(), r.get("tost_p"), "TOST p");
            close(c.get("smallest_margin").asDouble(), r.get("smallest_equivalence_margin"), "smallest margin");
            boolean decided = c.get("welch_p").asDouble() < 0.05;
            String verdict = decided ? "decided" : c.get("tost_p").asDouble() < 0.05 ? "equivalent"
                    : "not shown equivalent";
            assertEquals(verdict, r.get("verdict"), r.toString());
            assertEquals(decided ? (c.get("diff").asDouble() > 0 ? "ppo higher" : label + " higher") : "",
                    r.get("direction"));
            assertTrue(r.get("rule").startsWith("Welch p ") && r.get("rule").contains(
                    "(a single comparison, not in the Holm family)"), r.get("rule"));
            assertEquals("", r.get("reused_from") + r.get("retest_false_positive_rate"));
        }
        // the cases cover each verdict a reference can get here
        assertEquals("equivalent", row(rows, "Pendulum-v1", "ppo vs CleanRL script").get("verdict"));
        assertEquals("ppo higher", row(rows, "MountainCarContinuous-v0", "ppo vs CleanRL script").get("direction"));
        // the fixed row keeps its Holm family: one config against the baseline, as without --reference
        assertEquals(row(csv(verdictsWithout), "Pendulum-v1", "ppo -value-clip vs ppo").get("welch_p_holm"),
                row(rows, "Pendulum-v1", "ppo -value-clip vs ppo").get("welch_p_holm"));

        String md = Files.readString(with.resolve("report.md"));
        String section = md.substring(md.indexOf("## Against another implementation"));
        section = section.substring(0, section.indexOf("\n## ", 5));
        JsonNode pendulum = expected.get("cases").get(0);
        assertTrue(section.contains("| Pendulum-v1 | CleanRL script | " + cleanrl + " | 6 | "
                + Fmt.num(pendulum.get("y_mean").asDouble()) + " | [" + Fmt.num(pendulum.get("y_mean_lo").asDouble())
                + ", " + Fmt.num(pendulum.get("y_mean_hi").asDouble()) + "] |"), section);
        assertTrue(section.contains("# CleanRL ppo_continuous_action.py, 6 + 5 seeds\n"
                + "# final_return: mean of the last 5 iterations' mean episodic return"), section);
        assertTrue(section.contains("Where SB3 came from: " + sb3 + " has no comment lines"), section);
        assertTrue(section.contains("equivalent within ±100"), section);
        assertTrue(md.contains("A comparison with another implementation's sample (report --reference)"));
        assertTrue(md.contains(" --reference 'CleanRL script=" + cleanrl + "' --reference SB3=" + sb3 + "\n"),
                "the rebuild command names both references");
        assertTrue(Files.size(with.resolve("report.pdf")) > 0);
    }

    @Test
    void theRebuildCommandReproducesTheReport() throws IOException {
        Path out = tmp.resolve("rebuilt");
        CommandRun first = report(out, "--reference", "CleanRL script=" + cleanrl, "--reference", "SB3=" + sb3);
        assertEquals(0, first.code(), first.err());
        String md = Files.readString(out.resolve("report.md"));
        String verdicts = Files.readString(out.resolve("verdicts.csv"));
        String prefix = "java -jar target/ablate4j.jar report ";
        String command = md.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
        CommandRun again = CommandRun.of(new ReportCommand(), shellWords(command.substring(prefix.length())));
        assertEquals(0, again.code(), again.err());
        assertEquals(md, Files.readString(out.resolve("report.md")));
        assertEquals(verdicts, Files.readString(out.resolve("verdicts.csv")));
    }

    /** Splits a command line as a POSIX shell does for plain words and single-quoted strings. */
    private static String[] shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char ch : line.toCharArray()) {
            if (quoted) {
                if (ch == '\'') {
                    quoted = false;
                } else {
                    w.append(ch);
                }
            } else if (ch == '\'') {
                quoted = true;
                any = true;
            } else if (ch == ' ') {
                if (any || w.length() > 0) {
                    words.add(w.toString());
                }
                w.setLength(0);
                any = false;
            } else {
                w.append(ch);
            }
        }
        if (any || w.length() > 0) {
            words.add(w.toString());
        }
        return words.toArray(String[]::new);
    }

    private void refused(String expectedError, String... args) {
        Path out = tmp.resolve("refused");
        CommandRun r = report(out, args);
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals("report: " + expectedError, r.err().strip());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void badReferencesAreOneLineExitCode2AndWriteNothing() throws IOException {
        Path missing = tmp.resolve("missing.csv");
        refused("--reference CleanRL: " + missing + ": no such file", "--reference", "CleanRL=" + missing);
        refused("--reference CleanRL: " + tmp + ": not a regular file", "--reference", "CleanRL=" + tmp);
        Path header = Files.writeString(tmp.resolve("header.csv"), "env,seed,return\nPendulum-v1,0,1\n");
        refused("--reference CleanRL: " + header + " line 1: the header must be env,seed,final_return, found"
                + " env,seed,return", "--reference", "CleanRL=" + header);
        Path text = Files.writeString(tmp.resolve("text.csv"), "env,seed,final_return\nPendulum-v1,0,-150\n"
                + "Pendulum-v1,1,high\n");
        refused("--reference CleanRL: " + text + " line 3: final_return must be a finite decimal number, got 'high'",
                "--reference", "CleanRL=" + text);
        Path nan = Files.writeString(tmp.resolve("nan.csv"), "env,seed,final_return\nPendulum-v1,0,NaN\n");
        refused("--reference CleanRL: " + nan + " line 2: final_return must be a finite decimal number, got 'NaN'",
                "--reference", "CleanRL=" + nan);
        Path inf = Files.writeString(tmp.resolve("inf.csv"), "env,seed,final_return\nPendulum-v1,0,-inf\n");
        refused("--reference CleanRL: " + inf + " line 2: final_return must be a finite decimal number, got '-inf'",
                "--reference", "CleanRL=" + inf);
        Path twice = Files.writeString(tmp.resolve("twice.csv"), "# c\nenv,seed,final_return\nPendulum-v1,4,-150\n"
                + "Pendulum-v1,4,-151\n");
        refused("--reference CleanRL: " + twice + " line 4: Pendulum-v1 seed 4 appears twice (first on line 3); one"
                + " row per run", "--reference", "CleanRL=" + twice);
        refused("--reference '=" + cleanrl + "': the LABEL before '=' is empty; name the sample, e.g. --reference"
                + " 'CleanRL script=cleanrl.csv'", "--reference", "=" + cleanrl);
        refused("--reference '  =" + cleanrl + "': the LABEL before '=' is empty; name the sample, e.g. --reference"
                + " 'CleanRL script=cleanrl.csv'", "--reference", "  =" + cleanrl);
        refused("--reference '" + cleanrl + "': expected LABEL=FILE (a name for the sample, '=', a CSV file with"
                + " header env,seed,final_return)", "--reference", cleanrl.toString());
        refused("--reference 'CleanRL=': the FILE after '=' is empty", "--reference", "CleanRL=");
        String configs = "(configs: ppo, ppo -value-clip)";
        refused("--reference ppo (" + cleanrl + "): the label 'ppo' is a config's label in this report; choose another "
                + configs, "--reference", "ppo=" + cleanrl);
        refused("--reference PPO -Value-Clip (" + cleanrl + "): the label 'PPO -Value-Clip' is a config's label in"
                + " this report; choose another " + configs, "--reference", "PPO -Value-Clip=" + cleanrl);
        refused("--reference cleanrl (" + sb3 + "): the label 'cleanrl' is given twice; each reference needs its own"
                + " label", "--reference", "CleanRL=" + cleanrl, "--reference", "cleanrl=" + sb3);
        Path hopper = Files.writeString(tmp.resolve("hopper.csv"), "env,seed,final_return\nPendulum-v1,0,-150\n"
                + "Hopper-v4,0,2500\n");
        refused("--reference CleanRL (" + hopper + "): environment Hopper-v4 has no runs in this report (its"
                + " environments: MountainCarContinuous-v0, Pendulum-v1)", "--reference", "CleanRL=" + hopper);
        refused("--reference compares final returns; it cannot be used with --score eval", "--score", "eval",
                "--reference", "CleanRL=" + cleanrl);
        Path solo = tmp.resolve("solo");
        for (int s = 0; s < 3; s++) {
            writeRun(solo, "c09", "solo", true, "Pendulum-v1", s, -100 - s);
        }
        refused("--reference CleanRL (" + cleanrl + "): the baseline 'solo' has no runs in MountainCarContinuous-v0 to"
                + " compare with; choose one that has with --baseline", solo.toString(), "--baseline", "solo",
                "--reference", "CleanRL=" + cleanrl);
    }

    @Test
    void aSampleOfOneRunIsComparedButNoTestIsComputable() throws IOException {
        Path one = Files.writeString(tmp.resolve("one.csv"), "env,seed,final_return\nPendulum-v1,0,-170\n");
        Path out = tmp.resolve("one");
        CommandRun r = report(out, "--reference", "one run=" + one);
        assertEquals(0, r.code(), r.err());
        CSVRecord row = row(csv(Files.readString(out.resolve("verdicts.csv"))), "Pendulum-v1", "ppo vs one run");
        assertEquals(List.of("5", "1", "", "", "", "not shown equivalent"), List.of(row.get("n_x"), row.get("n_y"),
                row.get("ci95_lo"), row.get("welch_p_holm"), row.get("tost_p"), row.get("verdict")));
        assertTrue(row.get("rule").startsWith("Welch test not computable; TOST"), row.get("rule"));
    }

    @Test
    void theHelpNamesTheOption() {
        CommandRun help = CommandRun.of(new ReportCommand(), "--help");
        assertTrue(help.out().contains("--reference=<sample>"), help.out());
        assertTrue(help.out().contains("LABEL=FILE: compare the"), help.out());
    }
}
