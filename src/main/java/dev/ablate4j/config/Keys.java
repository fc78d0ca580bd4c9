package dev.ablate4j.config;

import dev.ablate4j.config.Key.Type;
import dev.ablate4j.tweak.Optimization;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Every configuration key of a training run, in the order they appear in {@code config.json} and
 * {@code --help}. The CLI's options, the spec files' keys and the resolved config all come from
 * this list, so a spec reads like the flags it stands for.
 *
 * <p>Declaring a key: one statement per key, in the order it is to appear. A key whose value is one
 * of a fixed set of words is an enum key: write an enum implementing {@link Choice} (one constant per
 * word, {@code word()} the exact word files and flags use, {@code toString()} returning it; see
 * {@link Algorithm}) and declare {@code add(name, TheEnum.class, group, description, TheEnum.DEFAULT)}
 * ({@code addLater} for a key added after runs were written). Its allowed text ("a, b or c") comes from
 * the words; code switches on the constants; {@code config.json}, cell ids and {@code plan} show the words.
 * Other keys give a {@link Type}, a validator on the typed value and the allowed values in words.
 */
public final class Keys {

    private static final List<Key<?>> ALL = new ArrayList<>();
    private static final Map<String, Key<?>> BY_NAME = new LinkedHashMap<>();
    private static final Map<Optimization, Key<Boolean>> TOGGLES = new EnumMap<>(Optimization.class);

    private static final String RUN = "Run";
    private static final String OPT = "Code-level optimizations (negatable: --no-<name>)";
    private static final String CONST = "Optimization constants";
    private static final String HYPER = "Hyperparameters";
    private static final String TRPO = "TRPO (algo trpo)";
    private static final String DIAG = "Diagnostics";
    private static final String PAPER = "Variants of the paper's code (defaults: ablate4j's own behaviour)";
    private static final String IMPL = "Variants of CleanRL's and Stable-Baselines3's PPO (defaults: ablate4j's own behaviour)";
    private static final String ENV_VARIANT = "Environment variants (Humanoid-v4 only; defaults: Gymnasium's v4)";

    public static final Key<Algorithm> ALGO = add("algo", Algorithm.class, RUN, "policy-gradient algorithm", Algorithm.PPO);
    public static final Key<String> ENV = add("env", Type.STRING, RUN,
            "environment id (see the envs command)", v -> !((String) v).isBlank(), "an environment id", TrainConfig.DEFAULT_ENV);
    public static final Key<Long> STEPS = add("steps", Type.LONG, RUN,
            "environment steps to train for, rounded to whole iterations of rollout-steps, up unless steps-rounding"
                    + " says down (a note says so)", v -> (Long) v > 0, "a positive whole number", 1_000_000L);
    public static final Key<Long> SEED = add("seed", Type.LONG, RUN,
            "master seed of the run's random-number tree", v -> true, "a whole number", 0L);

    /**
     * The MuJoCo version a MuJoCo task runs on, part of the run's identity (its config and cell id).
     * Added after the first runs, which all used Debian's 2.2.2: that is its legacy value. It does not
     * apply to the classic-control tasks: there it always holds the legacy value and is not written
     * to {@code config.json}. Commands fill it with the loaded MuJoCo's version unless it is given.
     */
    public static final Key<String> MUJOCO = addLater("mujoco", Type.STRING, RUN,
            "MuJoCo version of a MuJoCo task's run, part of its identity (default: the MuJoCo this process loads,"
                    + " see envs; a run asking for another is refused). Not used by classic-control tasks",
            v -> ((String) v).matches("[0-9]+\\.[0-9]+\\.[0-9]+"), "a MuJoCo version like 2.2.2 or 3.14.0", "2.2.2");

    static {
        for (Optimization o : Optimization.values()) {
            TOGGLES.put(o, add(o.key(), Type.BOOLEAN, OPT, o.description(), v -> true, "true or false", o.onByDefault()));
        }
    }

