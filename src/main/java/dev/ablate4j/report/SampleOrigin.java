package dev.ablate4j.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a results-directory sample of {@code compare} came from: the environments and step budgets
 * of its runs (from their {@code config.json}), so two samples that measure different things can be
 * flagged. A CSV sample has no known origin.
 *
 * @param envs  environment ids of the used runs
 * @param steps step budgets of the used runs, as text ("" when a run does not record one)
 */
public record SampleOrigin(Set<String> envs, Set<String> steps) {

    /** The origin of a results directory, or null for a file (nothing known). */
    public static SampleOrigin of(Path path) {
        if (!Files.isDirectory(path)) {
            return null;
        }
        Set<String> envs = new TreeSet<>();
        Set<String> steps = new TreeSet<>();
        for (Run r : ResultsReader.read(List.of(path)).runs()) {
            envs.add(r.env());
            double s = r.number("steps");
            steps.add(Double.isFinite(s) ? Fmt.compact(s) : "");
        }
        return new SampleOrigin(envs, steps);
    }

    /**
     * Warnings for comparing a sample from {@code x} with one from {@code y}: different environments
     * or different step budgets. Empty when they match or either origin is unknown.
     */
    public static List<String> mismatch(SampleOrigin x, SampleOrigin y) {
        if (x == null || y == null) {
            return List.of();
        }
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        if (!x.envs().equals(y.envs())) {
            out.add("X and Y come from different environments (X: " + String.join(", ", x.envs()) + "; Y: "
                    + String.join(", ", y.envs()) + "): their returns are on different scales");
        }
        if (!x.steps().equals(y.steps())) {
            out.add("X and Y were trained for different step budgets (X: " + String.join(", ", x.steps()) + "; Y: "
                    + String.join(", ", y.steps()) + " steps)");
        }
        return out;
    }
}
