package dev.ablate4j.tweak;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** An immutable set of switched-on optimizations. */
public final class OptimizationSet {

    private final EnumSet<Optimization> on;

    private OptimizationSet(EnumSet<Optimization> on) {
        this.on = on;
    }

    public static OptimizationSet of(Set<Optimization> on) {
        return new OptimizationSet(on.isEmpty() ? EnumSet.noneOf(Optimization.class) : EnumSet.copyOf(on));
    }

    public static OptimizationSet none() {
        return new OptimizationSet(EnumSet.noneOf(Optimization.class));
    }

    public static OptimizationSet all() {
        return new OptimizationSet(EnumSet.allOf(Optimization.class));
    }

    public boolean has(Optimization o) {
        return on.contains(o);
    }

    public OptimizationSet with(Optimization o, boolean enabled) {
        EnumSet<Optimization> copy = EnumSet.copyOf(on.isEmpty() ? EnumSet.noneOf(Optimization.class) : on);
        if (enabled) {
            copy.add(o);
        } else {
            copy.remove(o);
        }
        return new OptimizationSet(copy);
    }

    public Set<Optimization> asSet() {
        return Collections.unmodifiableSet(on);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OptimizationSet s && s.on.equals(on);
    }

    @Override
    public int hashCode() {
        return on.hashCode();
    }

    @Override
    public String toString() {
        return on.stream().map(Optimization::key).collect(Collectors.joining(",", "[", "]"));
    }
}
