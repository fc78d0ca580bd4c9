package dev.ablate4j.matrix;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ablate4j.adaptive.Comparison;
import dev.ablate4j.adaptive.SeedRule;
import dev.ablate4j.config.ConfigException;
import dev.ablate4j.config.Key;
import dev.ablate4j.config.Keys;
import dev.ablate4j.config.Preset;
import dev.ablate4j.config.Suggest;
import dev.ablate4j.config.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks a spec file. YAML is parsed by Jackson into a plain tree (no object
 * construction from tags, so loading is safe), duplicate keys are errors, and every key and value
 * is checked against {@link Keys} with the same messages as the CLI, prefixed by the file and the
 * place in the spec. Malformed YAML is reported as {@code file:line:column: problem}.
 *
 * <pre>
 * name: example                    # results go to DIR/example/
 * base: {preset: ppo, policy-lr: 3.0e-4}
 * design: factorial                # or one-at-a-time
 * factors:
 *   value-clip: [true, false]
 *   policy-lr: [1.0e-4, 3.0e-4]
 * overrides:                       # optional, applied in order
 *   - when: {env: Hopper-v4, preset: trpo}
 *     set: {max-kl: 0.13}
 * envs: [Pendulum-v1]
 * seeds: 3                         # or a list: [0, 7, 11], or adaptive (see below)
 * steps: 300000
 * </pre>
 *
 * <p>Adaptive seeds ({@link dev.ablate4j.adaptive}) are a mapping:
 * <pre>
 * seeds: {min: 5, max: 40, step: 5, until: {ci-half-width: 150}}
 * seeds: {min: 5, max: 40, step: 5, until: {decided: [ppo vs ppo-m, trpo+ vs trpo]}}
 * </pre>
 * {@code until} holds one or both rules; comparisons name cell labels, checked when the spec is
 * expanded ({@link Expansion}). Such a spec's {@link Spec#seeds} are 0 .. max − 1, the most it can run.
 * <pre>
 * </pre>
 */
public final class SpecReader {

    /** Names allowed for specs and environment directories: no separators, no leading '.' or '-'. */
    public static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    static final String NAME = "name";
    static final String DESCRIPTION = "description";
    static final String DESIGN = "design";
    static final String BASE = "base";
    static final String FACTORS = "factors";
    static final String OVERRIDES = "overrides";
    static final String ENVS = "envs";
    static final String SEEDS = "seeds";
    static final String STEPS = "steps";
    private static final List<String> TOP_KEYS = List.of(NAME, DESCRIPTION, DESIGN, BASE, FACTORS, OVERRIDES, ENVS,
            SEEDS, STEPS);
    private static final List<String> OVERRIDE_KEYS = List.of("when", "set");
    private static final List<String> ADAPTIVE_KEYS = List.of("min", "max", "step", "until");
    private static final List<String> UNTIL_KEYS = List.of("ci-half-width", "decided");
    /** Most seeds a spec may name (count, list or adaptive max). */
    static final long MAX_SEEDS = 1_000_000;

    private static final YAMLMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private SpecReader() {}

    /** Reads {@code file}; any problem is a {@link SpecException} naming the file. */
    public static Spec read(Path file) {
        String where = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new SpecException(where + ": no such spec file");
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new SpecException(where + ": " + size + " bytes; a spec may have at most " + MAX_BYTES
                        + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SpecException(where + ": cannot read: " + e.getMessage());
        }
        return parse(SpecText.utf8(bytes, where), where);
    }

    /** The largest spec file (the committed ones are under 5 kB). */
    public static final long MAX_BYTES = 1 << 20;