    public static final Key<Double> CLIP_EPS = add("clip-eps", Type.DOUBLE, CONST,
            "PPO ratio clip epsilon; inf = no ratio clipping", Keys::nonNegativeOrInf, "a number >= 0 or inf", 0.2);
    public static final Key<Double> VALUE_CLIP_EPS = add("value-clip-eps", Type.DOUBLE, CONST,
            "value clipping epsilon", Keys::positive, "a positive finite number", 0.2);
    public static final Key<Double> REWARD_CLIP_MAX = add("reward-clip-max", Type.DOUBLE, CONST,
            "reward clipping bound", Keys::positive, "a positive finite number", 10.0);
    public static final Key<Double> OBS_CLIP_MAX = add("obs-clip-max", Type.DOUBLE, CONST,
            "observation clipping bound", Keys::positive, "a positive finite number", 10.0);
    public static final Key<Double> GRAD_CLIP_NORM = add("grad-clip-norm", Type.DOUBLE, CONST,
            "gradient clipping: maximum global L2 norm", Keys::positive, "a positive finite number", 0.5);

    public static final Key<Double> POLICY_LR = add("policy-lr", Type.DOUBLE, HYPER,
            "Adam learning rate of the policy (PPO)", Keys::positive, "a positive finite number", 3e-4);
    public static final Key<Double> VALUE_LR = add("value-lr", Type.DOUBLE, HYPER,
            "Adam learning rate of the value network", Keys::positive, "a positive finite number", 1.5e-4);
    public static final Key<Double> ADAM_EPS = add("adam-eps", Type.DOUBLE, HYPER,
            "Adam epsilon", Keys::positive, "a positive finite number", 1e-5);
    public static final Key<Double> GAMMA = add("gamma", Type.DOUBLE, HYPER,
            "discount factor", Keys::unitInterval, "a number in [0, 1]", 0.99);
    public static final Key<Double> GAE_LAMBDA = add("gae-lambda", Type.DOUBLE, HYPER,
            "GAE lambda", Keys::unitInterval, "a number in [0, 1]", 0.95);
    public static final Key<Integer> ROLLOUT_STEPS = add("rollout-steps", Type.INT, HYPER,
            "environment steps per iteration (T)", v -> (Integer) v > 0, "a positive whole number", 2048);
    public static final Key<Integer> EPOCHS = add("epochs", Type.INT, HYPER,
            "passes over each batch (policy in PPO, value in both)", v -> (Integer) v > 0, "a positive whole number", 10);
    public static final Key<Integer> MINIBATCHES = add("minibatches", Type.INT, HYPER,
            "minibatches per epoch", v -> (Integer) v > 0, "a positive whole number", 32);
    public static final Key<Double> ENTROPY_COEF = add("entropy-coef", Type.DOUBLE, HYPER,
            "entropy bonus coefficient (PPO); negative values penalize entropy, as some of the paper's configs do",
            v -> Double.isFinite((Double) v), "a finite number", 0.0);
    public static final Key<List<Integer>> HIDDEN = add("hidden", Type.INT_LIST, HYPER,
            "hidden layer widths of both networks, e.g. 64,64", Keys::widths, "a list of positive widths like 64,64", List.of(64, 64));
    public static final Key<BackendName> BACKEND = add("backend", BackendName.class, HYPER,
            "where batch network math runs: java (plain Java, bit-reproducible everywhere), nd4j (needs a -Pnd4j"
                    + " build; agrees to 1e-9), or auto (nd4j above the measured size crossover)", BackendName.JAVA);
    /**
     * The floating-point format of the networks, Adam and the filters' outputs ({@link dev.ablate4j.nn.Precision}).
     * Added after the first runs, which all computed in float64: that is its legacy value, left out of
     * {@code config.json} and the cell id while it holds it.
     */
    public static final Key<PrecisionName> PRECISION = addLater("precision", PrecisionName.class, HYPER,
            "number format of the networks, Adam and the filters' outputs: float64 (every run before this key) or"
                    + " float32 (fused multiply-adds, bit-reproducible too; java backend only)", PrecisionName.FLOAT64);
    public static final Key<Boolean> BOOTSTRAP_TRUNCATED = add("bootstrap-truncated", Type.BOOLEAN, HYPER,
            "at a time-limit truncation add gamma*V(s_T) (off: treat as terminal, as the paper did)",
            v -> true, "true or false", false);

