package dev.ablate4j.report.sections;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The provenance section's "differs from the baseline in" column: keys sorted, the other config's
 * value as the report shows values, a key only one side has shown as varying or absent.
 */
class ProvenanceDifferencesTest {

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void listsTheOtherConfigsValueOfEachDifferingKeyInKeyOrder() {
        Map<String, Object> base = map("value-clip", true, "gamma", 0.99, "lr", 3.0e-4, "steps", 1000000);
        Map<String, Object> other = map("value-clip", false, "gamma", 0.99, "lr", 0.0003, "steps", 2000000);
        assertEquals("steps = 2000000; value-clip = false", ProvenanceSection.differences(base, other),
                "3.0E-4 and 0.0003 are one value");
    }

    @Test
    void aKeyOnlyOneSideHoldsIsShownAsVaryingOrAbsent() {
        assertEquals("seed = (varies/absent)", ProvenanceSection.differences(map("seed", 1), map()));
        assertEquals("seed = 1", ProvenanceSection.differences(map(), map("seed", 1)));
        Map<String, Object> withNull = map("max-kl", null);
        assertEquals("max-kl = null", ProvenanceSection.differences(map(), withNull), "present but null is a value");
    }

    @Test
    void largeRealNumbersAreShownCompactAndTheSameConfigSaysSo() {
        assertEquals("budget = 2E+9", ProvenanceSection.differences(map("budget", 1.0e9), map("budget", 2.0e9)));
        assertEquals("nothing (same config)", ProvenanceSection.differences(map("a", 1), map("a", 1)));
    }
}
