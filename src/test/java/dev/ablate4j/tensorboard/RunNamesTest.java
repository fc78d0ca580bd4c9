package dev.ablate4j.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Readable, path-safe run names. */
class RunNamesTest {

    @Test
    void labelsBecomeSafePathSegments() {
        assertEquals("ppo_no_LR_annealing", RunNames.segment("ppo, no LR annealing"));
        assertEquals("ppo_+gradient_clipping_policy-lr_0.0001",
                RunNames.segment("ppo, +gradient clipping, policy-lr 0.0001"));
        assertEquals("_", RunNames.segment(".."));
        assertEquals("_", RunNames.segment(""));
        assertEquals("a_b", RunNames.segment("a/b"));
    }

    @Test
    void cellsWhoseLabelsReadAlikeGetTheirIdAndOtherClashesANumber() {
        List<String> names = RunNames.assign(List.of(
                new RunNames.Key("s", "ppo, no clip", "aaa", "Pendulum-v1", 0),
                new RunNames.Key("s", "ppo no clip", "bbb", "Pendulum-v1", 0),
                new RunNames.Key("s", "ppo", "ccc", "Pendulum-v1", 1),
                new RunNames.Key(null, "A", null, "Pendulum-v1", 3),
                new RunNames.Key(null, "A", null, "Pendulum-v1", 3)));
        assertEquals(List.of("s/ppo_no_clip-aaa/Pendulum-v1/seed-0", "s/ppo_no_clip-bbb/Pendulum-v1/seed-0",
                "s/ppo/Pendulum-v1/seed-1", "A/Pendulum-v1/seed-3", "A/Pendulum-v1/seed-3-2"), names);
        assertEquals("s/ppo/Pendulum-v1", RunNames.group(names.get(2)));
    }
}
