package dev.ablate4j.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Typed values of configuration keys, in the order they were set: what a preset changes and what
 * the paper import produces. {@link #set} takes a value of the key's own type, so an enum key takes
 * its enum constant and a number key a number, checked by the compiler; a value of the wrong runtime
 * type (through a raw or wildcard key) is refused at once.
 *
 * <p>The keys' validators run when a config is resolved from these values ({@link TrainConfig#resolve}),
 * not here: there the message can name the file or flag the value came from, and an override given
 * after the import (say {@code --rollout-steps} over a paper config's {@code t: 0}) can still replace it.
 */
public final class KeyValues {

    private final Map<Key<?>, Object> values = new LinkedHashMap<>();

    /** Sets {@code key} to {@code value} (a later set of the same key replaces it, keeping its place). */
    public <T> KeyValues set(Key<T> key, T value) {
        if (value == null || !key.accepts(value)) {
            throw new IllegalArgumentException(key.name() + ": " + value + " is not a value of the key's type "
                    + key.type());
        }
        values.put(key, value);
        return this;
    }

    /** Every value of {@code other}, set in its order. */
    public KeyValues setAll(KeyValues other) {
        values.putAll(other.values);
        return this;
    }

    /** The value of {@code key}, or null if it is not set. */
    @SuppressWarnings("unchecked")
    public <T> T get(Key<T> key) {
        return (T) values.get(key);
    }

    public boolean has(Key<?> key) {
        return values.containsKey(key);
    }

    /** The values by key name, in the order set: the form {@link TrainConfig#resolve} takes overrides in. */
    public Map<String, Object> byName() {
        Map<String, Object> v = new LinkedHashMap<>();
        values.forEach((k, value) -> v.put(k.name(), value));
        return Collections.unmodifiableMap(v);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyValues k && k.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return byName().toString();
    }
}
