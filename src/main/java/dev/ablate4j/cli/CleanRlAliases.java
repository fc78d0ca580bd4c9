package dev.ablate4j.cli;

import dev.ablate4j.config.Key;
import dev.ablate4j.config.Keys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CleanRL's flag names ({@code ppo_continuous_action.py}'s tyro arguments) that {@code train} accepts where
 * they mean what an ablate4j key means. Most name one key and are extra names of its option;
 * {@code --learning-rate} and {@code --clip-coef} set two keys each, as CleanRL's one value acts on both
 * networks (one Adam) and on both clips (ratio and value). {@code --vf-coef} is the key's own name. Where
 * CleanRL's own behaviour around a flag differs, the flag's help says so (its {@code --total-timesteps}
 * floors to whole iterations: {@code steps-rounding down}, set by {@code cleanrl:ppo}).
 */
final class CleanRlAliases {

    /** CleanRL name (with dashes) to the key it is another name of. */
    static final Map<String, Key<?>> SINGLE = new LinkedHashMap<>();
    /** CleanRL name to the keys it sets together. */
    static final Map<String, List<Key<?>>> MULTI = new LinkedHashMap<>();

    static {
        SINGLE.put("--total-timesteps", Keys.STEPS);
        SINGLE.put("--num-steps", Keys.ROLLOUT_STEPS);
        SINGLE.put("--update-epochs", Keys.EPOCHS);
        SINGLE.put("--num-minibatches", Keys.MINIBATCHES);
        SINGLE.put("--ent-coef", Keys.ENTROPY_COEF);
        SINGLE.put("--max-grad-norm", Keys.GRAD_CLIP_NORM);
        SINGLE.put("--norm-adv", Keys.toggle(dev.ablate4j.tweak.Optimization.ADV_NORM));
        SINGLE.put("--clip-vloss", Keys.toggle(dev.ablate4j.tweak.Optimization.VALUE_CLIP));
        SINGLE.put("--anneal-lr", Keys.toggle(dev.ablate4j.tweak.Optimization.LR_ANNEAL));
        MULTI.put("--learning-rate", List.of(Keys.POLICY_LR, Keys.VALUE_LR));
        MULTI.put("--clip-coef", List.of(Keys.CLIP_EPS, Keys.VALUE_CLIP_EPS));
    }

    private CleanRlAliases() {}

    /** The CleanRL name of {@code key}'s option, or null. */
    static String aliasOf(Key<?> key) {
        for (Map.Entry<String, Key<?>> e : SINGLE.entrySet()) {
            if (e.getValue() == key) {
                return e.getKey();
            }
        }
        return null;
    }

    /** What {@code --help} adds to the description of {@code key}'s option. */
    static String note(Key<?> key) {
        String alias = aliasOf(key);
        if (alias != null) {
            String extra = key == Keys.STEPS ? "; whole iterations as steps-rounding says, down in cleanrl:ppo" : "";
            return " Alias: " + alias + " (CleanRL" + extra + ").";
        }
        return key == Keys.VF_COEF ? " CleanRL's and SB3's name too." : "";
    }
}
