package dev.ablate4j.report;

import dev.ablate4j.config.ConfigException;
import dev.ablate4j.config.Key;
import dev.ablate4j.config.Keys;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Canonical text of JSON config values, so that 300000, 300000.0 and 3e5 compare equal. */
public final class Values {

    private Values() {}

    /**
     * The number a config.json records for {@code key}, read as the config key reads it (so
     * {@code "inf"} is infinity and {@code "none"} NaN); NaN when missing, not numeric or not a key
     * of this version.
     */
    public static double number(Map<String, Object> config, String key) {
        Object v = config.get(key);
        Key<?> k = Keys.byName(key);
        if (v == null || k == null) {
            return v instanceof Number n ? n.doubleValue() : Double.NaN;
        }
        try {
            return k.parse(v) instanceof Number n ? n.doubleValue() : Double.NaN;
        } catch (ConfigException e) {
            return Double.NaN;
        }
    }

    /** A config value as the report shows it: {@link #canonical}, but numbers from 1e9 on as {@link Fmt#compact}. */
    public static String shown(Object v) {
        return v instanceof Number n && !(v instanceof Long || v instanceof Integer) && Math.abs(n.doubleValue()) >= 1e9
                ? Fmt.compact(n.doubleValue()) : canonical(v);
    }

    /** The canonical text of a JSON value read by Jackson (number, boolean, string, list, map, null). */
    public static String canonical(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                return Double.toString(d);
            }
            return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        }
        if (v instanceof Number) {
            return new BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
        }
        if (v instanceof List<?> list) {
            return list.stream().map(Values::canonical).collect(Collectors.joining(",", "[", "]"));
        }
        if (v instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(e -> e.getKey() + ":" + canonical(e.getValue()))
                    .sorted()
                    .collect(Collectors.joining(",", "{", "}"));
        }
        return v.toString();
    }
}
