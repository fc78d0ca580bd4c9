/**
 * Run configuration as data. {@link dev.ablate4j.config.Keys} lists every key once (name = CLI flag
 * without dashes = spec-file key = {@code config.json} key) with its default,
 * {@link dev.ablate4j.config.Preset} holds the paper's named presets as the values each changes,
 * {@link dev.ablate4j.config.PaperPreset} the paper's own per-environment configs
 * ({@code paper:ppo}, ...) imported by {@link dev.ablate4j.config.PaperConfig},
 * {@link dev.ablate4j.config.ImplementationPreset} CleanRL's and Stable-Baselines3's PPO
 * ({@code cleanrl:ppo}, {@code sb3:ppo}), and
 * {@link dev.ablate4j.config.TrainConfig} is a resolved, checked configuration. Resolution order:
 * key defaults, the preset (for a paper preset: the paper's config for the run's environment), then
 * overrides (spec base, factors, per-env overrides, CLI flags), each checked as it is applied, so a
 * bad value is reported with its key.
 *
 * <p>Values are typed. A key whose value is one of a fixed set of words ({@code algo},
 * {@code grad-clip-scope}, {@code rollout-bootstrap}, ...) holds an enum implementing
 * {@link dev.ablate4j.config.Choice}; code switches on the constant, while {@code config.json}, spec
 * files, flags, cell ids and {@code plan} read and write its word, exactly the word the key had when
 * it held a string, so files and ids written before stay valid. Presets and the paper import build
 * their values with {@link dev.ablate4j.config.KeyValues#set}, which takes only a value of the key's
 * type; the keys' validators run on the typed values when a config is resolved.
 *
 * <p>Keys added after runs were first written carry a legacy value (their default: the behaviour
 * those runs had). A {@code config.json} without such a key reads as that value, and a cell id leaves
 * the key out while it holds it, so older runs and their cell ids stay valid. One such key depends on
 * the environment: {@code mujoco}, the MuJoCo version of a MuJoCo task's run (legacy value 2.2.2, the
 * only MuJoCo before the key), is forced to its legacy value and left out of {@code config.json} for
 * classic-control tasks; the commands fill it with the loaded MuJoCo's version unless it is given.
 * The implementation keys ({@link dev.ablate4j.config.Keys#implementationKeys()}) are also left out of
 * {@code config.json} at their legacy value, unless the preset is an implementation preset (which writes
 * every key, so a value set back to the legacy one reads back).
 *
 * <p>Which keys two configs disagree on is decided in one place, {@link dev.ablate4j.config.ConfigDiff},
 * for every message and report table that lists config differences; each caller keeps its wording.
 */
package dev.ablate4j.config;
