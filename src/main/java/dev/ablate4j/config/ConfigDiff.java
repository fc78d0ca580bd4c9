package dev.ablate4j.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which keys two configs disagree on, as {@code config.json} maps: the one comparison behind every
 * "config differs" message (a results directory written for another config, {@code train --out}
 * holding another run, a run the report leaves out, the provenance section's config differences).
 *
 * <p>Decision: the callers keep their own wording, key order and rendering of values, since those
 * are in files and messages users have; what is shared is the rule. A key differs when its two
 * values, each read by the same {@link Reading} (which decides what an absent key counts as and how
 * a value is written), give different text; keys are visited in the order the caller gives.
 */
public final class ConfigDiff {

    private ConfigDiff() {}

    /**
     * A key two configs disagree on, with each side's value as the {@link Reading} wrote it (null
     * when it wrote none).
     */
    public record Difference(String key, String left, String right) {}

    /** How a key's value is read from a config map and written as text (null: no value). */
    @FunctionalInterface
    public interface Reading {
        String text(Map<String, ?> config, String key);

        /** The value as the map holds it (absent = null), written by {@code text}. */
        static Reading plain(Function<Object, String> text) {
            return (config, key) -> text.apply(config.get(key));
        }

        /** As {@link #plain}, but an absent key is written as {@code absent}. */
        static Reading absentAs(String absent, Function<Object, String> text) {
            return (config, key) -> config.containsKey(key) ? text.apply(config.get(key)) : absent;
        }

        /**
         * An absent key of {@link Keys} reads as its legacy value ({@link Key#legacyValue()}, as
         * {@code config.json} writes it): a file written before the key existed had that behaviour.
         */
        static Reading withLegacyValues(Function<Object, String> text) {
            return (config, key) -> {
                Key<?> k = Keys.byName(key);
                return text.apply(config.containsKey(key) || k == null ? config.get(key)
                        : TrainConfig.jsonValue(k.legacyValue()));
            };
        }
    }

    /** The keys of {@code keys}, in their order, whose values in {@code a} and {@code b} differ when read by {@code reading}. */
    public static List<Difference> between(Collection<String> keys, Map<String, ?> a, Map<String, ?> b,
            Reading reading) {
        List<Difference> out = new ArrayList<>();
        for (String key : keys) {
            String x = reading.text(a, key);
            String y = reading.text(b, key);
            if (!Objects.equals(x, y)) {
                out.add(new Difference(key, x, y));
            }
        }
        return out;
    }

    /** Every key either config holds, sorted. */
    public static SortedSet<String> allKeys(Map<String, ?> a, Map<String, ?> b) {
        SortedSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    /** The names of all {@link Keys}, in their canonical order. */
    public static List<String> keyNames() {
        return Keys.all().stream().map(Key::name).toList();
    }
}
