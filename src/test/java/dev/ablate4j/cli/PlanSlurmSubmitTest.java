package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code plan --emit slurm} with --account, --partition, --mem and --time (checked),
 * the jar copy the tasks run, and --submit chaining the report with afterok (against a stand-in sbatch;
 * ci/slurm/test-local.sh does it on a real Slurm).
 */
class PlanSlurmSubmitTest {

    @TempDir
    Path tmp;

    private record Outcome(int code, String out, String err) {}

    private Outcome plan(String sbatch, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream sysErr = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        int code;
        try {
            System.setOut(new PrintStream(out, true));
            System.setErr(new PrintStream(sysErr, true));
            CommandLine cl = Main.commandLine();
            cl.setErr(new PrintWriter(err, true));
            if (sbatch != null) {
                ((PlanCommand) cl.getSubcommands().get("plan").getCommand()).sbatch = sbatch;
            }
            List<String> all = new ArrayList<>(List.of("plan", "ci/ci-tiny.yaml", "--emit", "slurm", "--shards", "2"));
            all.addAll(List.of(args));
            code = cl.execute(all.toArray(String[]::new));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Outcome(code, out.toString(), err.toString() + sysErr);
    }

    private Path jar(String content) throws Exception {
        Path jar = tmp.resolve("target/ablate4j.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, content);
        return jar;
    }

    @Test
    void accountPartitionMemAndTimeReachTheScriptAndTheReportStep() throws Exception {
        Path results = tmp.resolve("results");
        Outcome o = plan(null, "--results", results.toString(), "--jar", jar("v1").toString(), "--account", "proj-7",
                "--partition", "cpu,long", "--mem", "4G", "--time", "2-00:00:00");
        assertEquals(0, o.code(), o.err());
        String script = o.out();
        for (String line : List.of("#SBATCH --account=proj-7", "#SBATCH --partition=cpu,long", "#SBATCH --mem=4G",
                "#SBATCH --time=2-00:00:00")) {
            assertTrue(script.lines().anyMatch(line::equals), line + " in\n" + script);
        }
        assertTrue(script.contains("#   sbatch --dependency=afterok:$jid --account=proj-7 --partition=cpu,long"
                + " --job-name=ablate4j-report --wrap "), script);
        Outcome plain = plan(null, "--results", results.toString(), "--jar", jar("v1").toString());
        assertFalse(plain.out().contains("--mem") || plain.out().contains("--account")
                || plain.out().contains("--partition"), plain.out());
    }

    @Test
    void badSlurmValuesExitTwoWithOneLineAndWriteNothing() throws Exception {
        Path results = tmp.resolve("results");
        String[][] rows = {
            {"--mem", "4GB", "--mem: '4GB' is not a Slurm memory size"},
            {"--mem", "-1", "--mem: '-1' is not a Slurm memory size"},
            {"--time", "24h", "--time: '24h' is not a Slurm time limit"},
            {"--time", "1:2:3:4", "--time: '1:2:3:4' is not a Slurm time limit"},
            {"--account", "a b", "--account: 'a b' is not a Slurm account name"},
            {"--partition", "cpu,", "--partition: 'cpu,' is not a Slurm partition name"},
            {"--partition", "x;rm -rf", "--partition: 'x;rm -rf' is not"}};
        for (String[] row : rows) {
            Outcome o = plan(null, "--results", results.toString(), "--jar", jar("v1").toString(), row[0], row[1]);
            assertEquals(ExitCodes.BAD_INPUT, o.code(), o.err());
            assertEquals(1, o.err().strip().lines().count(), o.err());
            assertTrue(o.err().startsWith("error: " + row[2]), o.err());
            assertEquals("", o.out());
            assertFalse(Files.exists(results), "nothing written");
        }
        for (String time : List.of("90", "1:30", "24:00:00", "2-0", "2-12:30", "1-00:00:00", "UNLIMITED")) {
            assertEquals(0, plan(null, "--results", results.toString(), "--no-jar-copy", "--time", time).code(), time);
        }
    }

    @Test
    void theTasksRunACopyOfTheJarThatARebuildDoesNotChange() throws Exception {
        Path results = tmp.resolve("results");
        Path jar = jar("the jar as built first");
        Outcome first = plan(null, "--results", results.toString(), "--jar", jar.toString());
        assertEquals(0, first.code(), first.err());
        Matcher m = Pattern.compile("-jar '(" + Pattern.quote(results.resolve(SlurmSubmit.DIR).toString())
                + "/ablate4j-[0-9a-f]{16}\\.jar)' matrix").matcher(first.out());
        assertTrue(m.find(), first.out());
        Path copy = Path.of(m.group(1));
        assertArrayEquals(Files.readAllBytes(jar), Files.readAllBytes(copy));
        assertTrue(first.out().contains("report -jar") || first.out().contains("java -jar '\\''" + copy), first.out());

        Files.writeString(jar, "rebuilt while the tasks wait");
        assertEquals("the jar as built first", Files.readString(copy), "a rebuild leaves the copy alone");
        Outcome second = plan(null, "--results", results.toString(), "--jar", jar.toString());
        Matcher m2 = Pattern.compile("-jar '([^']+)' matrix").matcher(second.out());
        assertTrue(m2.find(), second.out());
        assertNotEquals(copy.toString(), m2.group(1), "another build, another copy");
        Outcome again = plan(null, "--results", results.toString(), "--jar", jar.toString());
        assertTrue(again.out().contains("-jar '" + m2.group(1) + "' matrix"), "the same build, the same copy");
        try (var s = Files.list(results.resolve(SlurmSubmit.DIR))) {
            assertEquals(2, s.count());
        }
    }

    @Test
    void submitRunsSbatchAndChainsTheReportWithAfterok() throws Exception {
        Path results = tmp.resolve("results");
        Path log = tmp.resolve("sbatch.log");
        Path counter = tmp.resolve("count");
        Path sbatch = tmp.resolve("bin/sbatch");
        Files.createDirectories(sbatch.getParent());
        Files.writeString(sbatch, """
                #!/bin/bash
                printf '%%s\\n' "$*" >> %s
                n=$(cat %s 2>/dev/null || echo 0); n=$((n + 1)); echo $n > %s
                if [ $n = 1 ]; then echo "4242;cluster"; else echo 4243; fi
                """.formatted(log, counter, counter));
        Files.setPosixFilePermissions(sbatch, PosixFilePermissions.fromString("rwxr-xr-x"));
        Outcome o = plan(sbatch.toString(), "--results", results.toString(), "--jar", jar("v1").toString(),
                "--account", "acc", "--submit");
        assertEquals(0, o.code(), o.err());
        assertEquals("array-job 4242\nreport-job 4243\n", o.out());
        List<String> calls = Files.readAllLines(log);
        assertEquals(2, calls.size(), calls.toString());
        Path script = results.resolve(SlurmSubmit.DIR).resolve("ci-tiny.sbatch");
        assertEquals("--parsable " + script, calls.get(0));
        assertTrue(Files.readString(script).contains("#SBATCH --account=acc"));
        String report = calls.get(1);
        assertTrue(report.startsWith("--parsable --dependency=afterok:4242 --account=acc --job-name=ablate4j-report-"
                + "ci-tiny --output=ablate4j-ci-tiny-report-%j.out --wrap java -jar '"
                + results.resolve(SlurmSubmit.DIR)), report);
        assertTrue(report.endsWith(" report '" + results.resolve("ci-tiny") + "' --out '" + results.resolve(
                "ci-tiny-report") + "'"), report);
    }

    @Test
    void submitWithoutSbatchExitsTwoWithOneLine() throws Exception {
        Path results = tmp.resolve("results");
        Outcome o = plan("sbatch-that-is-not-installed", "--results", results.toString(), "--jar",
                jar("v1").toString(), "--submit");
        assertEquals(ExitCodes.BAD_INPUT, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("--submit: sbatch-that-is-not-installed is not on PATH"), o.err());
        assertFalse(Files.exists(results), "nothing written");
        Outcome list = plan(null, "--emit", "list", "--submit");
        assertEquals(ExitCodes.BAD_INPUT, list.code(), list.err());
        assertTrue(list.err().contains("--submit: only with --emit slurm"), list.err());
    }
}