    public static final Key<Double> MAX_KL = add("max-kl", Type.DOUBLE, TRPO,
            "trust-region size delta: the largest mean KL(old||new) a step may take", Keys::positive,
            "a positive finite number", 0.01);
    public static final Key<Integer> CG_ITERS = add("cg-iters", Type.INT, TRPO,
            "conjugate-gradient iterations solving F s = g for the natural gradient", v -> (Integer) v > 0,
            "a positive whole number", 10);
    public static final Key<Double> CG_DAMPING = add("cg-damping", Type.DOUBLE, TRPO,
            "damping lambda: CG solves (F + lambda I) s = g", v -> Double.isFinite((Double) v) && (Double) v >= 0,
            "a number >= 0", 0.1);
    public static final Key<Double> FISHER_FRAC = add("fisher-frac", Type.DOUBLE, TRPO,
            "fraction of the batch used for Fisher-vector products",
            v -> (Double) v > 0 && (Double) v <= 1, "a number in (0, 1]", 0.1);
    public static final Key<Integer> MAX_BACKTRACKS = add("max-backtracks", Type.INT, TRPO,
            "line-search halvings before giving up the step", v -> (Integer) v >= 0, "a whole number >= 0", 10);

    public static final Key<RewardScaleMode> REWARD_SCALE_MODE = addLater("reward-scale-mode", RewardScaleMode.class, PAPER,
            "what reward-scale divides by: returns = r/(std of the running discounted return + 1e-8);"
                    + " rewards = the paper's reward z-filter without centring, (r - mean_r)/(std_r + 1e-8) + mean_r",
            RewardScaleMode.RETURNS);
    public static final Key<GradClipScope> GRAD_CLIP_SCOPE = addLater("grad-clip-scope", GradClipScope.class, PAPER,
            "networks grad-clip acts on: both = the value network and PPO's policy, each its own norm; policy = PPO's"
                    + " policy only (the paper's code); value = the value network only; joint = one norm over both"
                    + " networks' gradients together (CleanRL, SB3; needs optimizer joint). TRPO never clips its policy gradient",
            GradClipScope.BOTH);
    public static final Key<Boolean> RESET_EVERY_ITERATION = addLater("reset-every-iteration", Type.BOOLEAN, PAPER,
            "reset the environment at the start of every iteration and drop the trailing partial episode"
                    + " (the paper's code); off: episodes continue across iterations",
            v -> true, "true or false", false);
    public static final Key<RolloutBootstrap> ROLLOUT_BOOTSTRAP = addLater("rollout-bootstrap", RolloutBootstrap.class, PAPER,
            "value added at the end of a rollout cut mid-episode: next-state = V(s_T); last-state = V(s_T-1),"
                    + " the last collected state (the paper's code)",
            RolloutBootstrap.NEXT_STATE);
    public static final Key<Boolean> VALUE_LOSS_SKIP_ENDS = addLater("value-loss-skip-ends", Type.BOOLEAN, PAPER,
            "leave the steps that end an episode (time-limit ends included) out of the value loss (the paper's code)",
            v -> true, "true or false", false);
    public static final Key<Double> MAX_KL_FINAL = addLater("max-kl-final", Type.DOUBLE, PAPER,
            "TRPO: delta at the last iteration, moved linearly from max-kl (iteration k of K uses max-kl +"
                    + " (k+1)/K (max-kl-final - max-kl)): the schedule the paper's configs name as max_kl_final and its"
                    + " code computes but never applies; none = hold max-kl, as the paper's code does",
            v -> Double.isNaN((Double) v) || positive(v), "a positive finite number or none", Double.NaN);
    public static final Key<Double> LINE_SEARCH_ACCEPT = addLater("line-search-accept", Type.DOUBLE, PAPER,
            "TRPO: a line-search step must also improve the surrogate by more than this fraction of the"
                    + " improvement its gradient predicts (the paper's code: 0.1)",
            v -> Double.isFinite((Double) v) && (Double) v >= 0, "a number >= 0", 0.0);

