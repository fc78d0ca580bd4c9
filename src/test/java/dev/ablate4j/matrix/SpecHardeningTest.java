package dev.ablate4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec files as a careless user writes them. */
class SpecHardeningTest {

    @TempDir
    Path tmp;

    private static final String TAIL = """
            envs: [Pendulum-v1]
            seeds: 1
            steps: 256
            """;

    @Test
    void yamlAliasesWork() {
        Plan plan = Specs.plan("name: al\nbase: {preset: ppo, " + Specs.TINY_BASE + "}\n"
                + "factors: {value-clip: &v [true, false], reward-scale: *v}\n" + TAIL);
        assertEquals(4, plan.cells().size());
        Plan same = Specs.plan("name: al\nbase: {preset: ppo, " + Specs.TINY_BASE + "}\n"
                + "factors: {value-clip: [true, false], reward-scale: [true, false]}\n" + TAIL);
        assertEquals(same.cells().stream().map(Cell::id).toList(), plan.cells().stream().map(Cell::id).toList());
    }

    @Test
    void aBillionLaughsStaysRefused() {
        StringBuilder yaml = new StringBuilder("name: lol\na: &a [x, x, x, x, x, x, x, x, x]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ", ").append('*').append(previous);
            }
            yaml.append("]\n");
            previous = c;
        }
        SpecException e = assertThrows(SpecException.class, () -> Specs.parse(yaml.toString()));
        assertTrue(e.getMessage().startsWith("test.yaml: "), e.getMessage());
        // 5 aliases deep, 2 each: within the alias limit, but the expanded tree is bounded too
        StringBuilder wide = new StringBuilder("name: w\na0: &a0 [" + "x, ".repeat(999) + "x]\n");
        for (int i = 1; i <= 6; i++) {
            wide.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a")
                    .append(i - 1).append("]\n");
        }
        SpecException w = assertThrows(SpecException.class, () -> Specs.parse(wide.toString()));
        assertTrue(w.getMessage().contains("once its aliases are expanded"), w.getMessage());
    }

    @Test
    void aSpecThatIsNotUtf8IsNamedWithTheByteOffset() throws Exception {
        Path file = tmp.resolve("latin1.yaml");
        Files.write(file, ("name: x\ndescription: caf\u00e9\n" + TAIL).getBytes(StandardCharsets.ISO_8859_1));
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.read(file));
        assertEquals(file + ": not UTF-8 at byte 24 (save the spec as UTF-8)", e.getMessage());
    }

    @Test
    void aHugeSpecIsRefusedBeforeParsing() throws Exception {
        Path file = tmp.resolve("big.yaml");
        Files.writeString(file, "name: big\ndescription: " + "a".repeat(10_000_000) + "\n" + TAIL);
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.read(file));
        assertTrue(e.getMessage().contains("a spec may have at most 1048576 bytes"), e.getMessage());
    }

    @Test
    void stepsBeyondTheLimitAreRefusedNotOverflowed() {
        SpecException e = assertThrows(SpecException.class, () -> Specs.plan(
                "name: st\nenvs: [Pendulum-v1]\nseeds: 1\nsteps: 4398046513152\n"));
        assertTrue(e.getMessage().contains("steps: 4398046513152 is more than the largest allowed, 1000000000000"),
                e.getMessage());
    }

    @Test
    void maxRunsCountsTheRunsThePlanLists() {
        Spec quickstart = SpecReader.read(Path.of("ablations/quickstart.yaml"));
        Plan plan = Expansion.expand(quickstart, EnvCheck.REGISTRY, 15);
        assertEquals(15, plan.runs().size());
        SpecException e = assertThrows(SpecException.class,
                () -> Expansion.expand(quickstart, EnvCheck.REGISTRY, 14));
        assertTrue(e.getMessage().contains("expands to 15 runs (5 cells"), e.getMessage());
    }
}
