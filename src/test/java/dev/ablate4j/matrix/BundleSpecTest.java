package dev.ablate4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.config.GradClipScope;
import dev.ablate4j.config.Keys;
import dev.ablate4j.config.PpoOptimizer;
import dev.ablate4j.config.TrainConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bundle factors ({@link BundleLevel}, {@link BundleReader}): a factor whose levels set several config
 * keys together, in both designs, with their labels, cell ids, refusals and adaptive comparisons.
 */
class BundleSpecTest {

    /** cleanrl:ppo with value clipping and the optimizer-structure swap, which needs two keys at once. */
    static String cleanrl(String design, String bundle) {
        return """
                name: bundles
                design: %s
                base: {preset: cleanrl:ppo, %s}
                factors:
                  value-clip: [true, false]
                  separate-optimizers:
                %s
                envs: [Pendulum-v1]
                seeds: 2
                steps: 256
                """.formatted(design, Specs.TINY_BASE, bundle.indent(4).stripTrailing());
    }

    static final String SWAP = "- {}\n- {optimizer: separate, grad-clip-scope: both}";
    static final String SWAP_LABEL = "cleanrl:ppo, separate-optimizers (optimizer separate, grad-clip-scope both)";

    private static List<String> labels(Plan plan) {
        return plan.cells().stream().map(Cell::label).toList();
    }

    private static Cell cell(Plan plan, String label) {
        return plan.cells().stream().filter(c -> c.label().equals(label)).findFirst().orElseThrow(() ->
                new AssertionError("no cell " + label + " in " + labels(plan)));
    }

    @Test
    void theReaderKeepsABundleAsTypedLevelsInFileOrder() {
        Spec spec = Specs.parse(cleanrl("one-at-a-time", SWAP));
        assertEquals(List.of("value-clip", "separate-optimizers"), List.copyOf(spec.factors().keySet()));
        assertTrue(spec.isBundle("separate-optimizers"));
        assertFalse(spec.isBundle("value-clip"));
        Map<String, Object> swap = new LinkedHashMap<>();
        swap.put("optimizer", PpoOptimizer.SEPARATE);
        swap.put("grad-clip-scope", GradClipScope.BOTH);
        assertEquals(List.of(new BundleLevel(1, Map.of()), new BundleLevel(2, swap)),
                spec.factors().get("separate-optimizers"));
        assertEquals(List.of("value-clip", "optimizer", "grad-clip-scope"), List.copyOf(spec.factorKeys().keySet()));
        assertEquals("separate-optimizers", spec.factorKeys().get("grad-clip-scope"));
        assertEquals("level 2 {optimizer: separate, grad-clip-scope: both}",
                spec.factors().get("separate-optimizers").get(1).toString());
    }

    @Test
    void oneAtATimeGivesEachNonBaseLevelOneCellWithBothKeysSet() {
        Plan plan = Specs.plan(cleanrl("one-at-a-time", SWAP));
        assertEquals(List.of("cleanrl:ppo", "cleanrl:ppo, no value clipping", SWAP_LABEL), labels(plan));
        Cell swap = cell(plan, SWAP_LABEL);
        assertEquals(PpoOptimizer.SEPARATE, swap.config().get(Keys.OPTIMIZER));
        assertEquals(GradClipScope.BOTH, swap.config().get(Keys.GRAD_CLIP_SCOPE));
        assertEquals(true, swap.config().on(dev.ablate4j.tweak.Optimization.VALUE_CLIP));
        assertEquals(List.of("separate-optimizers"), swap.varied());
        assertEquals(Map.of("value-clip", true, "separate-optimizers", Map.of("optimizer", "separate",
                "grad-clip-scope", "both")), swap.factors());
        Cell base = plan.cells().get(0);
        assertEquals(List.of(), base.varied());
        assertEquals(Map.of("optimizer", "joint", "grad-clip-scope", "joint"), base.factors().get("separate-optimizers"),
                "a cell records the bundle's keys as it resolves them");
        assertEquals(PpoOptimizer.JOINT, base.config().get(Keys.OPTIMIZER));
        for (PlannedRun r : plan.runs()) {
            TrainConfig c = Expansion.runConfig(plan.spec(), r);
            assertEquals(r.cell().config().get(Keys.OPTIMIZER), c.get(Keys.OPTIMIZER), "the run keeps the bundle's keys");
            assertEquals(r.cell().config().get(Keys.GRAD_CLIP_SCOPE), c.get(Keys.GRAD_CLIP_SCOPE));
        }
        assertEquals(3 * 2, plan.runs().size());

        // the base's level written out, and a level that sets only the base's values, add no cell
        Plan written = Specs.plan(cleanrl("one-at-a-time", "- {optimizer: joint, grad-clip-scope: joint}\n"
                + "- {optimizer: separate, grad-clip-scope: both}\n- {grad-clip-scope: joint}"));
        assertEquals(plan.cells().stream().map(Cell::id).toList(), written.cells().stream().map(Cell::id).toList());
        assertEquals(labels(plan), labels(written));
        // without any base level, the base cell is still there (one-at-a-time always has it)
        assertEquals(labels(plan), labels(Specs.plan(cleanrl("one-at-a-time",
                "- {optimizer: separate, grad-clip-scope: both}"))));
    }

