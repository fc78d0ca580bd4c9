package dev.ablate4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plan of every shipped spec (cell ids, labels, env steps, order) is what it was when recorded
 * in {@code src/test/resources/matrix/shipped-plans.txt} by {@code record-shipped-plans.sh} (beside
 * it; it runs {@code plan} on the built jar): a change to spec reading or expansion must not move a
 * shipped spec's runs to other cells, relabel them or reorder them. The listing is rebuilt here as
 * {@code plan} prints it ({@code <cell-id>/<env>/seed-<n> TAB env steps TAB label}) and compared by
 * its sha256 and line count, and line by line for the first seed (so a failure shows which cell moved).
 *
 * <p>A spec file changed on purpose since the recording fails here with the command that records it
 * again. A spec that does not pin {@code mujoco} takes the loaded MuJoCo's version into its MuJoCo
 * cells' ids; on a machine loading another MuJoCo than 2.2.2 (or none) those are compared without ids.
 */
class ShippedPlansTest {

    private static final Path RECORD = Path.of("src/test/resources/matrix/shipped-plans.txt");
    private static final String RERECORD = "sh src/test/resources/matrix/record-shipped-plans.sh";

    record Recorded(String specSha, String planSha, int lines, List<String> firstSeed) {}

    @Test
    void everyRecordedShippedSpecPlansAsRecorded() throws Exception {
        Map<String, Recorded> recorded = read();
        assertTrue(recorded.size() >= 17, "the record covers the shipped specs: " + recorded.keySet());
        int compared = 0;
        for (Map.Entry<String, Recorded> e : recorded.entrySet()) {
            Path file = Path.of("ablations", e.getKey());
            if (!Files.isRegularFile(file)) {
                continue; // a spec removed from ablations/: nothing to compare
            }
            Recorded r = e.getValue();
            assertEquals(r.specSha(), sha256(Files.readAllBytes(file)), file + " changed since its plan was recorded;"
                    + " if on purpose, record again: " + RERECORD);
            Plan plan = Expansion.load(file, EnvCheck.REGISTRY, Expansion.DEFAULT_MAX_RUNS);
            String version = Expansion.mujocoVersion(plan.spec());
            boolean idsComparable = version == null || version.equals("2.2.2")
                    || plan.spec().base().containsKey("mujoco");
            List<String> listing = listing(plan);
            String first = "/seed-" + plan.spec().seeds().get(0) + "\t";
            List<String> firstSeed = listing.stream().filter(l -> l.contains(first)).toList();
            assertEquals(r.lines(), listing.size(), file + ": number of runs");
            if (idsComparable) {
                assertEquals(r.firstSeed(), firstSeed, file + ": cells, labels or order changed");
                assertEquals(r.planSha(), sha256((String.join("\n", listing) + "\n").getBytes(StandardCharsets.UTF_8)),
                        file + ": the listing changed");
            } else {
                System.out.println(file + ": MuJoCo " + version + " is loaded, not 2.2.2: cell ids not compared");
                assertEquals(withoutIds(r.firstSeed()), withoutIds(firstSeed), file + ": labels or order changed");
            }
            compared++;
        }
        assertTrue(compared >= 17, "compared " + compared + " shipped specs");
    }

    /** The lines {@code plan SPEC} prints on stdout (PlanCommand's list). */
    private static List<String> listing(Plan plan) {
        List<String> out = new ArrayList<>();
        for (PlannedRun r : plan.runs()) {
            out.add(r.id() + "\t" + r.steps() + "\t" + r.cell().label());
        }
        return out;
    }

    private static List<String> withoutIds(List<String> lines) {
        return lines.stream().map(l -> l.substring(l.indexOf('/'))).toList();
    }

    private static Map<String, Recorded> read() throws Exception {
        Map<String, Recorded> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(RECORD);
        int i = 0;
        while (i < lines.size()) {
            String name = lines.get(i).substring("## ".length());
            String specSha = lines.get(i + 1).split(" ")[1];
            String[] plan = lines.get(i + 2).split(" ");
            i += 3;
            List<String> firstSeed = new ArrayList<>();
            while (i < lines.size() && !lines.get(i).startsWith("## ")) {
                firstSeed.add(lines.get(i++));
            }
            assertFalse(firstSeed.isEmpty(), name);
            out.put(name, new Recorded(specSha, plan[1], Integer.parseInt(plan[3]), firstSeed));
        }
        return out;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
