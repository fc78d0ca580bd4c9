package dev.ablate4j.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.adaptive.Comparison;
import dev.ablate4j.adaptive.SeedRule;
import dev.ablate4j.stats.GroupSequential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adaptive form of {@code seeds:} in spec files: parsing, checks and what stays as it was. */
class AdaptiveSpecTest {

    @TempDir
    Path tmp;

    static String spec(String seeds) {
        return """
                name: ad
                base: {preset: ppo, %s}
                factors: {preset: [ppo, ppo-m, trpo, trpo+]}
                envs: [Pendulum-v1, MountainCarContinuous-v0]
                seeds: %s
                steps: 256
                """.formatted(Specs.TINY_BASE, seeds);
    }

    private static String error(String seeds) {
        SpecException e = assertThrows(SpecException.class, () -> Specs.plan(spec(seeds)));
        assertTrue(e.getMessage().startsWith("test.yaml: seeds"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void theMappingFormParsesIntoARuleAndPlansSeedsUpToMax() {
        Plan plan = Specs.plan(spec("{min: 5, max: 40, step: 5, until: {ci-half-width: 150, decided: [ppo vs ppo-m,"
                + " trpo+ vs trpo]}}"));
        SeedRule rule = plan.spec().adaptive();
        assertEquals(new SeedRule(5, 40, 5, 150.0, List.of(new Comparison("ppo", "ppo-m"),
                new Comparison("trpo+", "trpo"))), rule);
        assertEquals(LongStream.range(0, 40).boxed().toList(), plan.spec().seeds(), "seeds 0 .. max - 1");
        assertEquals(4 * 2 * 40, plan.runs().size());
        assertEquals(List.of("ppo", "ppo-m", "trpo", "trpo+"), plan.setup().cells().stream()
                .map(c -> c.label()).toList());
        assertEquals("ppo", plan.setup().pairs().get(0).left().label());

        Plan block = Specs.plan(spec("""

                  min: 5
                  max: 12
                  step: 5
                  until:
                    decided:
                      - ppo vs ppo-m
                """.stripTrailing()));
        assertEquals(new SeedRule(5, 12, 5, null, List.of(new Comparison("ppo", "ppo-m"))), block.spec().adaptive());
    }

    @Test
    void cellIdsAndRunDirectoriesAreThoseOfTheFixedSpecSoRunsAreShared() {
        Plan fixed = Specs.plan(spec("10"));
        Plan adaptive = Specs.plan(spec("{min: 5, max: 10, step: 5, until: {ci-half-width: 1}}"));
        assertNull(fixed.spec().adaptive());
        assertNull(fixed.setup());
        assertEquals(fixed.cells().stream().map(Cell::id).toList(), adaptive.cells().stream().map(Cell::id).toList());
        assertEquals(fixed.runs().stream().map(PlannedRun::id).toList(),
                adaptive.runs().stream().map(PlannedRun::id).toList());
    }

    @Test
    void mistakesAreOneLineNamingTheKey() {
        assertTrue(error("{mni: 5, max: 40, step: 5, until: {ci-half-width: 150}}")
                .contains("unknown key 'mni' (did you mean 'min'?); allowed: min, max, step, until"));
        assertTrue(error("{min: 5, max: 40, until: {ci-half-width: 150}}").contains("missing key 'step'"));
        assertTrue(error("{min: 1, max: 40, step: 5, until: {ci-half-width: 150}}")
                .startsWith("test.yaml: seeds: min: '1' is not a whole number from 2 to 1000000"));
        assertTrue(error("{min: 5, max: 4, step: 5, until: {ci-half-width: 150}}")
                .startsWith("test.yaml: seeds: max: '4' is not a whole number from 5"));
        assertTrue(error("{min: 5, max: 40, step: 0, until: {ci-half-width: 150}}").startsWith("test.yaml: seeds: step:"));
        assertTrue(error("{min: 5, max: 40, step: 2.5, until: {ci-half-width: 150}}").startsWith("test.yaml: seeds: step:"));
        assertTrue(error("{min: 2, max: 5000, step: 1, until: {ci-half-width: 150}}")
                .contains("at most 100 are allowed (raise step)"));
        assertTrue(error("{min: 5, max: 40, step: 5, until: {}}").startsWith("test.yaml: seeds: until: expected a mapping"));
        assertTrue(error("{min: 5, max: 40, step: 5, until: {ci-halfwidth: 150}}")
                .contains("seeds: until: unknown key 'ci-halfwidth' (did you mean 'ci-half-width'?); allowed:"
                        + " ci-half-width, decided"));
        assertTrue(error("{min: 5, max: 40, step: 5, until: {ci-half-width: -3}}")
                .startsWith("test.yaml: seeds: until: ci-half-width: '-3' is not a positive number"));
        assertTrue(error("{min: 5, max: 40, step: 5, until: {decided: ppo vs ppo-m}}")
                .startsWith("test.yaml: seeds: until: decided: expected a list of comparisons"));
        assertTrue(error("{min: 5, max: 40, step: 5, until: {decided: [ppo against ppo-m]}}")
                .contains("'ppo against ppo-m' is not a comparison like 'ppo vs ppo-m'"));
        // an unquoted label with a comma in a flow list: YAML splits the comparison; the message says why
        assertTrue(error("{min: 5, max: 40, step: 5, until: {decided: [ppo, no value clipping vs ppo]}}")
                .endsWith("'ppo' is not a comparison like 'ppo vs ppo-m' (two cell labels joined by ' vs '); a label"
                        + " holding a comma must be quoted, or a [..] list splits it there: [\"ppo, no value clipping"
                        + " vs ppo\"]"));
        assertTrue(error("{min: 5, max: 40, step: 5, until: {decided: [ppo vs ppo-x]}}")
                .equals("test.yaml: seeds: until: decided: no cell is labelled 'ppo-x' (did you mean 'ppo-m'?);"
                        + " cells: ppo, ppo-m, trpo, trpo+"));
        assertTrue(error("{min: 5, max: 40, step: 5, until: {decided: [ppo vs ppo-m, ppo-m vs ppo]}}")
                .contains("'ppo-m vs ppo' is listed twice"));
        assertTrue(error("[]").startsWith("test.yaml: seeds: empty list"));
    }

    @Test
    void multiplicityBonferroniSplitsAlphaOverTheDesignsTests() {
        Plan plan = Specs.plan(spec("{min: 5, max: 20, step: 5, until: {decided: [ppo vs ppo-m, trpo+ vs trpo]},"
                + " multiplicity: bonferroni}"));
        SeedRule rule = plan.spec().adaptive();
        assertTrue(rule.bonferroni());
        assertEquals(4, plan.setup().tests(), "two comparisons on two environments");
        double[] t = rule.informationFractions();
        assertArrayEquals(GroupSequential.boundaries(0.05 / 4, t), plan.setup().boundaries(), 0);
        assertTrue(plan.setup().boundaries()[3] > rule.boundaries()[3], "a larger last boundary than each test at α");
        assertTrue(rule.describe().endsWith("multiplicity: bonferroni"), rule.describe());
        // none is the default, written or not
        SeedRule none = Specs.plan(spec("{min: 5, max: 20, step: 5, until: {decided: [ppo vs ppo-m]},"
                + " multiplicity: none}")).spec().adaptive();
        assertEquals(new SeedRule(5, 20, 5, null, List.of(new Comparison("ppo", "ppo-m"))), none);

        assertTrue(error("{min: 5, max: 20, step: 5, until: {decided: [ppo vs ppo-m]}, multiplicity: holm}")
                .startsWith("test.yaml: seeds: multiplicity: 'holm' is not allowed; use none"));
        String list = error("{min: 5, max: 20, step: 5, until: {decided: [ppo vs ppo-m]}, multiplicity: [bonferroni]}");
        assertTrue(list.startsWith("test.yaml: seeds: multiplicity: [\"bonferroni\"] is not allowed; use none"), list);
        assertTrue(error("{min: 5, max: 20, step: 5, until: {ci-half-width: 100}, multiplicity: bonferroni}")
                .contains("this rule has none"));
    }

    @Test
    void aSpecFileWithAMistakeIsNamedInTheMessage() throws Exception {
        Path f = Files.writeString(tmp.resolve("bad.yaml"), spec("{min: 5, max: 40, step: 5, untl: {ci-half-width: 9}}"));
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.read(f));
        assertTrue(e.getMessage().startsWith(f + ": seeds: unknown key 'untl' (did you mean 'until'?)"), e.getMessage());
    }

    @Test
    void maxRunsCountsTheMostAnAdaptiveSpecCanRun() {
        SpecException e = assertThrows(SpecException.class, () -> Expansion.expand(Specs.parse(
                spec("{min: 5, max: 40, step: 5, until: {ci-half-width: 1}}")), EnvCheck.REGISTRY, 100));
        assertTrue(e.getMessage().contains("(4 cells x 2 envs x at most 40 seeds), more than --max-runs 100"),
                e.getMessage());
    }

    @Test
    void theAcliAaiTargetParsesAndItsBadFormsGiveOneLine() {
        Plan plan = Specs.plan(spec("{min: 5, max: 20, step: 5, until: {acli-aai: decided}}"));
        assertEquals(new SeedRule(5, 20, 5, null, List.of(), true), plan.spec().adaptive());
        assertEquals(List.of("ppo", "ppo-m", "trpo", "trpo+"), plan.setup().acliCells().stream()
                .map(c -> c.label()).toList());
        assertTrue(error("{min: 5, max: 20, step: 5, until: {acli-aai: yes}}")
                .contains("until: acli-aai: 'true' is not allowed; the only value is decided"));
        SpecException e = assertThrows(SpecException.class, () -> Specs.plan(spec(
                "{min: 5, max: 20, step: 5, until: {acli-aai: decided}}").replace("[ppo, ppo-m, trpo, trpo+]",
                "[ppo, ppo-m, trpo]")));
        assertTrue(e.getMessage().startsWith("test.yaml: seeds: until: acli-aai: acli-aai needs exactly one cell"
                + " labelled trpo+"), e.getMessage());
    }

    /** A factorial (the default design) of {@code factors} with {@code seeds} last, so a line may follow. */
    private static String factorial(String factors, String seeds) {
        return """
                name: fe
                base: {preset: ppo, %s}
                factors: %s
                envs: [Pendulum-v1]
                steps: 256
                seeds: %s
                """.formatted(Specs.TINY_BASE, factors, seeds);
    }

    private static final String SWITCHES = "{value-clip: [true, false], lr-anneal: [false, true]}";
    private static final String MAIN_EFFECTS = "{min: 3, max: 9, step: 3, until: {main-effects: decided}}";

    private static String mainEffectsError(String factors, String seeds) {
        SpecException e = assertThrows(SpecException.class, () -> Specs.plan(factorial(factors, seeds)));
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void theMainEffectsTargetParsesAndTheSetupHoldsEachCellsLevels() {
        Plan plan = Specs.plan(factorial(SWITCHES, MAIN_EFFECTS));
        assertEquals(new SeedRule(3, 9, 3, null, List.of(), false, true), plan.spec().adaptive());
        assertEquals(List.of("value-clip", "lr-anneal"), plan.setup().factors(), "the spec's factor order");
        assertEquals(4, plan.setup().cells().size());
        for (int i = 0; i < 4; i++) {
            Cell c = plan.cells().get(i);
            assertEquals(c.id(), plan.setup().cells().get(i).id());
            assertEquals(java.util.Map.of("value-clip", c.config().toJson().get("value-clip"),
                    "lr-anneal", c.config().toJson().get("lr-anneal")), plan.setup().cells().get(i).levels(),
                    "the levels are the run's config, which the report's factorial analysis reads");
        }
        // combined with another rule; without the target the cells carry no levels
        Plan both = Specs.plan(factorial(SWITCHES, "{min: 3, max: 9, step: 3, until: {ci-half-width: 10,"
                + " main-effects: decided}}"));
        assertEquals(new SeedRule(3, 9, 3, 10.0, List.of(), false, true), both.spec().adaptive());
        Plan none = Specs.plan(factorial(SWITCHES, "{min: 3, max: 9, step: 3, until: {ci-half-width: 10}}"));
        assertTrue(none.setup().cells().stream().allMatch(c -> c.levels().isEmpty()));
        assertEquals(List.of(), none.setup().factors());
        assertEquals(Specs.plan(factorial(SWITCHES, "9")).cells().stream().map(Cell::id).toList(),
                plan.cells().stream().map(Cell::id).toList(), "the same cells as with fixed seeds: runs are shared");
    }

    @Test
    void theMainEffectsTargetOutsideAFactorialOfSwitchesIsOneLineNamingTheKey() {
        assertEquals("test.yaml: seeds: until: main-effects: 'all' is not allowed; the only value is decided (add seeds"
                + " to every cell of the factorial until each main effect is decided)",
                mainEffectsError(SWITCHES, "{min: 3, max: 9, step: 3, until: {main-effects: all}}"));
        assertTrue(mainEffectsError(SWITCHES, "{min: 3, max: 9, step: 3, until: {main-effects: [decided]}}")
                .startsWith("test.yaml: seeds: until: main-effects: '' is not allowed"));
        assertTrue(mainEffectsError(SWITCHES, "{min: 3, max: 9, step: 3, until: {main-effect: decided}}")
                .contains("unknown key 'main-effect' (did you mean 'main-effects'?)"));
        assertEquals("test.yaml: seeds: until: main-effects: needs design: factorial; this spec's design is"
                + " one-at-a-time (a main effect pools every combination of the other factors)",
                mainEffectsError(SWITCHES, MAIN_EFFECTS + "\ndesign: one-at-a-time"));
        assertEquals("test.yaml: seeds: until: main-effects: factor 'policy-lr' has levels [1.0E-4, 3.0E-4], not"
                + " [true, false]; every factor must be an on/off switch (the report's main effects are on − off)",
                mainEffectsError("{value-clip: [true, false], policy-lr: [1.0e-4, 3.0e-4]}", MAIN_EFFECTS));
        assertTrue(mainEffectsError("{preset: [ppo, ppo-m]}", MAIN_EFFECTS)
                .startsWith("test.yaml: seeds: until: main-effects: factor 'preset' has levels [ppo, ppo-m], not"));
        assertTrue(mainEffectsError("{value-clip: [true]}", MAIN_EFFECTS)
                .startsWith("test.yaml: seeds: until: main-effects: factor 'value-clip' has levels [true], not"));
        assertTrue(mainEffectsError("{value-clip: [true, false], both: [{}, {grad-clip: true, tanh: false}]}",
                MAIN_EFFECTS).startsWith("test.yaml: seeds: until: main-effects: factor 'both' has a bundle of 2"
                        + " levels, not [true, false]"));
        assertEquals("test.yaml: seeds: until: main-effects: needs factors: on/off switches listed as [true, false];"
                + " this spec has none", mainEffectsError("{}", MAIN_EFFECTS));
    }
}
