package dev.ablate4j.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Canonical text of JSON config values, so that 300000, 300000.0 and 3e5 compare equal. */
final class Values {

    private Values() {}

    /** The canonical text of a JSON value read by Jackson (number, boolean, string, list, map, null). */
    static String canonical(Object v) {
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
