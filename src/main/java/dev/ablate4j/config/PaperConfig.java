package dev.ablate4j.config;

import dev.ablate4j.tweak.Optimization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one of the paper's configs (MadryLab/implementation-matters: {@code src/MuJoCo.json} merged
 * with a {@code configs/<env>_<algo>.py} entry, or an {@code agent_configs/N.json} its scripts write)
 * into ablate4j's keys. Every key of the paper's config is accounted for: mapped to a key with the
 * same meaning ({@link #MAPPED}), or not applicable with the reason ({@link #NOT_APPLICABLE}); a
 * value ablate4j cannot run (shared weights, several actors, plain SGD, ...) is a
 * {@link ConfigException} naming the key. The paper's fixed behaviours come with every import: tanh
 * 64-64 networks, advantage normalization, per-iteration environment resets, the last collected
 * state's value at a rollout end, episode ends left out of the value loss, gradient clipping on
 * PPO's policy step only, and the line search's 0.1 acceptance ratio.
 */
public final class PaperConfig {

    /** The paper's keys with an ablate4j counterpart. */
    public static final Set<String> MAPPED = Set.of("game", "mode", "t", "train_steps", "ppo_epochs", "val_epochs",
            "num_minibatches", "ppo_lr", "ppo_lr_adam", "val_lr", "adam_eps", "gamma", "lambda", "clip_eps",
            "clip_val_eps", "value_clipping", "norm_states", "clip_observations", "norm_rewards", "clip_rewards",
            "initialization", "anneal_lr", "entropy_coeff", "clip_grad_norm", "max_kl", "cg_steps",
            "damping", "fisher_frac_samples", "max_backtrack", "value_calc", "share_weights", "value_multiplier",
            "num_actors", "policy_net_type", "value_net_type");

    /** The paper's keys that do not change its training, with why. */
    public static final Map<String, String> NOT_APPLICABLE = Map.of(
            "max_kl_final", "its schedule never reaches the TRPO step in the paper's code: agent.py adds the"
                    + " increment to the Trainer's own attribute (self.MAX_KL += ...), while trpo_step reads"
                    + " params.MAX_KL, which stays at max_kl; set max-kl-final to run the schedule the config intended",
            "out_dir", "where the paper's code writes its results; ablate4j writes to --out or the results tree",
            "cpu", "the paper's device choice; ablate4j always trains on the CPU",
            "save_iters", "the paper's checkpoint cadence; ablate4j checkpoints with matrix --checkpoint-every",
            "advanced_logging", "the paper's trust-region logging; ablate4j logs it every tr-log-every iterations"
                    + " on a separate held-out environment that leaves the filters alone",
            "log_every", "the cadence of that logging (ablate4j: tr-log-every)",
            "kl_approximation_iters", "a logging-only comparison of the KL with its quadratic approximation");

    /**
     * ablate4j's keys and the paper's keys they are read from, so that a value ablate4j refuses is
     * named by the key the user wrote ({@link #inPaperTerms}). Two are not copied as written:
     * {@code steps} is {@code train_steps} times {@code t}, {@code max-backtracks} is
     * {@code max_backtrack} − 1.
     */
    static final Map<String, String> PAPER_KEYS = Map.ofEntries(Map.entry("env", "game"),
            Map.entry("rollout-steps", "t"), Map.entry("steps", "train_steps × t"),
            Map.entry("epochs", "val_epochs"), Map.entry("minibatches", "num_minibatches"),
            Map.entry("policy-lr", "ppo_lr_adam"), Map.entry("value-lr", "val_lr"), Map.entry("adam-eps", "adam_eps"),
            Map.entry("gamma", "gamma"), Map.entry("gae-lambda", "lambda"), Map.entry("clip-eps", "clip_eps"),
            Map.entry("value-clip-eps", "clip_val_eps"), Map.entry("entropy-coef", "entropy_coeff"),
            Map.entry("obs-clip-max", "clip_observations"), Map.entry("reward-clip-max", "clip_rewards"),
            Map.entry("grad-clip-norm", "clip_grad_norm"), Map.entry("max-kl", "max_kl"),
            Map.entry("cg-iters", "cg_steps"), Map.entry("cg-damping", "damping"),
            Map.entry("fisher-frac", "fisher_frac_samples"), Map.entry("max-backtracks", "max_backtrack − 1"));

    /**
     * {@code e}, a refusal of the imported config's values (its message {@code where + key + ": ..."}),
     * restated with the paper's key where the value came from the paper's file rather than from a
     * flag in {@code overridden}: {@code t (ablate4j's rollout-steps): '0' is not a positive whole
     * number}; other ablate4j keys named in the message that came from the file are replaced by the
     * paper's too.
     */
    public static ConfigException inPaperTerms(ConfigException e, String where, Set<String> overridden) {
        String message = e.getMessage();
        if (message == null || !message.startsWith(where)) {
            return e;
        }
        String rest = message.substring(where.length());
        int colon = rest.indexOf(": ");
        if (colon < 0) {
            return e;
        }
        String key = rest.substring(0, colon);
        String body = rest.substring(colon);
        for (Map.Entry<String, String> k : PAPER_KEYS.entrySet()) {
            if (k.getKey().contains("-") && !overridden.contains(k.getKey())) {
                body = body.replaceAll("(?<![\\w-])" + java.util.regex.Pattern.quote(k.getKey()) + "(?![\\w-])",
                        java.util.regex.Matcher.quoteReplacement(k.getValue()));
            }
        }
        String paperKey = PAPER_KEYS.get(key);
        if (paperKey == null || overridden.contains(key)) {
            return body.equals(rest.substring(colon)) ? e : new ConfigException(where + key + body);
        }
        String named = paperKey.equals(key) ? key : paperKey + " (ablate4j's " + key + ")";
        return new ConfigException(where + named + body);
    }

    /** The tasks the paper ran (gym v2) and the Gymnasium v4 models ablate4j runs for them. */
    private static final List<String> TASKS = List.of("Hopper", "Walker2d", "Humanoid", "HalfCheetah");

    /** The paper's default line-search acceptance ratio ({@code backtracking_line_search(accept_ratio=.1)}). */
    static final double ACCEPT_RATIO = 0.1;

    private final Map<String, Object> paper;
    private final String where;

    private PaperConfig(Map<String, Object> paper, String where) {
        this.paper = paper;
        this.where = where;
    }

    /**
     * ablate4j's values for {@code paper}, keys missing from it taken from {@code base} (the
     * paper's {@code src/MuJoCo.json}, as its scripts merge them). {@code where} prefixes messages.
     */
    public static Map<String, Object> toValues(Map<String, ?> paper, Map<String, ?> base, String where) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        merged.putAll(paper);
        for (String key : merged.keySet()) {
            if (!MAPPED.contains(key) && !NOT_APPLICABLE.containsKey(key)) {
                throw new ConfigException(where + key + ": not a key of the paper's configs"
                        + Suggest.nearest(key, MAPPED) + "; its keys: " + String.join(", ",
                                new java.util.TreeSet<>(MAPPED)) + " (and, not applicable here: "
                        + String.join(", ", new java.util.TreeSet<>(NOT_APPLICABLE.keySet())) + ")");
            }
        }
        return new PaperConfig(merged, where).map().byName();
    }

    private KeyValues map() {
        requireEqual("value_calc", "gae", "ablate4j trains the value network on GAE targets only");
        requireEqual("share_weights", false, "ablate4j's policy and value networks are separate");
        requireEqual("num_actors", 1, "ablate4j samples from one environment");
        requireEqual("policy_net_type", "CtsPolicy", "ablate4j's policy is the paper's Gaussian CtsPolicy");
        requireEqual("value_net_type", "ValueNet", "ablate4j's value network is the paper's ValueNet");
        if (number("ppo_lr") != -1) {
            throw refused("ppo_lr", "-1 (plain SGD on the policy is not offered; set ppo_lr_adam)");
        }
        if (number("adam_eps") != 1e-5) {
            throw refused("adam_eps", "1e-05 (the paper's value network always uses Adam eps 1e-5, and ablate4j"
                    + " has one adam-eps for both networks)");
        }

        KeyValues v = new KeyValues();
        Algorithm algo = algorithm();
        v.set(Keys.ALGO, algo);
        v.set(Keys.ENV, env(text("game")));
        int t = whole("t");
        v.set(Keys.ROLLOUT_STEPS, t);
        v.set(Keys.STEPS, (long) whole("train_steps") * t);
        v.set(Keys.EPOCHS, epochs(algo));
        v.set(Keys.MINIBATCHES, whole("num_minibatches"));
        v.setAll(fixedBehaviourValues());

        v.set(Keys.POLICY_LR, number("ppo_lr_adam"));
        v.set(Keys.VALUE_LR, number("val_lr"));
        v.set(Keys.ADAM_EPS, number("adam_eps"));
        v.set(Keys.GAMMA, number("gamma"));
        v.set(Keys.GAE_LAMBDA, number("lambda"));
        v.set(Keys.CLIP_EPS, number("clip_eps"));
        v.set(Keys.VALUE_CLIP_EPS, number("clip_val_eps"));
        v.set(toggle(Optimization.VALUE_CLIP), bool("value_clipping"));
        v.set(toggle(Optimization.ORTHO_INIT), initialization());
        v.set(toggle(Optimization.LR_ANNEAL), bool("anneal_lr"));
        v.set(Keys.ENTROPY_COEF, number("entropy_coeff"));

        boolean normStates = bool("norm_states");
        double clipObs = number("clip_observations");
        v.set(toggle(Optimization.OBS_NORM), normStates);
        v.set(toggle(Optimization.OBS_CLIP), normStates && clipObs > 0);
        setIfPositive(v, Keys.OBS_CLIP_MAX, clipObs);

        RewardScaleMode mode = rewardScaleMode();
        double clipRewards = number("clip_rewards");
        v.set(toggle(Optimization.REWARD_SCALE), mode != null);
        v.set(Keys.REWARD_SCALE_MODE, mode == null ? RewardScaleMode.RETURNS : mode);
        v.set(toggle(Optimization.REWARD_CLIP), mode != null && clipRewards > 0);
        setIfPositive(v, Keys.REWARD_CLIP_MAX, clipRewards);

        double clipGrad = number("clip_grad_norm");
        if (clipGrad != -1 && !(clipGrad > 0)) {
            throw refused("clip_grad_norm", "-1 (off) or a positive number");
        }
        v.set(toggle(Optimization.GRAD_CLIP), clipGrad > 0);
        setIfPositive(v, Keys.GRAD_CLIP_NORM, clipGrad);

        v.set(Keys.MAX_KL, number("max_kl"));
        v.set(Keys.CG_ITERS, whole("cg_steps"));
        v.set(Keys.CG_DAMPING, number("damping"));
        v.set(Keys.FISHER_FRAC, number("fisher_frac_samples"));
        int tries = whole("max_backtrack");
        if (tries < 1) {
            throw refused("max_backtrack", "a whole number >= 1 (the line search's number of tries)");
        }
        v.set(Keys.MAX_BACKTRACKS, tries - 1);
        return v;
    }

    /**
     * What the paper's code does in every config: tanh 64-64 networks, advantage normalization,
     * time limits treated as terminal, per-iteration resets, the last collected state's value at a
     * rollout end, episode ends left out of the value loss, gradient clipping on PPO's policy step
     * only, and the line search's acceptance ratio 0.1.
     */
    public static Map<String, Object> fixedBehaviours() {
        return fixedBehaviourValues().byName();
    }

    private static KeyValues fixedBehaviourValues() {
        return new KeyValues()
                .set(Keys.HIDDEN, List.of(64, 64))
                .set(toggle(Optimization.TANH), true)
                .set(toggle(Optimization.ADV_NORM), true)
                .set(Keys.BOOTSTRAP_TRUNCATED, false)
                .set(Keys.RESET_EVERY_ITERATION, true)
                .set(Keys.ROLLOUT_BOOTSTRAP, RolloutBootstrap.LAST_STATE)
                .set(Keys.VALUE_LOSS_SKIP_ENDS, true)
                .set(Keys.GRAD_CLIP_SCOPE, GradClipScope.POLICY)
                .set(Keys.LINE_SEARCH_ACCEPT, ACCEPT_RATIO);
    }

    /** The paper's {@code mode}: its words are ablate4j's {@code algo} words. */
    private Algorithm algorithm() {
        String mode = text("mode");
        for (Algorithm a : Algorithm.values()) {
            if (a.word().equals(mode)) {
                return a;
            }
        }
        throw refused("mode", Keys.ALGO.allowedText());
    }

    /** The paper's {@code norm_rewards}: a {@link RewardScaleMode}'s word, or none (null: no scaling). */
    private RewardScaleMode rewardScaleMode() {
        String norm = text("norm_rewards");
        for (RewardScaleMode m : RewardScaleMode.values()) {
            if (m.word().equals(norm)) {
                return m;
            }
        }
        if (norm.equals("none")) {
            return null;
        }
        throw refused("norm_rewards", "returns, rewards or none");
    }

    /** ablate4j's one {@code epochs} key: PPO needs ppo_epochs = val_epochs; TRPO uses val_epochs. */
    private int epochs(Algorithm algo) {
        int valueEpochs = whole("val_epochs");
        if (algo == Algorithm.PPO && whole("ppo_epochs") != valueEpochs) {
            throw refused("ppo_epochs", "equal to val_epochs (" + valueEpochs + "): ablate4j's epochs key sets both");
        }
        return valueEpochs;
    }

    private boolean initialization() {
        String init = text("initialization");
        if (init.equals("orthogonal") || init.equals("xavier")) {
            return init.equals("orthogonal");
        }
        throw refused("initialization", "orthogonal or xavier");
    }

    private String env(String game) {
        for (String task : TASKS) {
            if (game.equals(task + "-v2") || game.equals(task + "-v3") || game.equals(task + "-v4")) {
                return task + "-v4";
            }
        }
        throw refused("game", "Hopper, Walker2d, Humanoid or HalfCheetah (-v2, -v3 or -v4; run as the -v4 model)");
    }

    private static Key<Boolean> toggle(Optimization o) {
        return Keys.toggle(o);
    }

    private static void setIfPositive(KeyValues v, Key<Double> key, double value) {
        if (value > 0) {
            v.set(key, value);
        }
    }

    private void requireEqual(String key, Object allowed, String why) {
        Object value = paper.get(key);
        boolean same = allowed instanceof Number n ? value instanceof Number m && m.doubleValue() == n.doubleValue()
                : allowed.equals(value);
        if (!same) {
            throw refused(key, allowed + " (" + why + ")");
        }
    }

    private ConfigException refused(String key, String allowed) {
        return new ConfigException(where + key + ": '" + paper.get(key) + "' cannot be run; allowed: " + allowed);
    }

    private Object raw(String key) {
        Object value = paper.get(key);
        if (value == null) {
            throw new ConfigException(where + key + ": missing (the paper's configs set every key)");
        }
        return value;
    }

    private double number(String key) {
        if (raw(key) instanceof Number n) {
            return n.doubleValue();
        }
        throw new ConfigException(where + key + ": '" + raw(key) + "' is not a number");
    }

    private int whole(String key) {
        double d = number(key);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new ConfigException(where + key + ": '" + raw(key) + "' is not a whole number");
        }
        return (int) d;
    }

    private boolean bool(String key) {
        if (raw(key) instanceof Boolean b) {
            return b;
        }
        throw new ConfigException(where + key + ": '" + raw(key) + "' is not true or false");
    }

    private String text(String key) {
        if (raw(key) instanceof String s) {
            return s;
        }
        throw new ConfigException(where + key + ": '" + raw(key) + "' is not a string");
    }
}
