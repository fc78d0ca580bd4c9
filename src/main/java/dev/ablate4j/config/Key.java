package dev.ablate4j.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * One configuration key: its name (the CLI flag without dashes, the spec-file key, the key in
 * {@code config.json}), its type, a description for {@code --help}, and what values are allowed.
 *
 * <p>The validator is a predicate on the typed value; {@link #parse} converts a raw value to the
 * type and applies it, and {@link TrainConfig#resolve} applies it to every value a config is made
 * of (preset values included), so a value is checked where the message can name its source.
 *
 * @param <T> Boolean, Integer, Long, Double, String, {@code List<Integer>}, or an enum implementing
 *            {@link Choice} (a key whose value is one of a fixed set of words)
 */
public final class Key<T> {

    /** How a number key that allows "no value" spells it on the command line and in files (held as NaN). */
    public static final String NONE = "none";

    /** The value types a key can have; {@code ENUM}: an enum implementing {@link Choice}, read and written as its word. */
    public enum Type { BOOLEAN, INT, LONG, DOUBLE, STRING, INT_LIST, ENUM }

    private final String name;
    private final Type type;
    private final String description;
    private final Predicate<? super T> allowed;
    private final Class<T> choices;
    private final String allowedText;
    private final String group;
    private final T defaultValue;
    private final boolean addedLater;

    Key(String name, Type type, String group, String description, Predicate<? super T> allowed, String allowedText,
            T defaultValue, boolean addedLater) {
        this(name, type, null, group, description, allowed, allowedText, defaultValue, addedLater);
    }

    /** An enum-valued key: every constant of {@code choices} is allowed, and the allowed text lists their words. */
    static <E extends Enum<E> & Choice> Key<E> ofChoices(String name, Class<E> choices, String group,
            String description, E defaultValue, boolean addedLater) {
        return new Key<>(name, Type.ENUM, choices, group, description, v -> true, words(choices), defaultValue,
                addedLater);
    }

    private Key(String name, Type type, Class<T> choices, String group, String description,
            Predicate<? super T> allowed, String allowedText, T defaultValue, boolean addedLater) {
        this.name = name;
        this.choices = choices;
        this.type = type;
        this.group = group;
        this.description = description;
        this.allowed = allowed;
        this.allowedText = allowedText;
        this.defaultValue = defaultValue;
        this.addedLater = addedLater;
    }

    /** The value unless a preset or an override sets another. */
    public T defaultValue() {
        return defaultValue;
    }

    /**
     * For a key added after the first release of the run format: the value every run made before the
     * key existed implicitly had (its behaviour then), so a {@code config.json} without the key reads
     * as that value and a cell id ignores the key while it holds it. Null for the original keys.
     */
    public Object legacyValue() {
        return addedLater ? defaultValue : null;
    }

    /** Whether {@code value} is this key's {@link #legacyValue()} (never true for the original keys). */
    public boolean isLegacyValue(Object value) {
        return addedLater && defaultValue.equals(value);
    }

    public String name() {
        return name;
    }

    public Type type() {
        return type;
    }

    /** Section of {@code --help} the key is listed under. */
    public String group() {
        return group;
    }

    public String description() {
        return description;
    }

    /** For an {@link Type#ENUM} key: its values in declaration order; otherwise an empty list. */
    public List<T> choices() {
        return choices == null ? List.of() : List.of(choices.getEnumConstants());
    }

    /** "a or b", "a, b or c": the words of an enum key's values, as error messages list them. */
    private static String words(Class<? extends Choice> choices) {
        List<String> words = new ArrayList<>();
        for (Choice c : choices.getEnumConstants()) {
            words.add(c.word());
        }
        int last = words.size() - 1;
        return last == 0 ? words.get(0) : String.join(", ", words.subList(0, last)) + " or " + words.get(last);
    }

    /** Whether {@code value} has this key's type (not whether the validator allows it). */
    boolean accepts(Object value) {
        return switch (type) {
            case BOOLEAN -> value instanceof Boolean;
            case INT -> value instanceof Integer;
            case LONG -> value instanceof Long;
            case DOUBLE -> value instanceof Double;
            case STRING -> value instanceof String;
            case INT_LIST -> value instanceof List<?> l && l.stream().allMatch(Integer.class::isInstance);
            case ENUM -> choices.isInstance(value);
        };
    }

    /** What values are allowed, in words (for error messages). */
    public String allowedText() {
        return allowedText;
    }

    /**
     * Converts a raw value (a CLI string, or a YAML/JSON scalar or list) to this key's type and
     * checks it, or throws a {@link ConfigException} naming the key and what is allowed. A value
     * that already has the key's type (an enum constant, a Double, ...) is checked as it is.
     */
    @SuppressWarnings("unchecked")
    public T parse(Object raw) {
        Object value;
        try {
            value = convert(raw);
        } catch (RuntimeException e) {
            if (type == Type.LONG && "beyond the range of a long".equals(e.getMessage())) {
                throw new ConfigException(name + ": '" + raw + "' is beyond the range of a 64-bit whole number ("
                        + Long.MIN_VALUE + " to " + Long.MAX_VALUE + "); allowed: " + allowedText);
            }
            throw new ConfigException(name + ": '" + raw + "' is not " + allowedText);
        }
        if (!allowed.test((T) value)) {
            throw new ConfigException(name + ": '" + raw + "' is not " + allowedText);
        }
        return (T) value;
    }

    private Object convert(Object raw) {
        if (raw == null) {
            if (type == Type.DOUBLE) {
                return Double.NaN;
            }
            throw new IllegalArgumentException("null");
        }
        switch (type) {
            case BOOLEAN:
                if (raw instanceof Boolean b) {
                    return b;
                }
                String s = raw.toString().trim().toLowerCase(Locale.ROOT);
                if (s.equals("true") || s.equals("on")) {
                    return true;
                }
                if (s.equals("false") || s.equals("off")) {
                    return false;
                }
                throw new IllegalArgumentException(s);
            case INT:
                return Math.toIntExact(integral(raw));
            case LONG:
                return integral(raw);
            case DOUBLE:
                if (raw instanceof Number n) {
                    return n.doubleValue();
                }
                String d = raw.toString().trim().toLowerCase(Locale.ROOT);
                if (d.equals("inf") || d.equals("infinity") || d.equals(".inf")) {
                    return Double.POSITIVE_INFINITY;
                }
                if (d.equals(NONE)) {
                    return Double.NaN;
                }
                return Double.parseDouble(d);
            case STRING:
                if (raw instanceof String str) {
                    return str;
                }
                throw new IllegalArgumentException("not a string");
            case INT_LIST:
                List<Integer> list = new ArrayList<>();
                if (raw instanceof List<?> l) {
                    for (Object o : l) {
                        list.add(Math.toIntExact(integral(o)));
                    }
                } else {
                    for (String part : raw.toString().split(",")) {
                        list.add(Integer.parseInt(part.trim()));
                    }
                }
                return List.copyOf(list);
            case ENUM:
                if (choices.isInstance(raw)) {
                    return raw;
                }
                if (raw instanceof String word) {
                    for (T c : choices.getEnumConstants()) {
                        if (((Choice) c).word().equals(word)) {
                            return c;
                        }
                    }
                }
                throw new IllegalArgumentException("not one of the words");
            default:
                throw new AssertionError(type);
        }
    }

    /**
     * A whole number within the range of a long. Values beyond it (a seed of 10^20, given as a flag
     * or in a config file) are refused rather than saturated to {@link Long#MAX_VALUE}; so are
     * fractions and infinities.
     */
    private static long integral(Object raw) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof java.math.BigDecimal b) {
            if (b.signum() != 0 && b.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException("not integral");
            }
            return exact(b.toBigInteger());
        }
        if (raw instanceof java.math.BigInteger b) {
            return exact(b);
        }
        if (raw instanceof Number n) {
            return wholeDouble(n.doubleValue());
        }
        String s = raw.toString().trim().replace("_", "");
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            if (s.matches("[+-]?[0-9]+")) {
                throw new IllegalArgumentException("beyond the range of a long", e);
            }
            return wholeDouble(Double.parseDouble(s));
        }
    }

    private static long exact(java.math.BigInteger b) {
        if (b.bitLength() > 63) {
            throw new IllegalArgumentException("beyond the range of a long");
        }
        return b.longValue();
    }

    /** {@code d} as a long when it is a whole number strictly inside the range of a long. */
    private static long wholeDouble(double d) {
        if (d != Math.rint(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("not integral");
        }
        if (d >= 0x1p63 || d < -0x1p63) {
            throw new IllegalArgumentException("beyond the range of a long");
        }
        return (long) d;
    }

    @Override
    public String toString() {
        return name;
    }
}
