package dev.ablate4j.cli;

import dev.ablate4j.results.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What {@code plan --emit slurm} does besides printing the script: the jar copy the tasks run, and
 * with {@code --submit} the submission of the array and of the report job chained to it.
 *
 * <p>Jar copy: {@code <results>/.ablate4j-slurm/ablate4j-<first 16 hex digits of its SHA-256>.jar},
 * written once per content (temporary file, then renamed), so a rebuild of {@code target/ablate4j.jar}
 * while tasks wait in the queue does not change the code they run, and the same jar submitted twice
 * is one file. {@code --submit} writes the script next to it ({@code <spec>.sbatch}), runs
 * {@code sbatch --parsable} on it from the working directory (where the task logs go), reads the
 * array job id and submits the report with {@code --dependency=afterok:<id>}.
 */
final class SlurmSubmit {

    /** The directory below the results root that holds the jar copies and submitted scripts. */
    static final String DIR = ".ablate4j-slurm";

    private SlurmSubmit() {}

    /** Copies {@code jar} into {@code results}/{@value #DIR}/ under a content-hashed name; returns the copy. */
    static Path copyJar(Path jar, Path results) {
        Path dir = results.resolve(DIR);
        try {
            String hash = sha256(jar).substring(0, 16);
            Path copy = dir.resolve("ablate4j-" + hash + ".jar");
            if (Files.isRegularFile(copy) && Files.size(copy) == Files.size(jar)) {
                return copy;
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "ablate4j-" + hash + ".", ".jar.tmp");
            try {
                Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return copy;
        } catch (IOException e) {
            throw new BadInputException("--results " + results + ": cannot copy the jar into " + dir + " ("
                    + RunDirectory.reason(e) + ")");
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sbatch executable: {@code command} itself when it names a path, else found on PATH; null if absent. */
    static Path findSbatch(String command) {
        if (command.contains("/")) {
            Path p = Path.of(command);
            return Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path).split(":")) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, command);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** The two job ids. */
    record Submitted(String arrayJob, String reportJob, Path script) {}

    /** Writes {@code script} next to the jar copy and submits it, then the report after it. */
    static Submitted submit(Path sbatch, String script, String specName, Path results, String reportCommand,
            List<String> shared) {
        Path file = results.resolve(DIR).resolve(specName + ".sbatch");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new BadInputException("--results " + results + ": cannot write the script into " + file.getParent()
                    + " (" + RunDirectory.reason(e) + ")");
        }
        AtomicFiles.writeString(file, script);
        String array = run(sbatch, List.of("--parsable", file.toString()), "the array");
        List<String> report = new ArrayList<>(List.of("--parsable", "--dependency=afterok:" + array));
        report.addAll(shared);
        report.addAll(List.of("--job-name=ablate4j-report-" + specName, "--output=ablate4j-" + specName
                + "-report-%j.out", "--wrap", reportCommand));
        String reportJob = run(sbatch, report, "the report job (after array job " + array + ")");
        return new Submitted(array, reportJob, file);
    }

    /** Runs sbatch; its job id, or a one-line refusal with sbatch's own message. */
    private static String run(Path sbatch, List<String> args, String what) {
        List<String> cmd = new ArrayList<>();
        cmd.add(sbatch.toString());
        cmd.addAll(args);
        Process p;
        String out;
        String err;
        try {
            p = new ProcessBuilder(cmd).start();
            p.getOutputStream().close();
            byte[] o = p.getInputStream().readAllBytes();
            byte[] e = p.getErrorStream().readAllBytes();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new BadInputException("--submit: sbatch did not answer in 300 s submitting " + what);
            }
            out = new String(o, StandardCharsets.UTF_8).strip();
            err = new String(e, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new BadInputException("--submit: cannot run " + sbatch + " (" + RunDirectory.reason(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadInputException("--submit: interrupted while submitting " + what);
        }
        String id = out.lines().reduce((a, b) -> b).orElse("").split(";", 2)[0].strip();
        if (p.exitValue() != 0 || !id.matches("[0-9]+")) {
            String said = (err + " " + out).strip().replaceAll("\\s*\\R\\s*", " ");
            throw new BadInputException("--submit: sbatch refused " + what + " (exit " + p.exitValue() + "): "
                    + (said.isEmpty() ? "no message" : said));
        }
        return id;
    }
}
