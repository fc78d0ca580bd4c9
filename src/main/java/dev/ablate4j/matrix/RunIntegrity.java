package dev.ablate4j.matrix;

import dev.ablate4j.run.AtomicFiles;
import dev.ablate4j.run.RunFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Whether a finished run's {@code metrics.csv} is whole: it ends with a newline, every row has the
 * header's number of fields, and a done run has one row per iteration of its {@code config.json}
 * (ceil(steps / rollout-steps)). A file cut short (a copy interrupted, a disk that filled up) beside
 * a {@code DONE} marker is caught here rather than merged.
 */
final class RunIntegrity {

    private RunIntegrity() {}

    /** Null when the run looks whole, else what is wrong with it. */
    static String problem(Path run, boolean done) {
        Path metrics = run.resolve(RunFiles.METRICS);
        if (!Files.isRegularFile(metrics)) {
            return "no metrics.csv";
        }
        String text;
        try {
            text = Files.readString(metrics, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "metrics.csv unreadable (" + e.getMessage() + ")";
        }
        if (!text.endsWith("\n")) {
            return "metrics.csv is truncated (its last line is cut off)";
        }
        List<String> lines = text.lines().toList();
        int fields = fields(lines.get(0));
        for (int i = 1; i < lines.size(); i++) {
            if (fields(lines.get(i)) != fields) {
                return "metrics.csv line " + (i + 1) + " has " + fields(lines.get(i)) + " fields, not " + fields;
            }
        }
        if (done) {
            Long expected = iterations(run);
            if (expected != null && lines.size() - 1 != expected) {
                return "metrics.csv is truncated: " + (lines.size() - 1) + " rows, but config.json trains "
                        + expected + " iterations";
            }
        }
        return null;
    }

    private static int fields(String line) {
        return line.split(",", -1).length;
    }

    private static Long iterations(Path run) {
        try {
            Map<String, Object> config = AtomicFiles.readJson(run.resolve(RunFiles.CONFIG));
            if (config.get("steps") instanceof Number steps && config.get("rollout-steps") instanceof Number t
                    && t.longValue() > 0) {
                return (steps.longValue() + t.longValue() - 1) / t.longValue();
            }
        } catch (UncheckedIOException e) {
            return null;
        }
        return null;
    }
}
