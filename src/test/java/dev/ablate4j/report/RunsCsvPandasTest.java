package dev.ablate4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.stats.IntervalMethod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * runs.csv as a user loads it: pandas reads it and checks it against summary.csv
 * (src/test/resources/report/check_runs_csv.py). pandas is installed into a venv under
 * {@code target/pandas-venv} with {@code python3 -m pip install --retries 0 --timeout 5 pandas};
 * without python3, venv, pip or a network the test is skipped with the reason printed.
 */
class RunsCsvPandasTest {

    @TempDir
    Path tmp;

    private static final Path VENV = Path.of("target", "pandas-venv");

    /** Runs a command; returns its exit code and output, or null when it could not start or timed out. */
    private static String[] run(List<String> cmd, long seconds) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return new String[] {Integer.toString(p.exitValue()),
                new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)};
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void skip(String reason) {
        System.out.println("RunsCsvPandasTest skipped: " + reason);
        Assumptions.abort(reason);
    }

    /** The venv's python with pandas importable, installing it if needed; skips when impossible. */
    private static String pythonWithPandas() {
        String python = VENV.resolve("bin").resolve("python").toString();
        String[] has = Files.isExecutable(Path.of(python)) ? run(List.of(python, "-c", "import pandas"), 60) : null;
        if (has != null && has[0].equals("0")) {
            return python;
        }
        String[] venv = run(List.of("python3", "-m", "venv", VENV.toString()), 120);
        if (venv == null || !venv[0].equals("0")) {
            skip("cannot create a Python venv with python3 -m venv" + (venv == null ? " (no python3?)" : ": " + venv[1].strip()));
        }
        String[] pip = run(List.of(python, "-m", "pip", "install", "--retries", "0", "--timeout", "5", "pandas"), 600);
        if (pip == null || !pip[0].equals("0")) {
            String tail = pip == null ? "timed out" : pip[1].strip();
            skip("pip could not install pandas: " + tail.substring(Math.max(0, tail.length() - 300)));
        }
        return python;
    }

    @Test
    void pandasReadsRunsCsvAndItAgreesWithSummaryCsv() throws IOException {
        Path root = SyntheticResults.standardTree(tmp.resolve("results"));
        Path out = tmp.resolve("report");
        ReportBuilder.build(List.of(root), out, new ReportOptions(3, 500, null, false, IntervalMethod.DEFAULT, Score.FINAL, null, 0));
        String python = pythonWithPandas();
        List<String> cmd = new ArrayList<>(List.of(python, Path.of("src/test/resources/report/check_runs_csv.py")
                .toString(), out.resolve("runs.csv").toString(), out.resolve("summary.csv").toString()));
        String[] r = run(cmd, 120);
        assertTrue(r != null, "the check script did not finish");
        assertEquals("0", r[0], r[1]);
        assertTrue(r[1].startsWith("ok 14 cells, 70 used runs, 4 left out"), r[1]);
    }
}
