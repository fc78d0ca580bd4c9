package dev.ablate4j.matrix;

import dev.ablate4j.results.AtomicFiles;
import dev.ablate4j.results.SpecRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How {@code merge} carries the recorded specs ({@link SpecRecord}) of the trees it unions: a spec
 * directory's record is copied when the target has none; copies that describe different specs
 * (other bytes, or another expansion) are conflicts, as for adaptive rule files.
 */
final class SpecRecords {

    private SpecRecords() {}

    /**
     * Spec name to the source spec directory whose record to copy (the target lacks one); records
     * that differ from the target's or an earlier source's are added to {@code conflicts}, and so
     * is an unreadable one.
     */
    static Map<String, Path> toCopy(List<Path> sources, Path into, List<String> conflicts) {
        Map<String, SpecRecord> seen = new LinkedHashMap<>();
        Map<String, Path> seenAt = new LinkedHashMap<>();
        Map<String, Path> toCopy = new LinkedHashMap<>();
        List<Path> roots = new ArrayList<>();
        if (Files.isDirectory(into)) {
            roots.add(into);
        }
        roots.addAll(sources);
        for (Path root : roots) {
            for (Path specDir : Merger.children(root, SpecReader.SAFE_NAME)) {
                SpecRecord r;
                try {
                    r = SpecRecord.read(specDir);
                } catch (IllegalArgumentException e) {
                    conflicts.add(e.getMessage());
                    continue;
                }
                if (r == null) {
                    continue;
                }
                String name = specDir.getFileName().toString();
                SpecRecord first = seen.putIfAbsent(name, r);
                if (first == null) {
                    seenAt.put(name, specDir);
                    if (root != into) {
                        toCopy.put(name, specDir);
                    }
                } else if (!first.sameSpec(r)) {
                    conflicts.add(name + "/" + SpecRecord.NAME + " differs between " + seenAt.get(name) + " ("
                            + first.path() + ") and " + specDir + " (" + r.path() + "): they record different specs"
                            + " of one name (" + (first.sha256().equals(r.sha256()) ? "the same file expanded"
                                    + " to other cells, envs or seeds" : "other spec file contents") + ")");
                }
            }
        }
        return toCopy;
    }

    /** Copies the record of {@code from} into the spec directory {@code to}, the spec copy first. */
    static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to);
            Path copy = from.resolve(SpecRecord.COPY);
            if (Files.isRegularFile(copy)) {
                AtomicFiles.writeBytes(to.resolve(SpecRecord.COPY), Files.readAllBytes(copy));
            }
            AtomicFiles.writeBytes(to.resolve(SpecRecord.NAME), Files.readAllBytes(from.resolve(SpecRecord.NAME)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