    public static final Key<PpoOptimizer> OPTIMIZER = addLater("optimizer", PpoOptimizer.class, IMPL,
            "PPO's update: separate = all policy epochs, then all value epochs, each network its own minibatch order;"
                    + " joint = one step of both networks per minibatch on policy loss - entropy-coef*entropy + vf-coef*value"
                    + " loss, as one Adam over both networks (CleanRL, SB3); each network keeps its own learning rate",
            PpoOptimizer.SEPARATE);
    public static final Key<Double> VF_COEF = addLater("vf-coef", Type.DOUBLE, IMPL,
            "weight of the value loss: its gradient is multiplied by it (with optimizer joint, its weight in the summed loss)",
            v -> Double.isFinite((Double) v) && (Double) v >= 0, "a finite number >= 0", 1.0);
    public static final Key<Boolean> VALUE_LOSS_HALF = addLater("value-loss-half", Type.BOOLEAN, IMPL,
            "value loss 0.5*mean(...) as CleanRL writes it (off: mean of squares without 0.5, the paper's code and SB3)",
            v -> true, "true or false", false);
    public static final Key<Boolean> ACTION_CLIP = addLater("action-clip", Type.BOOLEAN, IMPL,
            "step the environment with the action clipped to its bounds, so its control cost sees the clipped action;"
                    + " the unclipped sample is what PPO learns from (CleanRL's ClipAction, SB3)",
            v -> true, "true or false", false);
    public static final Key<NormStats> OBS_NORM_STATS = addLater("obs-norm-stats", NormStats.class, IMPL,
            "obs-norm's running statistics: welford = (o - mean)/(std + 1e-8), sample std (the paper's code); rms ="
                    + " mean 0, var 1 and count 1e-4 to start, population variance, (o - mean)/sqrt(var + 1e-8)"
                    + " (Gymnasium's and SB3's RunningMeanStd)",
            NormStats.WELFORD);
    public static final Key<Boolean> OBS_NORM_TERMINAL = addLater("obs-norm-terminal", Type.BOOLEAN, IMPL,
            "obs-norm's statistics take in an episode's terminal observation (the paper's code, Gymnasium's"
                    + " NormalizeObservation); off: only the observations the policy acts on, the terminal one normalized"
                    + " after the next episode's first went in (SB3's VecNormalize)",
            v -> true, "true or false", true);
    public static final Key<NormStats> REWARD_SCALE_STATS = addLater("reward-scale-stats", NormStats.class, IMPL,
            "reward-scale's running statistics of the return: welford = r/(std + 1e-8) (the paper's code); rms ="
                    + " r/sqrt(var + 1e-8), var from count 1e-4, mean 0, var 1 (Gymnasium's and SB3's RunningMeanStd)",
            NormStats.WELFORD);
    public static final Key<RewardScaleReset> REWARD_SCALE_RESET = addLater("reward-scale-reset", RewardScaleReset.class, IMPL,
            "reward-scale's running return: episode = restarts at 0 at every episode start (the paper's code, SB3);"
                    + " gymnasium = g*gamma*(1 - terminated) + r, zeroed inside a terminating step only, running on across"
                    + " time-limit truncations (Gymnasium's NormalizeReward)",
            RewardScaleReset.EPISODE);
    public static final Key<StepsRounding> STEPS_ROUNDING = addLater("steps-rounding", StepsRounding.class, IMPL,
            "whole iterations for a steps budget: up = ceil(steps/rollout-steps) (ablate4j, SB3); down ="
                    + " floor(steps/rollout-steps) (CleanRL: 1,000,000 steps are 488 iterations)",
            StepsRounding.UP);

    /**
     * Humanoid-v4's 84 external contact-force entries ({@code cfrc_ext}) as observed, or zeroed as Humanoid-v2
     * observed them on mujoco-py 2.0 (see {@link dev.ablate4j.env.EnvVariant}). Environment keys apply to
     * Humanoid-v4 only: another environment refuses a value other than the default, and its
     * {@code config.json} does not carry them.
     */
    public static final Key<ContactForces> CONTACT_FORCES = addLater("contact-forces", ContactForces.class, ENV_VARIANT,
            "Humanoid's 84 external contact-force observations (cfrc_ext): observed (Gymnasium v4) or zeroed"
                    + " (Humanoid-v2 on mujoco-py 2.0, where they read as 0)",
            ContactForces.OBSERVED);
    /** Whether Humanoid's reward subtracts Humanoid-v2's contact cost (see {@link dev.ablate4j.env.EnvVariant}). */
    public static final Key<Boolean> CONTACT_COST = addLater("contact-cost", Type.BOOLEAN, ENV_VARIANT,
            "subtract Humanoid-v2's contact cost min(5e-7 * sum(cfrc_ext^2), 10) from Humanoid's reward"
                    + " (Gymnasium v4 does not)",
            v -> true, "true or false", false);

