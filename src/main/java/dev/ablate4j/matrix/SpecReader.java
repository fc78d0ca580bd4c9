package dev.ablate4j.matrix;

import static dev.ablate4j.matrix.SpecErrors.kind;
import static dev.ablate4j.matrix.SpecErrors.raw;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ablate4j.config.Keys;
import dev.ablate4j.config.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 *   separate-optimizers:           # a bundle: a name that is no config key, levels that are mappings
 *     - {}                         # the base's level
 *     - {optimizer: separate, grad-clip-scope: both}
 * overrides:                       # optional, applied in order
 *   - when: {env: Hopper-v4, preset: trpo}
 *     set: {max-kl: 0.13}
 * envs: [Pendulum-v1]
 * seeds: 3                         # or a list: [0, 7, 11], or adaptive (see below)
 * steps: 300000
 * equivalence-margin: 100          # optional: the report's TOST margin, in units of final return
 * interval: t                      # optional: the report's interval method (t, bootstrap-t, percentile, bca)
 * </pre>
 *
 * <p>Adaptive seeds ({@link dev.ablate4j.adaptive}) are a mapping:
 * <pre>
 * seeds: {min: 5, max: 40, step: 5, until: {ci-half-width: 150}}
 * seeds: {min: 5, max: 40, step: 5, until: {decided: [ppo vs ppo-m, trpo+ vs trpo]}}
 * seeds: {min: 4, max: 10, step: 3, until: {main-effects: decided}}   # a factorial of [true, false] switches
 * </pre>
 * {@code until} holds one or both rules; comparisons name cell labels, checked when the spec is
 * expanded ({@link Expansion}). Such a spec's {@link Spec#seeds} are 0 .. max − 1, the most it can run
 * ({@link SeedsReader}). Problems are told through {@link SpecErrors}.
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
    static final String SEEDS = SeedsReader.SEEDS;
    static final String STEPS = "steps";
    /** Optional key: the equivalence margin of the report's verdicts (TOST). */
    public static final String EQUIVALENCE_MARGIN = "equivalence-margin";
    public static final String INTERVAL = "interval";
    private static final List<String> TOP_KEYS = List.of(NAME, DESCRIPTION, DESIGN, BASE, FACTORS, OVERRIDES, ENVS,
            SEEDS, STEPS, EQUIVALENCE_MARGIN, INTERVAL);

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
        boolean specialFloats = false;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            // Jackson's YAML parser cannot read YAML's .inf, -.inf, .nan; SnakeYAML's composer can
            if (!SpecText.hasSpecialFloats(yaml)) {
                throw new SpecException(malformed(where, e));
            }
            root = null;
            specialFloats = true;
        }
        boolean compose = SpecText.needsComposer(yaml, where);
        if (specialFloats || compose) {
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


    /**
     * One parse, carrying the file name for messages. Each value is parsed once, by the key it
     * belongs to ({@link SpecSettings#value}); the spec holds the typed values.
     */
    private static final class Parse {
        private final SpecErrors errors;
        private final SpecSettings settings;

        Parse(String where) {
            this.errors = new SpecErrors(where);
            this.settings = new SpecSettings(errors);
        }

        private SpecException error(String place, String message) {
            return errors.error(place, message);
        }

        Spec spec(JsonNode root) {
            errors.requireKnownKeys("", root, TOP_KEYS);
            String name = name(root.get(NAME));
            Design design = design(root.get(DESIGN));
            Map<String, Object> base = new LinkedHashMap<>();
            String preset = base(root.get(BASE), base);
            if (root.has(STEPS)) {
                base.put(Keys.STEPS.name(), settings.value(STEPS, Keys.STEPS.name(), raw(root.get(STEPS))));
            }
            Map<String, List<Object>> factors = factors(root.get(FACTORS));
            List<String> envs = envs(root.get(ENVS));
            SeedsReader seeds = new SeedsReader(errors, root.get(SEEDS));
            seeds.checkMainEffects(design, factors);
            List<ConditionalOverride> overrides = new OverridesReader(errors, settings)
                    .read(root.get(OVERRIDES), Spec.factorKeys(factors), envs);
            return new Spec(name, errors.where(), preset, base, design, factors, overrides, envs, seeds.seeds(),
                    seeds.rule(), margin(root.get(EQUIVALENCE_MARGIN)), interval(root.get(INTERVAL)));
        }

        /** {@code interval}: one of the report's interval methods, or absent. */
        private dev.ablate4j.stats.IntervalMethod interval(JsonNode n) {
            if (n == null) {
                return null;
            }
            try {
                if (!n.isTextual()) {
                    throw new IllegalArgumentException("allowed: " + dev.ablate4j.stats.IntervalMethod.names());
                }
                return dev.ablate4j.stats.IntervalMethod.parse(n.asText());
            } catch (IllegalArgumentException e) {
                throw error(INTERVAL, "must name the report's interval method (" + dev.ablate4j.stats.IntervalMethod.names()
                        + "), got " + (n.isValueNode() ? n.asText() : "a " + kind(n)));
            }
        }

        /** {@code equivalence-margin}: a positive finite number, or absent. */
        private Double margin(JsonNode n) {
            if (n == null) {
                return null;
            }
            double m = n.isNumber() ? n.asDouble() : n.isTextual() ? parseOrNaN(n.asText()) : Double.NaN;
            if (!(m > 0) || Double.isInfinite(m)) {
                throw error(EQUIVALENCE_MARGIN, "must be a positive finite number (the verdicts' TOST margin, in units"
                        + " of final return), got " + (n.isValueNode() ? n.asText() : "a " + kind(n)));
            }
            return m;
        }

        private static double parseOrNaN(String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
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

        /** Fills {@code base} with typed values and returns the preset id. */
        private String base(JsonNode n, Map<String, Object> base) {
            String preset = Preset.PPO.id();
            if (n == null) {
                return preset;
            }
            if (!n.isObject()) {
                throw error(BASE, "expected a mapping like {preset: ppo, policy-lr: 3.0e-4}, got a " + kind(n));
            }
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                String key = settings.key(BASE, e.getKey());
                String place = BASE + ": " + key;
                if (key.equals(Keys.STEPS.name())) {
                    throw error(place, "put steps at the top level of the spec (steps: N)");
                }
                Object value = settings.value(place, key, raw(e.getValue()));
                if (key.equals(Spec.PRESET)) {
                    preset = (String) value;
                } else {
                    base.put(key, value);
                }
            }
            return preset;
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
            BundleReader bundles = new BundleReader(errors, settings);
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                if (BundleReader.writtenAsBundle(e.getKey(), e.getValue())) {
                    factors.put(e.getKey(), bundles.read(e.getKey(), e.getValue()));
                    continue;
                }
                String key = settings.key(FACTORS, e.getKey());
                String place = FACTORS + ": " + key;
                JsonNode values = e.getValue();
                if (!values.isArray()) {
                    throw error(place, "expected a list of values like [true, false], got a " + kind(values));
                }
                if (values.isEmpty()) {
                    throw error(place, "empty list of values; give at least one value");
                }
                Set<Object> list = new LinkedHashSet<>();
                for (JsonNode v : values) {
                    Object raw = raw(v);
                    if (!list.add(settings.value(place, key, raw))) {
                        throw error(place, "value '" + raw + "' is listed twice");
                    }
                }
                factors.put(key, List.copyOf(list));
            }
            bundles.refuseSharedKeys(factors);
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
    }
}