    @Test
    void factorialCombinesABundleWithEveryOtherFactorsValues() {
        Plan plan = Specs.plan(cleanrl("factorial", SWAP));
        assertEquals(List.of("cleanrl:ppo", SWAP_LABEL, "cleanrl:ppo, no value clipping",
                "cleanrl:ppo, no value clipping, separate-optimizers (optimizer separate, grad-clip-scope both)"),
                labels(plan));
        Cell both = plan.cells().get(3);
        assertEquals(List.of("value-clip", "separate-optimizers"), both.varied());
        assertEquals(false, both.config().on(dev.ablate4j.tweak.Optimization.VALUE_CLIP));
        assertEquals(PpoOptimizer.SEPARATE, both.config().get(Keys.OPTIMIZER));
        assertEquals(4, plan.cells().stream().map(Cell::id).distinct().count());

        // a bundle of switches and numbers: booleans read as the labels' optimization legends
        Plan ppo = Specs.plan("""
                name: b
                base: {preset: ppo, %s}
                factors:
                  tweak: [{}, {gamma: 0.95, value-lr: 1.0e-3, reward-scale: false}]
                  grad-clip: [false, true]
                envs: [Pendulum-v1]
                seeds: 1
                steps: 128
                """.formatted(Specs.TINY_BASE));
        assertEquals(List.of("ppo", "ppo, +gradient clipping", "ppo, tweak (gamma 0.95, value-lr 0.001, no reward scaling)",
                "ppo, tweak (gamma 0.95, value-lr 0.001, no reward scaling), +gradient clipping"), labels(ppo));
    }

    @Test
    void aBundleCellWhoseConfigEqualsAnotherCellsHasItsId() {
        Plan plan = Specs.plan(cleanrl("one-at-a-time", SWAP));
        Plan written = Specs.plan("""
                name: other
                base: {preset: cleanrl:ppo, %s, optimizer: separate, grad-clip-scope: both}
                envs: [Pendulum-v1]
                seeds: 2
                steps: 256
                """.formatted(Specs.TINY_BASE));
        assertEquals(written.cells().get(0).id(), cell(plan, SWAP_LABEL).id(), "same config, same cell, same runs");
        assertEquals(written.cells().get(0).config().toJson(), cell(plan, SWAP_LABEL).config().toJson());

        // a one-key bundle is the ordinary factor's cell
        Plan asFactor = Specs.plan(Specs.twoByTwo("f"));
        Plan asBundle = Specs.plan(Specs.twoByTwo("f").replace("value-clip: [true, false]",
                "no-vc: [{}, {value-clip: false}]"));
        assertEquals(asFactor.cells().stream().map(Cell::id).toList(), asBundle.cells().stream().map(Cell::id).toList());
        assertEquals("ppo, no-vc (no value clipping)", asBundle.cells().get(2).label());
    }