    /** Parses spec text; {@code where} (usually the file name) starts every message. */
    public static Spec parse(String yaml, String where) {
        if (yaml.length() > MAX_BYTES) {
            throw new SpecException(where + ": more than " + MAX_BYTES + " characters; too large for a spec");
        }
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new SpecException(malformed(where, e));
        }
        if (SpecText.hasAliases(yaml)) {
            root = SpecText.resolveAliases(yaml, where);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new SpecException(where + ": the spec is empty; it needs at least name, envs and seeds");
        }
        if (!root.isObject()) {
            throw new SpecException(where + ": a spec is a mapping of keys (" + String.join(", ", TOP_KEYS)
                    + "), not a " + kind(root));
        }
        return new SpecReader.Parse(where).spec(root);
    }

    private static String malformed(String where, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String problem = e.getOriginalMessage();
        Throwable cause = e.getCause();
        if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblem() != null) {
            problem = m.getProblem() + (m.getContext() != null ? " (" + m.getContext() + ")" : "");
            if (m.getProblemMark() != null) {
                return where + ":" + (m.getProblemMark().getLine() + 1) + ":" + (m.getProblemMark().getColumn() + 1)
                        + ": malformed YAML: " + oneLine(problem);
            }
        }
        String at = loc != null && loc.getLineNr() > 0 ? ":" + loc.getLineNr() + ":" + loc.getColumnNr() : "";
        return where + at + ": malformed YAML: " + oneLine(problem);
    }

    private static String oneLine(String s) {
        return s == null ? "unreadable" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static String kind(JsonNode n) {
        if (n.isObject()) {
            return "mapping";
        }
        if (n.isArray()) {
            return "list";
        }
        if (n.isNull()) {
            return "null";
        }
        return "single value ('" + n.asText() + "')";
    }

    /** A YAML scalar or list as a plain Java value (String, Boolean, Integer/Long, Double, List). */
    static Object raw(JsonNode n) {
        if (n.isArray()) {
            List<Object> list = new ArrayList<>();
            n.forEach(e -> list.add(raw(e)));
            return list;
        }
        if (n.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            n.properties().forEach(e -> map.put(e.getKey(), raw(e.getValue())));
            return map;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToLong() ? (Object) n.longValue() : n.asText();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isNull()) {
            return null;
        }
        return n.asText();
    }

    /** One parse, carrying the file name for messages. */
    private static final class Parse {
        private final String where;

        Parse(String where) {
            this.where = where;
        }

        private SpecException error(String place, String message) {
            return new SpecException(where + ": " + (place.isEmpty() ? "" : place + ": ") + message);
        }

        Spec spec(JsonNode root) {
            for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
                String key = it.next();
                if (!TOP_KEYS.contains(key)) {
                    throw error("", "unknown key '" + key + "'" + Suggest.nearest(key, TOP_KEYS) + "; allowed: "
                            + String.join(", ", TOP_KEYS));
                }
            }
            String name = name(root.get(NAME));
            Design design = design(root.get(DESIGN));
            Map<String, Object> base = new LinkedHashMap<>();
            String preset = base(root.get(BASE), base);
            if (root.has(STEPS)) {
                base.put(Keys.STEPS.name(), checked(STEPS, Keys.STEPS, raw(root.get(STEPS))));
            }
            Map<String, List<Object>> factors = factors(root.get(FACTORS));
            List<String> envs = envs(root.get(ENVS));
            JsonNode seedsNode = root.get(SEEDS);
            SeedRule adaptive = seedsNode != null && seedsNode.isObject() ? adaptive(seedsNode) : null;
            List<Long> seeds = adaptive != null ? counted(adaptive.max()) : seeds(seedsNode);
            List<ConditionalOverride> overrides = overrides(root.get(OVERRIDES), factors.keySet(), envs);
            return new Spec(name, where, preset, base, design, factors, overrides, envs, seeds, adaptive);
        }

        private String name(JsonNode n) {
            if (n == null) {
                throw error("", "missing key 'name' (the results subdirectory, e.g. name: quickstart)");
            }
            if (!n.isTextual() && !n.isNumber()) {
                throw error(NAME, "expected a single word, got a " + kind(n));
            }
            String name = n.asText();
            if (!SAFE_NAME.matcher(name).matches()) {
                throw error(NAME, "'" + name + "' cannot be a results directory name: use letters, digits, '.', '_'"
                        + " and '-', starting with a letter or digit (no '/', no '..')");
            }
            return name;
        }

        private Design design(JsonNode n) {
            if (n == null) {
                return Design.FACTORIAL;
            }
            Design d = n.isTextual() ? Design.byId(n.asText()) : null;
            if (d == null) {
                throw error(DESIGN, "unknown design '" + n.asText() + "'; allowed: " + Design.ids());
            }
            return d;
        }

        /** Fills {@code base} and returns the preset id. */
        private String base(JsonNode n, Map<String, Object> base) {
            String preset = Preset.PPO.id();
            if (n == null) {
                return preset;
            }
            if (!n.isObject()) {
                throw error(BASE, "expected a mapping like {preset: ppo, policy-lr: 3.0e-4}, got a " + kind(n));
            }
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                String key = e.getKey();
                String place = BASE + ": " + key;
                if (key.equals(Spec.PRESET)) {
                    preset = preset(place, raw(e.getValue()));
                    continue;
                }
                Key<?> k = configKey(BASE, key);
                if (k == Keys.STEPS) {
                    throw error(place, "put steps at the top level of the spec (steps: N)");
                }
                base.put(k.name(), checked(place, k, raw(e.getValue())));
            }
            return preset;
        }

        private String preset(String place, Object raw) {
            if (!(raw instanceof String s) || s.equals(TrainConfig.PAPER_CONFIG)) {
                throw error(place, "expected a preset name; allowed: " + String.join(", ", TrainConfig.presetIds()));
            }
            try {
                return TrainConfig.canonicalId(s);
            } catch (ConfigException e) {
                throw error(place, e.getMessage().substring("preset: ".length()));
            }
        }

        /** A config key allowed in base, factors and overrides: any key but env and seed. */
        private Key<?> configKey(String place, String key) {
            if (key.equals(Keys.ENV.name())) {
                throw error(place + ": env", "environments are listed under 'envs', not set as a key");
            }
            if (key.equals(Keys.SEED.name())) {
                throw error(place + ": seed", "seeds are listed under 'seeds', not set as a key");
            }
            try {
                return Keys.require(key, "");
            } catch (ConfigException e) {
                List<String> allowed = new ArrayList<>();
                allowed.add(Spec.PRESET);
                for (Key<?> k : Keys.all()) {
                    if (k != Keys.ENV && k != Keys.SEED) {
                        allowed.add(k.name());
                    }
                }
                throw error(place, "unknown key '" + key + "'" + Suggest.nearest(key, allowed) + "; allowed: "
                        + String.join(", ", allowed));
            }
        }

        private Object checked(String place, Key<?> key, Object raw) {
            try {
                key.parse(raw);
                return raw;
            } catch (ConfigException e) {
                throw error(place, e.getMessage().startsWith(key.name() + ": ")
                        ? e.getMessage().substring(key.name().length() + 2) : e.getMessage());
            }
        }

        /** The typed value (preset id, or the key's parsed value), for duplicate detection. */
        private Object typed(String place, String key, Object raw) {
            if (key.equals(Spec.PRESET)) {
                return preset(place, raw);
            }
            Key<?> k = Keys.byName(key);
            checked(place, k, raw);
            return k.parse(raw);
        }

        private Map<String, List<Object>> factors(JsonNode n) {
            Map<String, List<Object>> factors = new LinkedHashMap<>();
            if (n == null || n.isNull()) {
                return factors;
            }
            if (!n.isObject()) {
                throw error(FACTORS, "expected a mapping of keys to lists of values, like value-clip: [true, false];"
                        + " got a " + kind(n));
            }
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                String key = e.getKey();
                String place = FACTORS + ": " + key;
                if (!key.equals(Spec.PRESET)) {
                    configKey(FACTORS, key);
                }
                JsonNode values = e.getValue();
                if (!values.isArray()) {
                    throw error(place, "expected a list of values like [true, false], got a " + kind(values));
                }
                if (values.isEmpty()) {
                    throw error(place, "empty list of values; give at least one value");
                }
                List<Object> list = new ArrayList<>();
                Set<Object> seen = new LinkedHashSet<>();
                for (JsonNode v : values) {
                    Object raw = raw(v);
                    if (!seen.add(typed(place, key, raw))) {
                        throw error(place, "value '" + raw + "' is listed twice");
                    }
                    list.add(key.equals(Spec.PRESET) ? typed(place, key, raw) : raw);
                }
                factors.put(key, List.copyOf(list));
            }
            return factors;
        }

        private List<String> envs(JsonNode n) {
            if (n == null) {
                throw error("", "missing key 'envs' (a list of environment ids, e.g. envs: [Pendulum-v1])");
            }
            List<String> envs = new ArrayList<>();
            if (n.isTextual()) {
                envs.add(n.asText());
            } else if (n.isArray()) {
                for (JsonNode e : n) {
                    if (!e.isTextual()) {
                        throw error(ENVS, "expected environment ids, got a " + kind(e));
                    }
                    envs.add(e.asText());
                }
            } else {
                throw error(ENVS, "expected a list of environment ids, got a " + kind(n));
            }
            if (envs.isEmpty()) {
                throw error(ENVS, "empty list; give at least one environment id");
            }
            Set<String> seen = new LinkedHashSet<>();
            for (String env : envs) {
                if (!seen.add(env)) {
                    throw error(ENVS, "'" + env + "' is listed twice");
                }
                if (!SAFE_NAME.matcher(env).matches()) {
                    throw error(ENVS, "'" + env + "' cannot be a directory name (letters, digits, '.', '_', '-')");
                }
            }
            return List.copyOf(envs);
        }

        private static List<Long> counted(long count) {
            List<Long> seeds = new ArrayList<>();
            for (long s = 0; s < count; s++) {
                seeds.add(s);
            }
            return List.copyOf(seeds);
        }

        /** {@code {min, max, step, until: {ci-half-width, decided}}}. */
        private SeedRule adaptive(JsonNode n) {
            String usage = "adaptive seeds are {min: 5, max: 40, step: 5, until: {ci-half-width: 150}}"
                    + " or until: {decided: [ppo vs ppo-m]}";
            unknownKeys(SEEDS, n, ADAPTIVE_KEYS);
            for (String key : ADAPTIVE_KEYS) {
                if (!n.has(key)) {
                    throw error(SEEDS, "missing key '" + key + "'; " + usage);
                }
            }
            long min = whole(SEEDS + ": min", n.get("min"), 2, MAX_SEEDS,
                    "a confidence interval and Welch's test need two runs per cell");
            long max = whole(SEEDS + ": max", n.get("max"), min, MAX_SEEDS, "max is at least min (" + min + ")");
            long step = whole(SEEDS + ": step", n.get("step"), 1, MAX_SEEDS, "seeds added per round");
            if (SeedRule.lookCount(min, max, step) > SeedRule.MAX_LOOKS) {
                throw error(SEEDS + ": step", step + " plans " + SeedRule.lookCount(min, max, step) + " looks from "
                        + min + " to " + max + " seeds; at most " + SeedRule.MAX_LOOKS + " are allowed (raise step)");
            }
            JsonNode until = n.get("until");
            String place = SEEDS + ": until";
            if (!until.isObject() || until.isEmpty()) {
                throw error(place, "expected a mapping with ci-half-width and/or decided, like {ci-half-width: 150},"
                        + " got a " + kind(until));
            }
            unknownKeys(place, until, UNTIL_KEYS);
            Double halfWidth = null;
            if (until.has("ci-half-width")) {
                JsonNode h = until.get("ci-half-width");
                if (!h.isNumber() || !(h.doubleValue() > 0) || Double.isInfinite(h.doubleValue())) {
                    throw error(place + ": ci-half-width", "'" + h.asText() + "' is not a positive number"
                            + " (the largest half-width of the 95% interval of a cell's mean final return)");
                }
                halfWidth = h.doubleValue();
            }
            List<Comparison> decided = new ArrayList<>();
            if (until.has("decided")) {
                decided = comparisons(place + ": decided", until.get("decided"));
            }
            return new SeedRule((int) min, (int) max, (int) step, halfWidth, decided);
        }

        private List<Comparison> comparisons(String place, JsonNode n) {
            if (!n.isArray() || n.isEmpty()) {
                throw error(place, "expected a list of comparisons like [ppo vs ppo-m, trpo+ vs trpo], got "
                        + (n.isArray() ? "an empty list" : "a " + kind(n)));
            }
            List<Comparison> out = new ArrayList<>();
            for (JsonNode c : n) {
                if (!c.isTextual()) {
                    throw error(place, "expected 'label vs label', got a " + kind(c));
                }
                try {
                    out.add(Comparison.parse(c.asText()));
                } catch (IllegalArgumentException e) {
                    throw error(place, e.getMessage());
                }
            }
            return out;
        }

        private long whole(String place, JsonNode n, long lo, long hi, String why) {
            if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < lo || n.longValue() > hi) {
                throw error(place, "'" + n.asText() + "' is not a whole number from " + lo + " to " + hi + " (" + why
                        + ")");
            }
            return n.longValue();
        }

        private void unknownKeys(String place, JsonNode n, List<String> allowed) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
                String key = it.next();
                if (!allowed.contains(key)) {
                    throw error(place, "unknown key '" + key + "'" + Suggest.nearest(key, allowed) + "; allowed: "
                            + String.join(", ", allowed));
                }
            }
        }

        private List<Long> seeds(JsonNode n) {
            String usage = "a count like 3 (seeds 0, 1, 2), a list like [0, 7, 11] or adaptive seeds like"
                    + " {min: 5, max: 40, step: 5, until: {ci-half-width: 150}}";
            if (n == null) {
                throw error("", "missing key 'seeds' (" + usage + ")");
            }
            List<Long> seeds = new ArrayList<>();
            if (n.isIntegralNumber() && n.canConvertToLong()) {
                long count = n.longValue();
                if (count <= 0 || count > MAX_SEEDS) {
                    throw error(SEEDS, "'" + count + "' is not a count from 1 to " + MAX_SEEDS + "; expected " + usage);
                }
                return counted(count);
            }
            if (!n.isArray()) {
                throw error(SEEDS, "expected " + usage + ", got a " + kind(n));
            }
            if (n.isEmpty()) {
                throw error(SEEDS, "empty list; give at least one seed");
            }
            Set<Long> seen = new LinkedHashSet<>();
            for (JsonNode s : n) {
                if (!s.isIntegralNumber() || !s.canConvertToLong() || s.longValue() < 0) {
                    throw error(SEEDS, "'" + s.asText() + "' is not a whole number >= 0");
                }
                if (!seen.add(s.longValue())) {
                    throw error(SEEDS, "seed " + s.longValue() + " is listed twice");
                }
                seeds.add(s.longValue());
            }
            return List.copyOf(seeds);
        }

        private List<ConditionalOverride> overrides(JsonNode n, Set<String> factorKeys, List<String> envs) {
            List<ConditionalOverride> overrides = new ArrayList<>();
            if (n == null || n.isNull()) {
                return overrides;
            }
            if (!n.isArray()) {
                throw error(OVERRIDES, "expected a list of {when: {...}, set: {...}} entries, got a " + kind(n));
            }
            int position = 0;
            for (JsonNode entry : n) {
                position++;
                String place = OVERRIDES + "[" + position + "]";
                if (!entry.isObject()) {
                    throw error(place, "expected {when: {...}, set: {...}}, got a " + kind(entry));
                }
                for (Iterator<String> it = entry.fieldNames(); it.hasNext();) {
                    String key = it.next();
                    if (!OVERRIDE_KEYS.contains(key)) {
                        throw error(place, "unknown key '" + key + "'" + Suggest.nearest(key, OVERRIDE_KEYS)
                                + "; allowed: when, set");
                    }
                }
                Map<String, List<Object>> when = when(place + ": when", entry.get("when"), envs);
                Map<String, Object> set = set(place + ": set", entry.get("set"), factorKeys);
                overrides.add(new ConditionalOverride(when, set, position));
            }
            return List.copyOf(overrides);
        }

        private Map<String, List<Object>> when(String place, JsonNode n, List<String> envs) {
            if (n == null || !n.isObject() || n.isEmpty()) {
                throw error(place, "expected a mapping of conditions like {env: Hopper-v4, preset: trpo}");
            }
            Map<String, List<Object>> when = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                String key = e.getKey();
                String at = place + ": " + key;
                List<Object> values = new ArrayList<>();
                if (e.getValue().isArray()) {
                    e.getValue().forEach(v -> values.add(raw(v)));
                } else {
                    values.add(raw(e.getValue()));
                }
                if (values.isEmpty()) {
                    throw error(at, "empty list of values; give at least one value");
                }
                List<Object> typed = new ArrayList<>();
                for (Object v : values) {
                    if (key.equals(Spec.ENV)) {
                        if (!envs.contains(String.valueOf(v))) {
                            throw error(at, "'" + v + "' is not one of the spec's envs" + Suggest.nearest(
                                    String.valueOf(v), envs) + "; envs: " + String.join(", ", envs));
                        }
                        typed.add(String.valueOf(v));
                    } else if (key.equals(Spec.PRESET)) {
                        typed.add(preset(at, v));
                    } else {
                        if (key.equals(Keys.SEED.name())) {
                            throw error(at, "conditions on seeds are not allowed");
                        }
                        typed.add(typed(at, configKey(place, key).name(), v));
                    }
                }
                when.put(key, List.copyOf(typed));
            }
            return when;
        }

        private Map<String, Object> set(String place, JsonNode n, Set<String> factorKeys) {
            if (n == null || !n.isObject() || n.isEmpty()) {
                throw error(place, "expected a mapping of config keys to values like {policy-lr: 3.0e-4}");
            }
            Map<String, Object> set = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                String key = e.getKey();
                String at = place + ": " + key;
                if (key.equals(Spec.PRESET)) {
                    throw error(at, "an override cannot change the preset; make preset a factor instead");
                }
                Key<?> k = configKey(place, key);
                if (k == Keys.STEPS) {
                    throw error(at, "steps cannot be overridden per condition; set it at the top level or as a factor");
                }
                if (factorKeys.contains(k.name())) {
                    throw error(at, "'" + k.name() + "' is a factor; an override may not also set it");
                }
                set.put(k.name(), checked(at, k, raw(e.getValue())));
            }
            return set;
        }
    }
}
