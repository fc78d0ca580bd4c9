package dev.ablate4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ablate4j.config.ConfigDiff.Difference;
import dev.ablate4j.config.ConfigDiff.Reading;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The one rule behind every "config differs" message: which keys two config maps disagree on. */
class ConfigDiffTest {

    private static final Reading PLAIN = Reading.plain(v -> Objects.toString(v, null));

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void onlyDifferingKeysAreListedInTheGivenOrderWithBothSidesText() {
        Map<String, Object> a = map("gamma", 0.99, "lam", 0.95, "seed", 1);
        Map<String, Object> b = map("gamma", 0.5, "lam", 0.95, "seed", 2);
        assertEquals(List.of(new Difference("seed", "1", "2"), new Difference("gamma", "0.99", "0.5")),
                ConfigDiff.between(List.of("seed", "lam", "gamma"), a, b, PLAIN));
        assertEquals(List.of(), ConfigDiff.between(List.of("lam"), a, b, PLAIN), "keys not asked about are not compared");
        assertEquals(List.of(), ConfigDiff.between(List.of("seed", "lam", "gamma"), a, a, PLAIN));
    }

    @Test
    void valuesAreComparedByTheirTextSoTheReadingDecidesWhatCountsAsEqual() {
        Map<String, Object> a = map("lr", 0.001);
        Map<String, Object> b = map("lr", "0.001");
        assertEquals(List.of(), ConfigDiff.between(List.of("lr"), a, b, PLAIN), "same text, same value");
        Reading typed = Reading.plain(v -> v == null ? null : v.getClass().getSimpleName() + ":" + v);
        assertEquals(List.of(new Difference("lr", "Double:0.001", "String:0.001")),
                ConfigDiff.between(List.of("lr"), a, b, typed));
    }

    @Test
    void aMissingKeyAndANullValueAreBothNoTextUnlessTheReadingSaysOtherwise() {
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("x", null);
        Map<String, Object> without = Map.of();
        assertEquals(List.of(), ConfigDiff.between(List.of("x"), withNull, without, PLAIN));
        assertEquals(List.of(new Difference("x", null, "1")), ConfigDiff.between(List.of("x"), without, map("x", 1),
                PLAIN));
        Reading absent = Reading.absentAs("(absent)", v -> String.valueOf(v));
        assertEquals(List.of(new Difference("x", "null", "(absent)")),
                ConfigDiff.between(List.of("x"), withNull, without, absent));
    }

    @Test
    void aKeyMissingFromAnOlderFileReadsAsItsLegacyValue() {
        Key<?> later = Keys.RESET_EVERY_ITERATION;
        assertNotNull(later.legacyValue(), "a key added later has a legacy value");
        Object legacy = TrainConfig.jsonValue(later.legacyValue());
        Reading legacyAware = Reading.withLegacyValues(v -> Objects.toString(v, null));
        Map<String, Object> old = map("gamma", 0.99);
        assertEquals(List.of(), ConfigDiff.between(List.of(later.name()), old, map(later.name(), legacy), legacyAware),
                "an old file without the key had the legacy behaviour");
        Object other = legacy.equals(Boolean.TRUE) ? Boolean.FALSE : Boolean.TRUE;
        assertEquals(List.of(new Difference(later.name(), String.valueOf(legacy), String.valueOf(other))),
                ConfigDiff.between(List.of(later.name()), old, map(later.name(), other), legacyAware));
        assertEquals(1, ConfigDiff.between(List.of(later.name()), old, map(later.name(), legacy), PLAIN).size(),
                "the plain reading does not fill legacy values");

        Key<?> original = Keys.byName("gamma");
        assertNull(original.legacyValue());
        assertEquals(List.of(new Difference("gamma", null, "0.99")),
                ConfigDiff.between(List.of("gamma"), map(), old, legacyAware), "an original key has no legacy value");
        assertEquals(List.of(new Difference("not-a-key", null, "1")),
                ConfigDiff.between(List.of("not-a-key"), map(), map("not-a-key", 1), legacyAware));
    }

    @Test
    void allKeysIsTheSortedUnionAndKeyNamesFollowTheRegistry() {
        assertEquals(List.of("a", "b", "c"), List.copyOf(ConfigDiff.allKeys(map("c", 1, "a", 2), map("b", 3, "a", 4))));
        List<String> names = ConfigDiff.keyNames();
        assertEquals(Keys.all().size(), names.size());
        assertEquals(Keys.all().get(0).name(), names.get(0));
        assertTrue(names.contains(Keys.RESET_EVERY_ITERATION.name()));
    }
}
