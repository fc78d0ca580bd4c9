package dev.ablate4j.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.tensorboard.proto.HParamsPluginData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TensorBoard input problems: an unreadable run is left out (counted, with the
 * reason) instead of aborting the export; symbolic links to a results root or a cell directory are
 * followed without looping; session groups are configurations, not directory names, and names keep
 * non-ASCII letters.
 */
class ExportWrongRowsTest {

    private static final Path CELLS = Path.of("reports/quickstart/results/quickstart");
    private static final String PPO = "dac06c168809";
    private static final String NO_VALUE_CLIP = "cae460fb70b7";

    @TempDir
    Path tmp;

    /** A copy of one quickstart run without its cell.json, as {@code train --out} leaves it. */
    private Path trainRun(String cell, long seed, Path to) throws IOException {
        Path from = CELLS.resolve(cell).resolve("Pendulum-v1").resolve("seed-" + seed);
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : s.toList()) {
                if (!f.getFileName().toString().equals("cell.json")) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
        return to;
    }

    private static String group(Path runLogdir) throws IOException {
        Map<String, HParamsPluginData> hp = EventFiles.hparams(EventFiles.read(EventFiles.single(runLogdir)));
        return hp.get(HParams.SESSION_START_TAG).getSessionStartInfo().getGroupName();
    }

    @Test
    void twoConfigurationsInDirectoriesOfOneNameAreTwoGroupsAndUnicodeNamesStayReadable() throws Exception {
        Path col = tmp.resolve("col");
        trainRun(PPO, 0, col.resolve("ppo/run"));
        trainRun(NO_VALUE_CLIP, 0, col.resolve("noclip/run"));
        trainRun(PPO, 1, col.resolve("Hüpfer"));
        trainRun(NO_VALUE_CLIP, 1, col.resolve("跑步"));
        Path out = tmp.resolve("tb");
        Export.Result r = Export.export(List.of(col), out);
        assertEquals(4, r.runs().size(), r.runs().toString());
        List<String> runNames = r.runs();
        assertTrue(runNames.contains("Hüpfer/Pendulum-v1/seed-1"), runNames.toString());
        assertTrue(runNames.contains("跑步/Pendulum-v1/seed-1"), runNames.toString());
        List<String> runs = runNames.stream().filter(n -> n.startsWith("run")).toList();
        assertEquals(2, runs.size(), runNames.toString());
        assertNotEquals(RunNames.group(runs.get(0)), RunNames.group(runs.get(1)), "readable names that differ");
        String ppo = ppoRun(runs, col);
        String other = runs.stream().filter(n -> !n.equals(ppo)).findFirst().orElseThrow();
        assertNotEquals(group(out.resolve(ppo)), group(out.resolve(other)),
                "two configurations in directories of one name are never one session group");
        assertEquals(group(out.resolve(ppo)), group(out.resolve("Hüpfer/Pendulum-v1/seed-1")),
                "the seeds of one configuration are one group, whatever their directories are called");
    }

    /** Which of the two "run" names is the PPO one (its hash suffix comes from the config). */
    private static String ppoRun(List<String> runs, Path col) throws IOException {
        String hash = SessionGroups.configHash(dev.ablate4j.results.AtomicFiles.readJson(col.resolve("ppo/run/config.json")));
        return runs.stream().filter(n -> n.contains(hash)).findFirst().orElseThrow();
    }

    @Test
    void anUnreadableMetricsFileLeavesThatRunOutWithTheReason() throws Exception {
        Path col = tmp.resolve("col");
        trainRun(PPO, 0, col.resolve("a"));
        Path bad = trainRun(PPO, 1, col.resolve("b"));
        Files.delete(bad.resolve("DONE")); // a running run: its metrics.csv is read as text
        Files.write(bad.resolve("metrics.csv"), new byte[] {'i', 't', (byte) 0xff, (byte) 0xfe, '\n', '1', '\n'});
        Export.Result r = Export.export(List.of(col), tmp.resolve("tb"));
        assertEquals(List.of("a/Pendulum-v1/seed-0"), r.runs());
        assertEquals(1, r.skipped().size(), r.skipped().toString());
        assertTrue(r.skipped().get(0).startsWith(col.resolve("b") + ": unreadable: MalformedInputException"),
                r.skipped().toString());
    }

    @Test
    void symlinkedRootsAndCellDirectoriesAreFollowedWithoutLooping() throws Exception {
        Path real = tmp.resolve("real");
        trainRun(PPO, 0, real.resolve("cell-a/Pendulum-v1/seed-0"));
        Path elsewhere = trainRun(NO_VALUE_CLIP, 0, tmp.resolve("elsewhere/Pendulum-v1/seed-0")).getParent().getParent();
        Files.createSymbolicLink(real.resolve("cell-b"), elsewhere);
        Files.createSymbolicLink(real.resolve("loop"), real); // a cycle
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        Export.Result r = Export.export(List.of(link), tmp.resolve("tb"));
        assertEquals(2, r.runs().size(), r.runs() + " " + r.skipped());
    }
}
