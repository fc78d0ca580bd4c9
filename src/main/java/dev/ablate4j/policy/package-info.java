/**
 * A trained policy users can take away: the {@code policy.json} file every finished run saves, the
 * evaluation of a saved policy ({@code ablate4j evaluate}) and its ONNX export
 * ({@code dev.ablate4j.policy.onnx}, {@code ablate4j export-onnx}).
 *
 * <h2>policy.json, format version 1</h2>
 * Written by {@code RunDriver} into the run directory, atomically, when the run finishes, before the
 * provenance's end and the {@code DONE} marker. It is no part of the run's identity: config.json,
 * cell ids and the results files are what they were before the file existed, a run resumed from a
 * checkpoint writes the same bytes as one that never stopped, and runs made before it have none
 * (and stay valid). A UTF-8 JSON object with exactly these keys, in this order:
 * <pre>
 * format              "ablate4j-policy"
 * format_version      1
 * env                 environment id, e.g. "Hopper-v4"
 * env_variant         {"contact_forces_zeroed": bool, "contact_cost": bool}; both false but for a
 *                     Humanoid-v4 variant (dev.ablate4j.env.EnvVariant)
 * observation_size    n
 * action_size         m
 * activation          "tanh" or "relu": the hidden layers' activation (the last layer is linear)
 * observation_filter  {normalize: bool, clip: bool, clip_max: number, epsilon: number, count: integer,
 *                      mean: [n numbers], std: [n numbers]}
 * layers              [{in: integer, out: integer, weight: [in rows of out numbers], bias: [out numbers]}, ...]
 * log_std             [m numbers]
 * action_low          [m numbers or null (unbounded)]
 * action_high         [m numbers or null]
 * clip_actions        bool: the action is clipped to [action_low, action_high] before the environment
 * </pre>
 * The action mean for a raw observation o (a row vector):
 * <pre>
 * x = o
 * if normalize: x = (x - mean) / (std + epsilon)        element-wise
 * if clip:      x = min(max(x, -clip_max), clip_max)
 * for each layer l: x = x · weight_l + bias_l, then the activation for every layer but the last
 * mean = x;  action = mean + exp(log_std) * N(0, I)  (or the mean, deterministically)
 * </pre>
 * {@code weight[i][o]} connects input i to output o. {@code count} is how many observations the
 * running statistics took in; {@code std} is their standard deviation as training used it (n − 1
 * denominator; |mean| after one observation). With {@code obs-norm-stats rms} (CleanRL, SB3) {@code std}
 * is the divisor sqrt(var + 1e-8) itself and {@code epsilon} is 0, which gives the same division.
 * {@code clip_actions} is false unless the run clipped actions ({@code action-clip}): ablate4j then hands
 * the sampled action to the environment unclipped, and the environment applies its bounds where
 * Gymnasium does (Pendulum clips the torque to [−2, 2], MuJoCo clamps the controls to ctrlrange).
 *
 * <p>Every number is written by {@link dev.ablate4j.policy.ExactNumbers}: the shortest decimal that
 * reads back to the same 64-bit double, so the file holds the policy exactly and the same policy
 * gives the same bytes on every JDK. {@link dev.ablate4j.policy.PolicyJson#read} refuses a file with
 * a missing or unknown key, another format or version, sizes that do not chain, or a non-finite
 * number, naming the key in one line. {@link dev.ablate4j.policy.PolicyActor} computes with a saved
 * policy through the training code's own network and tanh, so its actions are the trained policy's
 * bit for bit ({@code SavedPolicyTest}).
 *
 * <h2>Evaluation</h2>
 * {@link dev.ablate4j.policy.Evaluation}: episodes in a fresh environment (its variant as in
 * training) with the observation filter frozen, the mean action or sampled ones; episode i draws its
 * reset seed and noise from {@code Seeds.stream(seed, "evaluate", i)}. {@code ablate4j evaluate}
 * prints mean, standard deviation and the 95% Student-t interval of the mean
 * ({@link dev.ablate4j.policy.ReturnSummary}, checked against scipy) and writes {@code eval.csv}
 * (episode, return, length) after {@code eval.json} (env, episodes, actions, seed, MuJoCo version,
 * the SHA-256 of the policy.json evaluated).
 */
package dev.ablate4j.policy;