    @Test
    void overridesApplyAroundABundleButMaySetNoneOfItsKeys() {
        String yaml = cleanrl("one-at-a-time", SWAP) + "overrides:\n  - when: {optimizer: separate}\n"
                + "    set: {value-lr: 1.0e-3}\n";
        Plan plan = Specs.plan(yaml);
        assertEquals(1.0e-3, cell(plan, SWAP_LABEL).config().get(Keys.VALUE_LR), "a condition sees the bundle's keys");
        assertEquals(plan.cells().get(0).config().get(Keys.VALUE_LR),
                Specs.plan(cleanrl("one-at-a-time", SWAP)).cells().get(0).config().get(Keys.VALUE_LR));
        SpecException e = assertThrows(SpecException.class, () -> Specs.parse(cleanrl("one-at-a-time", SWAP)
                + "overrides:\n  - when: {env: Pendulum-v1}\n    set: {grad-clip-scope: policy}\n"));
        assertEquals("test.yaml: overrides[1]: set: grad-clip-scope: 'grad-clip-scope' is set by bundle"
                + " 'separate-optimizers'; an override may not also set it", e.getMessage());
    }

    @Test
    void adaptiveDecidedNamesABundleCellByItsLabel() {
        String yaml = cleanrl("one-at-a-time", SWAP).replace("seeds: 2", """
                seeds:
                  min: 2
                  max: 6
                  step: 2
                  until:
                    decided:
                      - "%s vs cleanrl:ppo"
                """.formatted(SWAP_LABEL));
        Plan plan = Specs.plan(yaml);
        var pair = plan.setup().pairs().get(0);
        assertEquals(cell(plan, SWAP_LABEL).id(), pair.left().id());
        assertEquals(plan.cells().get(0).id(), pair.right().id());

        SpecException e = assertThrows(SpecException.class, () -> Specs.plan(yaml.replace("grad-clip-scope both)",
                "grad-clip-scope both")));
        assertTrue(e.getMessage().startsWith("test.yaml: seeds: until: decided: no cell is labelled"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean '" + SWAP_LABEL + "'"), e.getMessage());
    }

    private static String refusal(String yaml) {
        SpecException e = assertThrows(SpecException.class, () -> Specs.plan(yaml));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void badLevelsAreRefusedNamingFactorLevelAndWhatIsAllowed() {
        String one = "test.yaml: factors: separate-optimizers: level ";
        assertEquals(one + "2: expected a mapping of config keys to values like {optimizer: separate, grad-clip-scope:"
                + " both} (every level of a bundle is a mapping; {} is the base's level), got a single value ('separate')",
                refusal(cleanrl("one-at-a-time", "- {}\n- separate")));
        assertEquals("test.yaml: factors: separate-optimizers: every level is empty ({}); a bundle needs a level that"
                + " sets keys, like {optimizer: separate, grad-clip-scope: both}", refusal(cleanrl("factorial", "- {}")));
        assertEquals(one + "3: repeats level 2; list each level once", refusal(cleanrl("one-at-a-time",
                "- {}\n- {optimizer: separate, grad-clip-scope: both}\n- {grad-clip-scope: both, optimizer: separate}")));
        String unknown = refusal(cleanrl("one-at-a-time", "- {optimizr: separate}"));
        assertTrue(unknown.startsWith(one + "1: unknown key 'optimizr' (did you mean 'optimizer'?); allowed: algo,"
                + " steps, value-clip, "), unknown);
        assertTrue(unknown.contains(", optimizer, ") && !unknown.contains("preset") && !unknown.contains("mujoco"),
                unknown);
        assertEquals(one + "1: optimizer: 'sideways' is not separate or joint",
                refusal(cleanrl("one-at-a-time", "- {optimizer: sideways}")));
        assertEquals(one + "1: gamma: '1.5' is not a number in [0, 1]", refusal(cleanrl("one-at-a-time",
                "- {gamma: 1.5}")));
        assertEquals(one + "1: preset: a bundle sets config keys, not the preset; make preset a factor of its own",
                refusal(cleanrl("one-at-a-time", "- {preset: ppo}")));
        assertEquals(one + "1: env: environments are listed under 'envs', not set as a key",
                refusal(cleanrl("one-at-a-time", "- {env: Pendulum-v1}")));
        assertEquals(one + "1: mujoco: set it in base or make mujoco a factor of its own", refusal(cleanrl("one-at-a-time", "- {mujoco: 3.14.0}")));
        assertEquals("test.yaml: factors: separate-optimizers: a bundle's levels are a list of mappings, like [{},"
                + " {optimizer: separate, grad-clip-scope: both}] ({} is the base's level); got a single mapping",
                refusal(cleanrl("one-at-a-time", "{optimizer: separate}").replace("separate-optimizers:\n    ",
                        "separate-optimizers: ")));
    }

    @Test
    void aBundleNameIsNoConfigKeyAndAKeyIsVariedByOneFactor() {
        assertEquals("test.yaml: factors: optimizer: 'optimizer' is a config key, so its levels are values like"
                + " [true, false], not mappings; a bundle of keys set together needs a name that is no config key,"
                + " like separate-optimizers: [{}, {optimizer: separate, grad-clip-scope: both}]",
                refusal(cleanrl("one-at-a-time", SWAP).replace("separate-optimizers:", "optimizer:")));
        assertTrue(refusal(cleanrl("one-at-a-time", SWAP).replace("separate-optimizers:", "'two words':"))
                .startsWith("test.yaml: factors: 'two words' cannot name a bundle"));
        assertEquals("test.yaml: factors: separate-optimizers: level 2: optimizer: 'optimizer' is also a factor of its"
                + " own (factors: optimizer); a key is varied by one factor only: move its values into the bundle's"
                + " levels, or take it out of bundle 'separate-optimizers'",
                refusal(cleanrl("one-at-a-time", SWAP).replace("value-clip: [true, false]", "optimizer: [joint]")));
        assertEquals("test.yaml: factors: separate-optimizers: level 2: value-clip: 'value-clip' is also a factor of"
                + " its own (factors: value-clip); a key is varied by one factor only: move its values into the"
                + " bundle's levels, or take it out of bundle 'separate-optimizers'",
                refusal(cleanrl("one-at-a-time", "- {}\n- {optimizer: separate, grad-clip-scope: both, value-clip: false}")));
        assertEquals("test.yaml: factors: second: level 1: gamma: 'gamma' is also set by bundle 'first'; a key is"
                + " varied by one factor only: merge the two bundles, or take it out of one",
                refusal(Specs.twoByTwo("x").replace("grad-clip: [false, true]",
                        "first: [{gamma: 0.9}]\n  second: [{gamma: 0.95, lr-anneal: false}]")));
        // a name that is no key, with plain values, is still an unknown (misspelt) key
        assertTrue(refusal(Specs.twoByTwo("x").replace("grad-clip:", "grad-clp:"))
                .startsWith("test.yaml: factors: unknown key 'grad-clp' (did you mean 'grad-clip'?)"));
    }

    @Test
    void aLevelTheConfigChecksRefuseGivesTheirLineWithTheFactorAndLevel() {
        String message = refusal(cleanrl("one-at-a-time", "- {}\n- {optimizer: separate}"));
        assertEquals("test.yaml: factors {separate-optimizers=level 2 {optimizer: separate}}: preset cleanrl:ppo:"
                + " grad-clip-scope: joint takes one norm over both networks' gradients, which needs optimizer joint"
                + " (optimizer is separate; allowed with it: both, policy or value)", message);
        // the same line as an ordinary factor gets (today's refusal of `optimizer` alone)
        String alone = refusal(cleanrl("one-at-a-time", SWAP).replaceAll("(?s)  separate-optimizers:.*?\nenvs",
                "  optimizer: [joint, separate]\nenvs"));
        assertEquals(message.substring(message.indexOf("}}: ") + 4), alone.substring(alone.indexOf("}: ") + 3));
    }
}
