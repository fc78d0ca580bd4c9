package dev.ablate4j.matrix;

import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.results.AtomicFiles;
import dev.ablate4j.results.RunFiles;
import dev.ablate4j.results.RunIntegrity;
import dev.ablate4j.run.RecordedConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finding a finished run of the same config in another spec's results, and copying it.
 *
 * <p>Specs overlap: the trust-region study trains the same PPO, PPO-M and TRPO cells as Table 2, the
 * PPO-NoClip study the same PPO and PPO-M cells. A config and seed determine a run's deterministic
 * files byte for byte, so a run done under one spec is the run another spec would train. Before
 * training, the matrix looks for {@code DIR/<other spec>/<cell-id>/<env>/seed-<n>/} with a
 * {@code DONE} marker, files that pass {@link RunIntegrity#finished}, and a {@code config.json}
 * holding this run's resolved config ({@link RecordedConfig}), and copies its files instead. The copy keeps the donor's {@code provenance.json} and {@code timing.csv} (where and
 * when it was trained) and gets its own {@code cell.json}, with {@code reused_from} naming the donor.
 */
final class RunReuse {

    /** Files of a run directory that belong to the matrix bookkeeping, not to the run (and LOCK*). */
    private static final Set<String> NOT_COPIED = Set.of(RunFiles.CELL, RunFiles.FAILURE, RunFiles.CHECKPOINT,
            RunFiles.DONE);

    private RunReuse() {}

    /**
     * A finished run to copy.
     *
     * @param dir its directory
     * @param name its path below the results root ({@code <spec>/<cell-id>/<env>/seed-<n>})
     */
    record Donor(Path dir, String name) {}

    /**
     * A finished run with {@code config} in a sibling of {@code specDir} at the same relative place as
     * {@code runDir}, or null. Sibling specs are searched in name order, so the choice is deterministic.
     */
    static Donor findDonor(Path specDir, Path runDir, TrainConfig config) {
        Path root = specDir.toAbsolutePath().getParent();
        if (root == null || !Files.isDirectory(root)) {
            return null;
        }
        Path relative = specDir.relativize(runDir);
        List<Path> siblings = new ArrayList<>();
        try (Stream<Path> list = Files.list(root)) {
            list.filter(Files::isDirectory).filter(p -> !p.getFileName().equals(specDir.getFileName()))
                    .sorted().forEach(siblings::add);
        } catch (IOException e) {
            return null;
        }
        for (Path sibling : siblings) {
            Path candidate = sibling.resolve(relative);
            if (RunFiles.isDone(candidate) && RecordedConfig.in(candidate, config).holds()
                    && RunIntegrity.finished(candidate).ok()) {
                return new Donor(candidate, root.relativize(candidate.toAbsolutePath()).toString().replace('\\', '/'));
            }
        }
        return null;
    }

    /** Copies the run files of {@code donor} into {@code target}, each file atomically, {@code DONE} last. */
    static void copy(Donor donor, Path target) {
        try {
            Files.createDirectories(target);
            List<Path> files = new ArrayList<>();
            try (Stream<Path> list = Files.list(donor.dir())) {
                list.filter(Files::isRegularFile).filter(p -> !NOT_COPIED.contains(p.getFileName().toString()))
                        .filter(p -> !p.getFileName().toString().endsWith(".tmp"))
                        .filter(p -> !p.getFileName().toString().startsWith(MatrixFiles.LOCK)).sorted().forEach(files::add);
            }
            for (Path file : files) {
                AtomicFiles.writeBytes(target.resolve(file.getFileName().toString()), Files.readAllBytes(file));
            }
            AtomicFiles.writeBytes(target.resolve(RunFiles.DONE), Files.readAllBytes(donor.dir().resolve(RunFiles.DONE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
