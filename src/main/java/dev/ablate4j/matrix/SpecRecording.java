package dev.ablate4j.matrix;

import dev.ablate4j.results.SpecRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How {@code matrix} records the spec it runs ({@link SpecRecord}) in {@code <results>/<spec>/}. */
public final class SpecRecording {

    private SpecRecording() {}

    /** The record of {@code plan}, run from {@code specFile} (as given on the command line). */
    public static SpecRecord of(Path specFile, byte[] content, Plan plan) {
        return new SpecRecord(specFile.toString(), specFile.toAbsolutePath().normalize().toString(),
                SpecRecord.sha256(content), plan.cells().stream().map(c -> new SpecRecord.CellRef(c.id(), c.label()))
                        .toList(), plan.spec().envs(), plan.spec().seeds());
    }

    /**
     * Records {@code plan}, read from {@code specFile}, in {@code <results>/<spec>/}; files already
     * holding these bytes are left alone. A path that cannot be written is a {@link SpecException}.
     */
    public static void write(Path specFile, Plan plan, Path results) {
        Path specDir = plan.specDir(results);
        try {
            byte[] content = Files.readAllBytes(specFile);
            of(specFile, content, plan).write(specDir, content);
        } catch (IOException e) {
            throw new SpecException("--results " + results + ": cannot record the spec in " + specDir + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }
}
