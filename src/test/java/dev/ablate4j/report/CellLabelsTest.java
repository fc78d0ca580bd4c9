package dev.ablate4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Labels stay unique when result trees of several specs with the same presets are merged. */
class CellLabelsTest {

    @Test
    void aLabelRepeatedByAnotherSpecNamesThatSpecAndARepeatWithinASpecIsNumbered() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("table2/aaaa", "ppo");
        labels.put("table2/bbbb", "trpo");
        labels.put("humanoid/cccc", "ppo");
        labels.put("table2/dddd", "ppo");
        labels.put("humanoid/eeee", "ppo");
        labels.put("loose-label", "trpo");
        Map<String, String> unique = CellLabels.unique(labels);
        assertEquals("ppo", unique.get("table2/aaaa"));
        assertEquals("trpo", unique.get("table2/bbbb"));
        assertEquals("ppo (humanoid)", unique.get("humanoid/cccc"));
        assertEquals("ppo #2", unique.get("table2/dddd"));
        assertEquals("ppo (humanoid) #2", unique.get("humanoid/eeee"));
        assertEquals("trpo #2", unique.get("loose-label"), "a tree without cell.json has no spec to name");
    }
}
