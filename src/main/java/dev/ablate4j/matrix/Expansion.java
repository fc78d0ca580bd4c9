package dev.ablate4j.matrix;

import dev.ablate4j.adaptive.RuleFile;
import dev.ablate4j.config.ConfigException;
import dev.ablate4j.config.Keys;
import dev.ablate4j.config.TrainConfig;
import dev.ablate4j.env.Envs;
import dev.ablate4j.env.mujoco.MujocoEnvs;
import dev.ablate4j.results.Num;
import dev.ablate4j.tweak.Optimization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands a {@link Spec} into a {@link Plan}.
 *
 * <p>A cell's config is resolved in this order: the preset, the spec's {@code base} (with
 * {@code steps}), the overrides whose conditions hold and do not mention {@code env}, then the
 * cell's factor values (overrides never set a factor's key, so this order is only for clarity).
 * Conditions are evaluated against the config of preset, base and factors alone. The cell id is
 * the hash of that config without env and seed ({@link CellId}). A run's config adds the
 * overrides that mention its environment (in file order, later ones win), its env and its seed;
 * it is what the run's {@code config.json} holds. Env-specific overrides are deliberately not part
 * of the cell id, so a cell is the same experiment on every environment; changing such an override
 * later is caught when a results directory holds runs made with the old value.
 *
 * <p>A bundle factor ({@link BundleLevel}) sets each key of its level where an ordinary factor sets
 * its one key; everything else (conditions, ids, run configs) treats those keys as factor keys.
 *
 * <p>A spec with a MuJoCo task adds the MuJoCo version ({@link #mujocoVersion}) to every run's config
 * and to its cells' ids (leaving ids unchanged for the legacy 2.2.2), so runs on different MuJoCo
 * versions never share a cell, a run directory, a reuse or a merge. With {@code mujoco} as a factor
 * ({@link #hasMujocoFactor}) each cell carries its factor's version instead.
 */
public final class Expansion {

    /** Default limit on the number of runs a spec may expand to. */
    public static final long DEFAULT_MAX_RUNS = 10_000;
    /** Up to this many runs the cells are built to count them exactly, even above --max-runs. */
    static final long EXACT_COUNT_LIMIT = 100_000;

    private final Spec spec;
    /**
     * The MuJoCo version of the spec's MuJoCo runs ({@link #mujocoVersion}); null without MuJoCo tasks.
     * With {@code mujoco} as a factor, the base's version (pinned, else the legacy 2.2.2), whatever this
     * process loads: the version of a cell that does not set the factor's key (one at a time).
     */
    private final String mujoco;

    private Expansion(Spec spec) {
        this.spec = spec;
        this.mujoco = hasMujocoFactor(spec) && spec.envs().stream().anyMatch(Envs::usesMujoco)
                ? mujocoOf(spec.base()) : mujocoVersion(spec);
    }

    /**
     * The MuJoCo version the spec's MuJoCo tasks run on, part of their cells' ids: the spec's
     * {@code base} value of {@code mujoco} if it pins one, else the version of the MuJoCo this process
     * loads, else (none loadable, e.g. planning on a machine without MuJoCo) the legacy 2.2.2. Null
     * when the spec has no MuJoCo task. The legacy value leaves cell ids as they were before the key.
     */
    public static String mujocoVersion(Spec spec) {
        if (spec.envs().stream().noneMatch(Envs::usesMujoco)) {
            return null;
        }
        Object pinned = spec.base().get(Keys.MUJOCO.name());
        if (pinned != null) {
            try {
                return Keys.MUJOCO.parse(pinned);
            } catch (ConfigException e) {
                throw new SpecException(spec.source() + ": base: " + e.getMessage());
            }
        }
        String loaded = MujocoEnvs.version();
        return loaded != null ? loaded : (String) Keys.MUJOCO.legacyValue();
    }

    /**
     * Whether {@code mujoco} is one of the spec's factors: its cells then name their own MuJoCo
     * version, and a process trains the runs of the version it loads (the matrix leaves the others for
     * a process that loads theirs). The base's value, pinned or the legacy 2.2.2, is the reference level
     * of the cells' labels.
     */
    public static boolean hasMujocoFactor(Spec spec) {
        return spec.factorKeys().containsKey(Keys.MUJOCO.name());
    }

    /** Reads the spec file and expands it ({@link SpecReader#read}, then {@link #expand}). */
    public static Plan load(java.nio.file.Path specFile, EnvCheck envs, long maxRuns) {
        return expand(SpecReader.read(specFile), envs, maxRuns);
    }

    /** Expands {@code spec}, checking every env with {@code envs} and the run count against {@code maxRuns}. */
    public static Plan expand(Spec spec, EnvCheck envs, long maxRuns) {
        for (String env : spec.envs()) {
            try {
                envs.check(env);
            } catch (IllegalArgumentException e) {
                throw new SpecException(spec.source() + ": envs: " + e.getMessage());
            }
        }
        if (spec.overrides().stream().anyMatch(o -> o.set().containsKey(Keys.MUJOCO.name())
                || o.when().containsKey(Keys.MUJOCO.name()))) {
            throw new SpecException(spec.source() + ": overrides: mujoco: set it in base or as a factor, not in an"
                    + " override");
        }
        if (hasMujocoFactor(spec) && !spec.envs().stream().allMatch(Envs::usesMujoco)) {
            throw new SpecException(spec.source() + ": factors: mujoco: a factor only when every env is a MuJoCo"
                    + " task (envs: " + spec.envs() + ")");
        }
        Expansion x = new Expansion(spec);
        long perCell = (long) spec.envs().size() * spec.seeds().size();
        long cellCount = x.cellCountBound();
        long runs = cellCount > Long.MAX_VALUE / perCell ? Long.MAX_VALUE : cellCount * perCell;
        List<Cell> cells = null;
        if (runs <= Math.max(maxRuns, EXACT_COUNT_LIMIT)) {
            // the bound counts one-at-a-time values equal to the base and duplicate cells; count what is listed
            cells = x.cells();
            cellCount = cells.size();
            runs = cellCount * perCell;
        }
        if (runs > maxRuns) {
            // without the cells built, the count is the factorial's product (exact unless cells coincide)
            throw new SpecException(spec.source() + ": expands to " + count(runs) + " runs (" + count(cellCount)
                    + " cells x " + spec.envs().size() + " envs x " + (spec.adaptive() != null ? "at most " : "")
                    + spec.seeds().size() + " seeds), more than --max-runs " + maxRuns + "; raise --max-runs or shrink the spec");
        }
        // each run's steps from its config on its env (a paper preset's steps and rollout-steps are per env)
        long[][] steps = new long[cells.size()][spec.envs().size()];
        for (int c = 0; c < cells.size(); c++) {
            for (int e = 0; e < spec.envs().size(); e++) {
                TrainConfig run = x.runConfigWithoutEnv(cells.get(c), spec.envs().get(e));
                steps[c][e] = (long) run.iterations() * run.get(Keys.ROLLOUT_STEPS);
            }
        }
        List<PlannedRun> planned = new ArrayList<>();
        for (long seed : spec.seeds()) {
            for (int c = 0; c < cells.size(); c++) {
                for (int e = 0; e < spec.envs().size(); e++) {
                    planned.add(new PlannedRun(cells.get(c), spec.envs().get(e), seed, steps[c][e]));
                }
            }
        }
        Plan plan = new Plan(spec, List.copyOf(cells), List.copyOf(planned));
        if (spec.adaptive() != null) {
            try {
                plan.setup();
            } catch (IllegalArgumentException e) {
                String key = e.getMessage().startsWith(RuleFile.ACLI_AAI) ? RuleFile.ACLI_AAI
                        : e.getMessage().startsWith(RuleFile.MAIN_EFFECTS) ? RuleFile.MAIN_EFFECTS : "decided";
                throw new SpecException(spec.source() + ": seeds: until: " + key + ": " + e.getMessage());
            }
        }
        return plan;
    }

    private static String count(long n) {
        return n == Long.MAX_VALUE ? "more than 9.2e18" : String.format("%,d", n);
    }

    /** Upper bound on the number of cells, saturating instead of overflowing. */
    private long cellCountBound() {
        long n = 1;
        if (spec.design() == Design.ONE_AT_A_TIME) {
            for (List<Object> values : spec.factors().values()) {
                n += values.size();
            }
            return n;
        }
        for (List<Object> values : spec.factors().values()) {
            n = n > Long.MAX_VALUE / values.size() ? Long.MAX_VALUE : n * values.size();
        }
        return n;
    }

    private List<Cell> cells() {
        List<Map<String, Object>> combos = new ArrayList<>();
        if (spec.design() == Design.FACTORIAL) {
            combos.add(new LinkedHashMap<>());
            for (Map.Entry<String, List<Object>> f : spec.factors().entrySet()) {
                List<Map<String, Object>> next = new ArrayList<>();
                for (Map<String, Object> partial : combos) {
                    for (Object v : f.getValue()) {
                        Map<String, Object> m = new LinkedHashMap<>(partial);
                        m.put(f.getKey(), v);
                        next.add(m);
                    }
                }
                combos = next;
            }
        } else {
            combos.add(new LinkedHashMap<>());
            for (Map.Entry<String, List<Object>> f : spec.factors().entrySet()) {
                for (Object v : f.getValue()) {
                    if (v instanceof BundleLevel level ? !isBaseLevel(level) : !v.equals(baseValue(f.getKey()))) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put(f.getKey(), v);
                        combos.add(m);
                    }
                }
            }
        }
        Map<String, Cell> byId = new LinkedHashMap<>();
        for (Map<String, Object> combo : combos) {
            Cell cell = cell(combo);
            byId.putIfAbsent(cell.id(), cell);
        }
        return new ArrayList<>(byId.values());
    }

    /** The base's value of a factor key (typed): the base preset or the base config's value. */
    private Object baseValue(String key) {
        if (key.equals(Spec.PRESET)) {
            return spec.preset();
        }
        if (key.equals(Keys.MUJOCO.name())) {
            return mujocoOf(spec.base()); // an env-less config drops the version
        }
        return resolve(spec.preset(), spec.base(), "base").values().get(key);
    }

    /** Whether a bundle's level changes nothing: each key it sets has the base's value ({@code {}} too). */
    private boolean isBaseLevel(BundleLevel level) {
        for (Map.Entry<String, Object> e : level.values().entrySet()) {
            if (!e.getValue().equals(baseValue(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private Cell cell(Map<String, Object> combo) {
        String preset = (String) combo.getOrDefault(Spec.PRESET, spec.preset());
        Map<String, Object> values = new LinkedHashMap<>(spec.base());
        for (Map.Entry<String, Object> e : combo.entrySet()) {
            if (e.getValue() instanceof BundleLevel level) {
                values.putAll(level.values());
            } else if (!e.getKey().equals(Spec.PRESET)) {
                values.put(e.getKey(), e.getValue());
            }
        }
        String place = "factors " + combo;
        TrainConfig plain = resolve(preset, values, place);
        Map<String, Object> withOverrides = new LinkedHashMap<>(spec.base());
        for (ConditionalOverride o : spec.overrides()) {
            if (!o.perEnv() && matches(o, preset, plain, null)) {
                withOverrides.putAll(o.set());
            }
        }
        withOverrides.putAll(values);
        TrainConfig config = resolve(preset, withOverrides, place);

        TrainConfig reference = resolve(preset, spec.base(), "base");
        Map<String, Object> factors = new LinkedHashMap<>();
        List<String> varied = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        Map<String, String> factorKeys = spec.factorKeys();
        for (String key : spec.factors().keySet()) {
            if (spec.isBundle(key)) {
                Map<String, Object> setting = new LinkedHashMap<>();
                boolean differs = false;
                for (Map.Entry<String, String> k : factorKeys.entrySet()) {
                    if (k.getValue().equals(key)) {
                        setting.put(k.getKey(), plain.toJson().get(k.getKey()));
                        differs |= !plain.values().get(k.getKey()).equals(reference.values().get(k.getKey()));
                    }
                }
                factors.put(key, setting);
                if (differs) {
                    varied.add(key);
                    // the cell's level as written; without one (a key whose resolved value follows another
                    // factor's, as an ordinary factor's may), the values the keys resolve to
                    phrases.add(bundlePhrase(key, combo.get(key) instanceof BundleLevel level ? level
                            : new BundleLevel(0, setting)));
                }
                continue;
            }
            if (key.equals(Keys.MUJOCO.name())) { // an env-less config drops the version: read it as listed
                String version = mujocoOf(values);
                factors.put(key, version);
                if (!version.equals(mujocoOf(spec.base()))) {
                    varied.add(key);
                    phrases.add(phrase(key, version));
                }
                continue;
            }
            Object value = key.equals(Spec.PRESET) ? preset : plain.toJson().get(key);
            factors.put(key, value);
            boolean differs = key.equals(Spec.PRESET)
                    ? !preset.equals(spec.preset())
                    : !plain.values().get(key).equals(reference.values().get(key));
            if (differs) {
                varied.add(key);
                if (!key.equals(Spec.PRESET)) {
                    phrases.add(phrase(key, plain.values().get(key)));
                }
            }
        }
        StringBuilder label = new StringBuilder(preset);
        for (String p : phrases) {
            label.append(", ").append(p);
        }
        String cellMujoco = mujoco != null && hasMujocoFactor(spec) ? mujocoOf(values) : mujoco;
        return new Cell(CellId.of(config, cellMujoco), preset, label.toString(), factors, List.copyOf(varied), values, plain,
                config);
    }

    /**
     * A bundle level's part of a label: the bundle's name, then the level's settings as written, each
     * as {@link #phrase} puts it: {@code "separate-optimizers (optimizer separate, grad-clip-scope both)"}.
     */
    static String bundlePhrase(String name, BundleLevel level) {
        List<String> parts = new ArrayList<>();
        level.values().forEach((k, v) -> parts.add(phrase(k, v)));
        return name + " (" + String.join(", ", parts) + ")";
    }

    /** "no value clipping", "+gradient clipping" or "policy-lr 0.0001". */
    static String phrase(String key, Object value) {
        Optimization o = Optimization.byKey(key);
        if (o != null && value instanceof Boolean on) {
            return (on ? "+" : "no ") + o.legend();
        }
        if (value instanceof Double d) {
            return key + " " + Num.format(d);
        }
        if (value instanceof List<?> l) {
            return key + " " + String.join(",", l.stream().map(String::valueOf).toList());
        }
        return key + " " + value;
    }

    private static boolean matches(ConditionalOverride o, String preset, TrainConfig plain, String env) {
        for (Map.Entry<String, List<Object>> c : o.when().entrySet()) {
            Object actual;
            if (c.getKey().equals(Spec.ENV)) {
                actual = env;
            } else if (c.getKey().equals(Spec.PRESET)) {
                actual = preset;
            } else {
                actual = plain.values().get(c.getKey());
            }
            if (!c.getValue().contains(actual)) {
                return false;
            }
        }
        return true;
    }

    /** A cell-level config: the preset's environment-independent values (see {@link TrainConfig#resolve}). */
    private TrainConfig resolve(String preset, Map<String, Object> values, String place) {
        return resolveOn(preset, null, values, place);
    }

    /** The MuJoCo version {@code values} set (a factor's or the base's), else the legacy 2.2.2. */
    private String mujocoOf(Map<String, Object> values) {
        Object v = values.get(Keys.MUJOCO.name());
        try {
            return v == null ? (String) Keys.MUJOCO.legacyValue() : Keys.MUJOCO.parse(v);
        } catch (ConfigException e) {
            throw new SpecException(spec.source() + ": mujoco: " + e.getMessage());
        }
    }

    /** A config on {@code env}: the preset's values for that environment (paper presets differ by env). */
    private TrainConfig resolveOn(String preset, String env, Map<String, Object> values, String place) {
        try {
            return TrainConfig.resolve(preset, env, values, spec.source() + ": " + place + ": ");
        } catch (ConfigException e) {
            throw new SpecException(e.getMessage());
        }
    }

    /** The overrides of a run on {@code env}: base, matching overrides in order, factor values. */
    private Map<String, Object> runValues(Cell cell, String env) {
        Map<String, Object> v = new LinkedHashMap<>(spec.base());
        if (mujoco != null) {
            v.put(Keys.MUJOCO.name(), mujoco); // classic-control runs drop it again
        }
        for (ConditionalOverride o : spec.overrides()) {
            if (matches(o, cell.preset(), cell.plain(), env)) {
                v.putAll(o.set());
            }
        }
        Map<String, String> factorKeys = spec.factorKeys();
        for (Map.Entry<String, Object> e : cell.values().entrySet()) {
            if (factorKeys.containsKey(e.getKey())) {
                v.put(e.getKey(), e.getValue());
            }
        }
        return v;
    }

    /** Checks a cell's config on {@code env} without resolving the env itself (it may not be built in). */
    private TrainConfig runConfigWithoutEnv(Cell cell, String env) {
        return resolveOn(cell.preset(), env, runValues(cell, env), "on " + env + " (" + cell.label() + ")");
    }

    /** The fully resolved config of a run, as its {@code config.json} holds it. */
    public static TrainConfig runConfig(Spec spec, PlannedRun run) {
        Expansion x = new Expansion(spec);
        Map<String, Object> v = x.runValues(run.cell(), run.env());
        v.put(Keys.ENV.name(), run.env());
        v.put(Keys.SEED.name(), run.seed());
        return x.resolveOn(run.cell().preset(), run.env(), v, "on " + run.env() + " (" + run.cell().label() + ")");
    }
}