    public static final Key<Integer> TR_LOG_EVERY = add("tr-log-every", Type.INT, DIAG,
            "log trust-region diagnostics (max ratio, mean KL; train and held-out) every N iterations; 0 = off",
            v -> (Integer) v >= 0, "a whole number >= 0", 10);

    private Keys() {}

    /** A key of the first run format, with the value it has unless a preset or an override sets it. */
    private static <T> Key<T> add(String name, Type type, String group, String description,
            Predicate<? super T> allowed, String allowedText, T defaultValue) {
        return register(new Key<>(name, type, group, description, allowed, allowedText, defaultValue, false));
    }

    /** An enum key of the first run format: its value is one of {@code choices}' words. */
    private static <E extends Enum<E> & Choice> Key<E> add(String name, Class<E> choices, String group,
            String description, E defaultValue) {
        return register(Key.ofChoices(name, choices, group, description, defaultValue, false));
    }

    /**
     * A key added after runs were first written: its default is also its legacy value, the behaviour
     * those runs had ({@link Key#legacyValue()}).
     */
    private static <T> Key<T> addLater(String name, Type type, String group, String description,
            Predicate<? super T> allowed, String allowedText, T defaultValue) {
        return register(new Key<>(name, type, group, description, allowed, allowedText, defaultValue, true));
    }

    /** An enum key added after runs were first written (its default is its legacy value). */
    private static <E extends Enum<E> & Choice> Key<E> addLater(String name, Class<E> choices, String group,
            String description, E defaultValue) {
        return register(Key.ofChoices(name, choices, group, description, defaultValue, true));
    }

    private static <T> Key<T> register(Key<T> key) {
        ALL.add(key);
        BY_NAME.put(key.name(), key);
        return key;
    }

    private static boolean positive(Object v) {
        double d = (Double) v;
        return Double.isFinite(d) && d > 0;
    }

    private static boolean nonNegativeOrInf(Object v) {
        double d = (Double) v;
        return !Double.isNaN(d) && d >= 0;
    }

    private static boolean unitInterval(Object v) {
        double d = (Double) v;
        return d >= 0 && d <= 1;
    }

    private static boolean widths(Object v) {
        List<?> list = (List<?>) v;
        return !list.isEmpty() && list.stream().allMatch(w -> (Integer) w > 0);
    }

    /** Every key's default, in canonical order: what a config is before its preset changes anything. */
    public static Map<String, Object> defaults() {
        Map<String, Object> v = new LinkedHashMap<>();
        for (Key<?> key : ALL) {
            v.put(key.name(), key.defaultValue());
        }
        return v;
    }

    /** The keys that describe the environment rather than the agent: they apply only where {@link
     * dev.ablate4j.env.Envs#hasVariants(String)}. */
    public static List<Key<?>> environmentVariantKeys() {
        return List.of(CONTACT_FORCES, CONTACT_COST);
    }

    /**
     * The keys of other implementations' variants: {@code config.json} leaves each out while it holds its
     * legacy value under a preset that does too, so configs written before they existed keep their bytes.
     */
    public static List<Key<?>> implementationKeys() {
        return List.of(OPTIMIZER, VF_COEF, VALUE_LOSS_HALF, ACTION_CLIP, OBS_NORM_STATS, OBS_NORM_TERMINAL,
                REWARD_SCALE_STATS, REWARD_SCALE_RESET, STEPS_ROUNDING);
    }

    /** All keys in canonical order. */
    public static List<Key<?>> all() {
        return Collections.unmodifiableList(ALL);
    }

    /** The key called {@code name}, or null. */
    public static Key<?> byName(String name) {
        return BY_NAME.get(name);
    }

    /** The boolean key of an optimization. */
    public static Key<Boolean> toggle(Optimization o) {
        return TOGGLES.get(o);
    }

    /** The key named {@code name} or a {@link ConfigException} listing the allowed keys and the nearest one. */
    public static Key<?> require(String name, String where) {
        Key<?> key = BY_NAME.get(name);
        if (key == null) {
            throw new ConfigException(where + "unknown key '" + name + "'" + Suggest.nearest(name, BY_NAME.keySet())
                    + "; allowed: " + String.join(", ", BY_NAME.keySet()));
        }
        return key;
    }
}
