package dev.ablate4j.matrix;

import dev.ablate4j.adaptive.RuleFile;
import dev.ablate4j.env.Envs;
import dev.ablate4j.results.AtomicFiles;
import dev.ablate4j.results.FailureRecord;
import dev.ablate4j.results.Provenance;
import dev.ablate4j.results.RunDirs;
import dev.ablate4j.results.RunFiles;
import dev.ablate4j.results.RunIntegrity;
import dev.ablate4j.results.RunStatus;
import dev.ablate4j.results.SpecRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Unions result trees ({@code <spec>/<cell>/<env>/seed-<n>/} below each root) into one, e.g. the
 * shards of a CI matrix. Only finished runs are merged: done ones and ones recorded as diverged
 * (both deterministic); incomplete and crashed runs are left out and counted. A run id present in
 * more than one tree (or already in the target) must have the same content: the same
 * {@code config.json}, {@code metrics.csv}, {@code episodes.csv}, {@code trust_region.csv} and
 * outcome, and the same trained policy ({@code policy.json}); otherwise nothing is written and the
 * conflicts are reported. Runs made before {@code policy.json} existed have none (see
 * {@link RunFiles#POLICY}): when only one of two copies that agree on everything else has a policy,
 * the copy with the policy is kept (replacing the target's copy without one) and counted in the
 * report — both copies recorded the same deterministic training, so nothing is chosen between two
 * policies; two copies with different policies are a conflict like any other. Wall-clock files
 * ({@code provenance.json}, {@code timing.csv}) and {@code cell.json} (labels, which depend on the
 * spec's wording) are not compared, except that a MuJoCo task's run must have been trained on the
 * same MuJoCo version (its {@code provenance.json}'s {@code mujoco_version}): runs of different
 * versions are never merged as one; the first copy is kept. Each run is copied into a hidden
 * staging directory and renamed into place, so readers never see half a run; staging directories
 * that a killed merge left behind are removed by the next merge ({@link Leftovers}). Do not merge into
 * a directory a {@code matrix} is writing to.
 *
 * <p>An adaptive spec's rule file ({@code <spec>/adaptive.json}, {@link RuleFile}) is carried over
 * too; its copies in the sources and the target must be identical, byte for byte. So is the spec a
 * matrix recorded ({@code <spec>/spec.yaml} and {@code spec.json}, {@link SpecRecord}): its copies
 * must hold the same spec bytes and expansion (the paths they name may differ); the target's, or
 * else the first source's, is kept.
 */
public final class Merger {

    private static final Pattern CELL = Pattern.compile("[0-9a-f]{" + CellId.LENGTH + "}");
    private static final List<String> COMPARED = List.of(RunFiles.CONFIG, RunFiles.METRICS, RunFiles.EPISODES,
            RunFiles.TRUST_REGION);

    /**
     * What a merge did. {@code policyFromOtherCopy} counts the run ids whose kept copy is the one with
     * a {@code policy.json} where an otherwise identical copy (in the target or an earlier source) had
     * none; they are also counted in {@code identical}, and in {@code added} when the target lacked the run.
     */
    public record Report(int added, int identical, int incomplete, int replacedIncomplete, int policyFromOtherCopy) {
        @Override
        public String toString() {
            return String.format("merged %d runs; %d already present with identical content; %d incomplete runs"
                    + " in the sources left out; %d incomplete runs in the target replaced", added, identical,
                    incomplete, replacedIncomplete)
                    + (policyFromOtherCopy == 0 ? "" : String.format("; %d runs kept from the copy that has %s"
                            + " (another copy, identical otherwise, has none)", policyFromOtherCopy, RunFiles.POLICY));
        }
    }

    /** {@code policy} is the SHA-256 of the run's {@code policy.json}, {@link #ABSENT} when it has none. */
    private record Found(Path dir, String fingerprint, String policy, boolean complete) {}

    private static final String ABSENT = "-";

    private Merger() {}

    /** Merges {@code sources} into {@code into} (created if missing). */
    public static Report merge(List<Path> sources, Path into) {
        for (Path s : sources) {
            if (!Files.isDirectory(s)) {
                throw new SpecException("merge: " + s + " is not a directory");
            }
        }
        if (Files.exists(into) && !Files.isDirectory(into)) {
            throw new SpecException("merge: --into " + into + " is not a directory");
        }
        Leftovers.clearMergeStaging(into);
        Map<String, Found> target = Files.isDirectory(into) ? scan(into) : Map.of();
        Map<String, Found> chosen = new LinkedHashMap<>();
        List<String> conflicts = new ArrayList<>();
        int incomplete = 0;
        int identical = 0;
        int policyFromOtherCopy = 0;
        for (Path source : sources) {
            if (Files.isDirectory(into) && sameDir(source, into)) {
                continue;
            }
            for (Map.Entry<String, Found> e : scan(source).entrySet()) {
                Found f = e.getValue();
                if (!f.complete) {
                    incomplete++;
                    continue;
                }
                String broken = RunIntegrity.finished(f.dir).reason();
                if (broken != null) {
                    throw new SpecException("merge: " + f.dir + " is marked finished but " + broken
                            + "; nothing was merged (rerun it with matrix, or leave it out)");
                }
                Found there = target.get(e.getKey());
                Found earlier = chosen.get(e.getKey());
                // an earlier source's copy was checked against the target's, and may carry the policy it lacks
                Found other = earlier != null ? earlier : there != null && there.complete ? there : null;
                if (other == null) {
                    chosen.put(e.getKey(), f);
                } else if (!other.fingerprint.equals(f.fingerprint)) {
                    conflicts.add(e.getKey() + " differs between " + other.dir + " and " + f.dir + " ("
                            + difference(other.dir, f.dir) + ")");
                } else if (other.policy.equals(f.policy) || f.policy.equals(ABSENT)) {
                    identical++;
                } else if (other.policy.equals(ABSENT)) {
                    identical++;
                    policyFromOtherCopy++;
                    chosen.put(e.getKey(), f);
                } else {
                    conflicts.add(e.getKey() + " differs between " + other.dir + " and " + f.dir + " ("
                            + RunFiles.POLICY + ": two different trained policies for the same results)");
                }
            }
        }
        Map<String, Path> rules = ruleFiles(sources, into, conflicts);
        Map<String, Path> specRecords = SpecRecords.toCopy(sources, into, conflicts);
        if (!conflicts.isEmpty()) {
            throw new SpecException("merge: the same run id has different content: " + conflicts.get(0)
                    + (conflicts.size() > 1 ? " (and " + (conflicts.size() - 1) + " more)" : "")
                    + "; nothing was merged");
        }
        int added = 0;
        int replaced = 0;
        for (Map.Entry<String, Found> e : chosen.entrySet()) {
            Found there = target.get(e.getKey());
            if (there == null || !there.complete) {
                added++;
            }
            if (there != null && !there.complete) {
                replaced++;
            }
            copyRun(e.getValue().dir, into.resolve(e.getKey()));
        }
        rules.forEach((spec, file) -> copyRuleFile(file, into.resolve(spec).resolve(RuleFile.NAME)));
        specRecords.forEach((spec, from) -> SpecRecords.copy(from, into.resolve(spec)));
        return new Report(added, identical, incomplete, replaced, policyFromOtherCopy);
    }

    /**
     * The rule files to copy (spec name to source file) that the target lacks; a copy that differs
     * from the target's or an earlier source's is added to {@code conflicts}.
     */
    private static Map<String, Path> ruleFiles(List<Path> sources, Path into, List<String> conflicts) {
        Map<String, Path> seen = new LinkedHashMap<>();
        Map<String, Path> toCopy = new LinkedHashMap<>();
        List<Path> roots = new ArrayList<>();
        if (Files.isDirectory(into)) {
            roots.add(into);
        }
        roots.addAll(sources);
        for (Path root : roots) {
            for (Path spec : children(root, SpecReader.SAFE_NAME)) {
                Path file = spec.resolve(RuleFile.NAME);
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                String name = spec.getFileName().toString();
                Path first = seen.putIfAbsent(name, file);
                if (first == null) {
                    if (root != into) {
                        toCopy.put(name, file);
                    }
                } else if (!sha256(first).equals(sha256(file))) {
                    conflicts.add(name + "/" + RuleFile.NAME + " differs between " + first + " and " + file
                            + " (the adaptive seed rule of one spec must be the same everywhere)");
                }
            }
        }
        return toCopy;
    }

    private static void copyRuleFile(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            AtomicFiles.writeBytes(to, Files.readAllBytes(from));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean sameDir(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** Run id (relative path) to what is there, for every run directory below {@code root}. */
    static Map<String, Found> scan(Path root) {
        Map<String, Found> runs = new LinkedHashMap<>();
        for (Path spec : children(root, SpecReader.SAFE_NAME)) {
            for (Path cell : children(spec, CELL)) {
                for (Path env : children(cell, SpecReader.SAFE_NAME)) {
                    for (Path seed : children(env, RunDirs.SEED_NAME)) {
                        String id = root.relativize(seed).toString().replace('\\', '/');
                        runs.put(id, new Found(seed, fingerprint(seed), sha256(seed.resolve(RunFiles.POLICY)),
                                complete(seed)));
                    }
                }
            }
        }
        return runs;
    }

    static List<Path> children(Path dir, Pattern names) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).filter(p -> names.matcher(p.getFileName().toString()).matches())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean complete(Path run) {
        if (RunFiles.isDone(run)) {
            return true;
        }
        FailureRecord f = FailureRecord.read(run);
        return f != null && f.diverged();
    }

    private static String outcome(Path run) {
        if (RunFiles.isDone(run)) {
            return RunStatus.DONE.word();
        }
        FailureRecord f = FailureRecord.read(run);
        return f == null ? "incomplete" : f.status().word() + "@" + f.iteration();
    }

    /**
     * The MuJoCo version a MuJoCo task's run was trained on, from its {@code provenance.json} ("-" for
     * classic control, whose provenance names whatever MuJoCo the machine had).
     */
    static String mujocoOf(Path run) {
        if (!Envs.usesMujoco(run.getParent().getFileName().toString())) {
            return "-";
        }
        Path file = run.resolve(RunFiles.PROVENANCE);
        try {
            Object v = Files.isRegularFile(file) ? AtomicFiles.readJson(file).get(Provenance.MUJOCO_VERSION) : null;
            return String.valueOf(v);
        } catch (UncheckedIOException e) {
            return "unreadable";
        }
    }

    private static String fingerprint(Path run) {
        StringBuilder sb = new StringBuilder(outcome(run)).append("|mujoco=").append(mujocoOf(run));
        for (String name : COMPARED) {
            sb.append('|').append(name).append('=').append(sha256(run.resolve(name)));
        }
        return sb.toString();
    }

    private static String difference(Path a, Path b) {
        if (!outcome(a).equals(outcome(b))) {
            return "outcome " + outcome(a) + " vs " + outcome(b);
        }
        if (!mujocoOf(a).equals(mujocoOf(b))) {
            return "MuJoCo " + mujocoOf(a) + " vs " + mujocoOf(b);
        }
        List<String> files = new ArrayList<>();
        for (String name : COMPARED) {
            if (!sha256(a.resolve(name)).equals(sha256(b.resolve(name)))) {
                files.add(name);
            }
        }
        String policyA = sha256(a.resolve(RunFiles.POLICY));
        String policyB = sha256(b.resolve(RunFiles.POLICY));
        if (!policyA.equals(ABSENT) && !policyB.equals(ABSENT) && !policyA.equals(policyB)) {
            files.add(RunFiles.POLICY);
        }
        return String.join(", ", files);
    }

    private static String sha256(Path file) {
        if (!Files.isRegularFile(file)) {
            return ABSENT;
        }
        return dev.ablate4j.results.Sha256.hexOfFile(file);
    }

    private static boolean copied(Path file) {
        String n = file.getFileName().toString();
        return Files.isRegularFile(file) && !n.startsWith(MatrixFiles.LOCK) && !n.endsWith(".tmp")
                && !n.equals(RunFiles.CHECKPOINT) && !n.equals(RunFiles.DONE);
    }

    /** Copies a run into a staging directory next to {@code to}, then renames it into place. */
    private static void copyRun(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Path staging = Leftovers.stagingFor(to, "merge");
            Files.createDirectory(staging);
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : files.filter(Merger::copied).sorted().toList()) {
                    Files.copy(f, staging.resolve(f.getFileName()));
                }
            }
            if (RunFiles.isDone(from)) {
                Files.copy(from.resolve(RunFiles.DONE), staging.resolve(RunFiles.DONE));
            }
            if (Files.exists(to)) {
                Path old = Leftovers.stagingFor(to, "old");
                Files.move(to, old, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            }
            Files.move(staging, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
