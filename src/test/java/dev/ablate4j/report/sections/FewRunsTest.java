package dev.ablate4j.report.sections;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The few-seeds sentence of the report. */
class FewRunsTest {

    @Test
    void namesConfigsBelowFiveRunsByCountAndStaysShortWhenAllAreFew() {
        assertNull(FewRuns.note(Map.of("ppo", 5, "trpo", 10)));
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("ppo", 10);
        m.put("ppo, no value clipping", 1);
        m.put("trpo", 3);
        String note = FewRuns.note(m);
        assertTrue(note.startsWith("Few seeds: n = 1: too few runs for an interval (ppo, no value clipping); "
                + "n = 3: too few runs for a reliable interval (trpo)."), note);
        Map<String, Integer> all = new LinkedHashMap<>();
        for (int i = 0; i < 32; i++) {
            all.put("config " + i, 3);
        }
        assertTrue(FewRuns.note(all).startsWith("Few seeds: n = 3: too few runs for a reliable interval (all 32 configs)."),
                FewRuns.note(all));
        all.put("big", 10);
        String capped = FewRuns.note(all);
        assertTrue(capped.contains("config 5; and 26 more)"), capped);
        assertEquals(1, capped.split("Few seeds").length - 1);
    }
}
