package dev.ablate4j.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The YAML rows decided (second document, tags, merge keys). */
class SpecYamlDecisionsTest {

    private static final String TAIL = """
            envs: [Pendulum-v1]
            seeds: 1
            steps: 256
            """;

    private static String refused(String yaml) {
        SpecException e = assertThrows(SpecException.class, () -> Specs.parse(yaml));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aSecondDocumentIsRefusedNotIgnored() {
        String m = refused("name: one\n" + TAIL + "---\nname: two\n" + TAIL);
        assertTrue(m.startsWith("test.yaml:5: a second YAML document"), m);
        // a single document with an explicit start and end marker is fine
        assertEquals("one", Specs.parse("---\nname: one\n" + TAIL + "...\n").name());
    }

    @Test
    void tagsAreRefusedWithTheLineAndTheTag() {
        assertTrue(refused("name: t\n" + TAIL.replace("seeds: 1", "seeds: !!int \"1\"")).startsWith(
                "test.yaml:3: the YAML tag '!!int' is not read in a spec"), TAIL);
        assertTrue(refused("name: !mine t\n" + TAIL).contains("the YAML tag '!mine'"));
        assertTrue(refused("name: t\nenvs: !!seq [Pendulum-v1]\nseeds: 1\nsteps: 256\n").contains("'!!seq'"));
        // a quoted value is not a tag
        assertEquals("t", Specs.parse("name: 't'\n" + TAIL).name());
    }

    @Test
    void mergeKeysMergeWithTheKeysWrittenNextToThemWinning() {
        Spec spec = Specs.parse("""
                name: m
                base: &b {preset: ppo, gamma: 0.9, epochs: 2}
                overrides:
                  - when: {env: Pendulum-v1}
                    set:
                      <<: [{value-lr: 2.0e-4, gamma: 0.8}, {gamma: 0.5, minibatches: 4}]
                      gamma: 0.95
                factors:
                  <<: {value-clip: [true, false]}
                """ + TAIL);
        Map<String, Object> set = spec.overrides().get(0).set();
        assertEquals(0.95, ((Number) set.get("gamma")).doubleValue());     // written next to << : wins
        assertEquals(2.0e-4, ((Number) set.get("value-lr")).doubleValue()); // first merged mapping
        assertEquals(4, ((Number) set.get("minibatches")).intValue());      // second merged mapping
        assertEquals(3, set.size());
        assertEquals(List.of(true, false), spec.factors().get("value-clip"));

        // the usual form: a mapping reused with <<: *alias, merged into base and into an override
        Plan merged = Specs.plan("name: a\nbase: {preset: ppo, <<: &t {" + Specs.TINY_BASE + "}}\n"
                + "overrides:\n  - when: {env: Pendulum-v1}\n    set: {<<: *t, epochs: 3}\n" + TAIL);
        Plan written = Specs.plan("name: a\nbase: {preset: ppo, " + Specs.TINY_BASE + "}\n"
                + "overrides:\n  - when: {env: Pendulum-v1}\n    set: {" + Specs.TINY_BASE.replace("epochs: 2",
                        "epochs: 3") + "}\n" + TAIL);
        assertEquals(written.runs().get(0).id(), merged.runs().get(0).id());
        assertEquals(written.cells().get(0).config(), merged.cells().get(0).config());
    }

    @Test
    void aMergeKeyOfAScalarIsRefused() {
        assertTrue(refused("name: s\nbase: {preset: ppo, <<: 5}\n" + TAIL).contains(
                "'<<' (a YAML merge key) takes a mapping or a list of mappings"));
    }
}
