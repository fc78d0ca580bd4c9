#!/usr/bin/env python3
"""Reference data for ablate4j's cleanrl:ppo and sb3:ppo presets, made by running the real code of
CleanRL (cleanrl/ppo_continuous_action.py at fe8d8a03) and Stable-Baselines3 (2.9.0a4 at e05d2db)
on Gymnasium 0.29.1 (7cf4952). See src/test/python/README.md for how to run it and
src/test/resources/reference/implementations/README.md for the format of what it writes.

Nothing here re-implements either codebase. The three source trees are exported from git mirrors at
the named commits into a temporary folder and imported from there:
  * CleanRL: `Agent` and `make_env` are imported; its training loop sits under
    `if __name__ == "__main__"`, so the loop's own lines (the initial reset, the optimizer, the
    storage, the rollout loop, GAE and the update epoch) are cut out of the file by their first and
    last lines, dedented and executed as they are, in a namespace that holds what the loop expects.
  * SB3: `PPO("MlpPolicy", VecNormalize(DummyVecEnv([Monitor(env)])))`, its own `collect_rollouts`
    and `train`.
The environment is scripted (ScriptedEnv): it returns a fixed stream of observations, rewards,
terminations and truncations whatever the actions are, and logs the actions it receives. The
initial network and the minibatch order are fixed; the behaviour network that collects the rollout
differs from the network the update starts from, so that ratio clipping and value clipping act.
Recording hooks only read: the optimizer's step records the gradients (after clipping) and the
losses of the caller's frame, a wrapper of torch's clip_grad_norm_ records the norm before clipping.
"""
import argparse
import gzip
import io
import json
import os
import subprocess
import sys
import tempfile
import types
from contextlib import redirect_stdout

MIRRORS = "/work/.mirror"
CLEANRL = ("vwxyzjn+cleanrl", "fe8d8a03c41a7ef5b523e2e354bd01c363e786bb", "cleanrl/ppo_continuous_action.py")
GYMNASIUM = ("Farama-Foundation+Gymnasium", "7cf49527c945297f0bfeb89edab417d87819ab00", "gymnasium")
SB3 = ("DLR-RM+stable-baselines3", "e05d2dbe6eda0acd0ef2e316e3e4065677add3eb", "stable_baselines3")

OBS_DIM = 5
ACT_DIM = 3
HIDDEN = 64
T = 64                # rollout steps (one environment)
MINIBATCHES = 2       # CleanRL num_minibatches; SB3 batch_size = T / MINIBATCHES
SEED = 7
GAMMA = 0.99
# The raw stream: per-dimension offsets and scales, so normalization has something to do.
OBS_MEAN = [1.0, -2.0, 0.5, 3.0, 0.0]
OBS_SCALE = [0.5, 2.0, 1.0, 0.1, 5.0]
# Episodes of the update stream: (length, how it ends); the last runs past the rollout's end.
UPDATE_EPISODES = [(20, "terminated"), (16, "truncated"), (12, "terminated"), (30, "truncated")]
# Behaviour network = initial network with these changes (the rollout is collected with it).
BEHAVIOUR_LOG_STD = 0.15
BEHAVIOUR_VALUE_BIAS = 0.5


# ----------------------------------------------------------------------------- sources

def export(mirror_root, spec, dest):
    name, commit, path = spec
    git_dir = os.path.join(mirror_root, name, "repo")
    if not os.path.isdir(git_dir):
        sys.exit(f"implementations_reference: no git mirror at {git_dir} (bring github:{name.replace('+', '/')} in first)")
    archive = subprocess.run(["git", f"--git-dir={git_dir}", "archive", commit, path], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", dest], input=archive, check=True)


def import_sources(mirror_root, work):
    for spec in (CLEANRL, GYMNASIUM, SB3):
        export(mirror_root, spec, work)
    # Gymnasium 0.29.1 imports farama_notifications for a start-up message only.
    try:
        import farama_notifications  # noqa: F401
    except ImportError:
        sys.modules["farama_notifications"] = types.SimpleNamespace(notifications={})
    # CleanRL imports tyro (its command-line parser) at the top; it is used only under __main__.
    try:
        import tyro  # noqa: F401
    except ImportError:
        sys.modules["tyro"] = types.ModuleType("tyro")
    sys.path.insert(0, work)
    sys.path.insert(0, os.path.join(work, "cleanrl"))


# ----------------------------------------------------------------------------- output

def f32(x):
    """float32 values as nested lists of JSON numbers in their shortest round-trip form."""
    import numpy as np
    a = np.asarray(x, dtype=np.float32)
    if a.ndim == 0:
        return Raw(str(np.float32(a)))
    return [f32(v) for v in a]


def f64(x):
    import numpy as np
    a = np.asarray(x, dtype=np.float64)
    if a.ndim == 0:
        return Raw(repr(float(a)))
    return [f64(v) for v in a]


class Raw(str):
    pass


def dumps(v, indent=0):
    pad = "\n" + "  " * (indent + 1)
    if isinstance(v, Raw):
        return str(v)
    if isinstance(v, dict):
        if not v:
            return "{}"
        items = [json.dumps(k) + ": " + dumps(x, indent + 1) for k, x in v.items()]
        return "{" + pad + ("," + pad).join(items) + "\n" + "  " * indent + "}"
    if isinstance(v, (list, tuple)):
        if all(not isinstance(x, (dict, list, tuple)) for x in v):
            return "[" + ", ".join(dumps(x, indent) for x in v) + "]"
        return "[" + pad + ("," + pad).join(dumps(x, indent + 1) for x in v) + "\n" + "  " * indent + "]"
    return json.dumps(v)


# ----------------------------------------------------------------------------- scripted environment

def make_stream(rng, episodes, obs_dim, spikes=()):
    """Episodes of raw data: reset observation, then per step (obs, reward, terminated, truncated)."""
    import numpy as np
    mean = np.array(OBS_MEAN[:obs_dim])
    scale = np.array(OBS_SCALE[:obs_dim])
    out = []
    for length, end in episodes:
        reset = mean + scale * rng.standard_normal(obs_dim)
        steps = []
        for i in range(length):
            obs = mean + scale * rng.standard_normal(obs_dim)
            reward = 1.0 + 2.0 * rng.standard_normal()
            last = i == length - 1
            steps.append([obs, reward, last and end == "terminated", last and end == "truncated"])
        out.append({"reset": reset, "steps": steps})
    for episode, step, obs_factor, reward in spikes:
        s = out[episode]["steps"][step]
        s[0] = s[0] * obs_factor
        s[1] = reward
    return out


def scripted_env_class():
    import gymnasium as gym
    import numpy as np

    class ScriptedEnv(gym.Env):
        """Returns a fixed stream whatever the actions; logs the actions it receives."""
        metadata = {"render_modes": []}

        def __init__(self, stream, obs_dim, act_dim, log):
            self.stream = stream
            self.observation_space = gym.spaces.Box(-np.inf, np.inf, (obs_dim,), np.float64)
            self.action_space = gym.spaces.Box(-1.0, 1.0, (act_dim,), np.float32)
            self.episode = -1
            self.step_index = 0
            self.log = log

        def reset(self, *, seed=None, options=None):
            super().reset(seed=seed)
            self.episode += 1
            self.step_index = 0
            return np.array(self.stream[self.episode]["reset"], dtype=np.float64), {}

        def step(self, action):
            self.log.append(np.array(action, dtype=np.float64).copy())
            obs, reward, terminated, truncated = self.stream[self.episode]["steps"][self.step_index]
            self.step_index += 1
            return np.array(obs, dtype=np.float64), float(reward), bool(terminated), bool(truncated), {}

    return ScriptedEnv


def stream_json(stream):
    return [{"reset": f64(e["reset"]),
             "obs": f64([s[0] for s in e["steps"]]),
             "reward": f64([s[1] for s in e["steps"]]),
             "terminated": [bool(s[2]) for s in e["steps"]],
             "truncated": [bool(s[3]) for s in e["steps"]]} for e in stream]


# ----------------------------------------------------------------------------- networks

CANONICAL = ["actor.0.weight", "actor.0.bias", "actor.2.weight", "actor.2.bias", "actor.4.weight", "actor.4.bias",
             "log_std", "critic.0.weight", "critic.0.bias", "critic.2.weight", "critic.2.bias", "critic.4.weight",
             "critic.4.bias"]
CLEANRL_NAMES = {"actor.0.weight": "actor_mean.0.weight", "actor.0.bias": "actor_mean.0.bias",
                 "actor.2.weight": "actor_mean.2.weight", "actor.2.bias": "actor_mean.2.bias",
                 "actor.4.weight": "actor_mean.4.weight", "actor.4.bias": "actor_mean.4.bias",
                 "log_std": "actor_logstd", "critic.0.weight": "critic.0.weight", "critic.0.bias": "critic.0.bias",
                 "critic.2.weight": "critic.2.weight", "critic.2.bias": "critic.2.bias",
                 "critic.4.weight": "critic.4.weight", "critic.4.bias": "critic.4.bias"}
SB3_NAMES = {"actor.0.weight": "mlp_extractor.policy_net.0.weight", "actor.0.bias": "mlp_extractor.policy_net.0.bias",
             "actor.2.weight": "mlp_extractor.policy_net.2.weight", "actor.2.bias": "mlp_extractor.policy_net.2.bias",
             "actor.4.weight": "action_net.weight", "actor.4.bias": "action_net.bias", "log_std": "log_std",
             "critic.0.weight": "mlp_extractor.value_net.0.weight", "critic.0.bias": "mlp_extractor.value_net.0.bias",
             "critic.2.weight": "mlp_extractor.value_net.2.weight", "critic.2.bias": "mlp_extractor.value_net.2.bias",
             "critic.4.weight": "value_net.weight", "critic.4.bias": "value_net.bias"}


def initial_network(cleanrl_module, envs):
    """The initial network: CleanRL's own Agent initialization (orthogonal, gains sqrt 2 / 0.01 / 1)."""
    agent = cleanrl_module.Agent(envs)
    sd = agent.state_dict()
    return {c: sd[CLEANRL_NAMES[c]].detach().clone().reshape(-1 if c == "log_std" else sd[CLEANRL_NAMES[c]].shape)
            for c in CANONICAL}


def behaviour_network(initial):
    net = {k: v.clone() for k, v in initial.items()}
    net["log_std"] = net["log_std"] + BEHAVIOUR_LOG_STD
    net["critic.4.bias"] = net["critic.4.bias"] + BEHAVIOUR_VALUE_BIAS
    return net


def load(module, net, names, log_std_shape):
    import torch
    with torch.no_grad():
        params = dict(module.named_parameters())
        for c in CANONICAL:
            params[names[c]].copy_(net[c].reshape(log_std_shape) if c == "log_std" else net[c])


def read(module, names):
    params = dict(module.named_parameters())
    return {c: params[names[c]].detach().clone().reshape(-1) if c == "log_std" else params[names[c]].detach().clone()
            for c in CANONICAL}


def net_json(net):
    return {c: f32(net[c].numpy()) for c in CANONICAL}


# ----------------------------------------------------------------------------- recording hooks

class Recorder:
    """Wraps torch's clip_grad_norm_ (norm before clipping) and an optimizer's step (gradients after
    clipping, losses read from the calling frame)."""

    def __init__(self, module, names, loss_names):
        self.module = module
        self.names = names
        self.loss_names = loss_names
        self.records = []
        self.norms = []

    def clip_wrapper(self, original):
        def clip(*args, **kwargs):
            norm = original(*args, **kwargs)
            self.norms.append(float(norm))
            return norm
        return clip

    def on_step(self):
        frame = sys._getframe(1)
        while frame is not None and not all(n in frame.f_locals for n in self.loss_names.values()):
            frame = frame.f_back
        if frame is None:
            raise RuntimeError("recording hook: no caller frame holds " + ", ".join(self.loss_names.values()))
        params = dict(self.module.named_parameters())
        grads = {c: params[self.names[c]].grad.detach().clone().reshape(-1) if c == "log_std"
                 else params[self.names[c]].grad.detach().clone() for c in CANONICAL}
        losses = {k: float(frame.f_locals[v].item()) for k, v in self.loss_names.items()}
        self.records.append({"losses": losses, "grads": grads, "grad_norm_before_clip": self.norms[-1]})


# ----------------------------------------------------------------------------- CleanRL

def main_block_lines(source, first, last):
    """The lines of the __main__ block from the first one starting with `first` through the first one
    starting with `last` after it (and that line's indented body, if it opens one), dedented; also
    the 1-based numbers of the first and last line taken."""
    lines = source.split("\n")
    start = next(i for i, l in enumerate(lines) if l.strip().startswith(first))
    for end in range(start, len(lines)):
        if lines[end].strip().startswith(last):
            break
    else:
        raise RuntimeError(f"CleanRL source: no line starting with {last!r} after {first!r}")
    block = lines[start:end + 1]
    indent = min(len(l) - len(l.lstrip()) for l in block if l.strip())
    # a block ending inside an if needs its body: take following lines indented deeper than `last`
    last_indent = len(lines[end]) - len(lines[end].lstrip())
    j = end + 1
    while j < len(lines) and (not lines[j].strip() or len(lines[j]) - len(lines[j].lstrip()) > last_indent):
        block.append(lines[j])
        j += 1
    while not block[-1].strip():
        block.pop()
    return "\n".join(l[indent:] if l.strip() else "" for l in block) + "\n", (start + 1, start + len(block))


def run_cleanrl(work, stream, initial, perm):
    import numpy as np
    import torch
    import torch.optim as optim
    import gymnasium as gym
    import ppo_continuous_action as cl

    path = os.path.join(work, CLEANRL[2])
    with open(path) as f:
        source = f.read()
    env_log = []
    ScriptedEnv = scripted_env_class()
    gym.register(id="AblateScriptedCleanRL-v0",
                 entry_point=lambda: ScriptedEnv(stream, OBS_DIM, ACT_DIM, env_log))

    args = cl.Args(env_id="AblateScriptedCleanRL-v0", seed=SEED, cuda=False, num_steps=T,
                   num_minibatches=MINIBATCHES, update_epochs=1, gamma=GAMMA)
    args.batch_size = int(args.num_envs * args.num_steps)
    args.minibatch_size = int(args.batch_size // args.num_minibatches)
    args.num_iterations = 1
    torch.manual_seed(SEED)
    envs = gym.vector.SyncVectorEnv([cl.make_env(args.env_id, i, False, "reference", args.gamma)
                                     for i in range(args.num_envs)])
    agent = cl.Agent(envs)
    behaviour = behaviour_network(initial)
    load(agent, behaviour, CLEANRL_NAMES, (1, ACT_DIM))

    recorder = Recorder(agent, CLEANRL_NAMES, {"pg_loss": "pg_loss", "value_loss": "v_loss",
                                               "entropy": "entropy_loss", "loss": "loss",
                                               "approx_kl": "approx_kl"})

    class RecordingAdam(optim.Adam):
        def step(self, closure=None):
            recorder.on_step()
            return super().step(closure)

    class Writer:
        def add_scalar(self, *a, **k):
            pass

    ns = {"args": args, "agent": agent, "envs": envs, "device": torch.device("cpu"), "torch": torch, "np": np,
          "nn": torch.nn, "optim": types.SimpleNamespace(Adam=RecordingAdam), "writer": Writer(),
          "global_step": 0, "start_time": 0.0}
    segments = {}
    for name, first, last in [("optimizer", "optimizer = optim.Adam(", "optimizer = optim.Adam("),
                              ("storage", "obs = torch.zeros(", "values = torch.zeros("),
                              ("reset", "next_obs, _ = envs.reset(", "next_done = torch.zeros(")]:
        code, where = main_block_lines(source, first, last)
        segments[name] = where
        exec(compile(code, f"{path}:{where[0]}", "exec"), ns)
    rollout, where = main_block_lines(source, "for step in range(0, args.num_steps):", "writer.add_scalar(\"charts/episodic_length\"")
    segments["rollout"] = where
    with redirect_stdout(io.StringIO()):
        exec(compile(rollout, f"{path}:{where[0]}", "exec"), ns)
    # GAE with the network that collected the rollout, as in CleanRL's loop.
    gae, where = main_block_lines(source, "# bootstrap value if not done", "b_values = values.reshape(")
    segments["gae"] = where
    exec(compile(gae, f"{path}:{where[0]}", "exec"), ns)

    # The update starts from the initial network (the optimizer holds the same parameter objects).
    load(agent, initial, CLEANRL_NAMES, (1, ACT_DIM))
    update, where = main_block_lines(source, "# Optimizing the policy and value network", "if args.target_kl is not None")
    segments["update"] = where
    original_shuffle = np.random.shuffle
    original_clip = torch.nn.utils.clip_grad_norm_
    np.random.shuffle = lambda a: a.__setitem__(slice(None), np.asarray(perm))
    torch.nn.utils.clip_grad_norm_ = recorder.clip_wrapper(original_clip)
    try:
        exec(compile(update, f"{path}:{where[0]}", "exec"), ns)
    finally:
        np.random.shuffle = original_shuffle
        torch.nn.utils.clip_grad_norm_ = original_clip

    norm_env = envs.envs[0]
    obs_rms = norm_env.get_wrapper_attr("obs_rms")
    return_rms = norm_env.get_wrapper_attr("return_rms")
    return {
        "source_lines": {k: list(v) for k, v in segments.items()},
        "settings": {"learning_rate": ns["optimizer"].param_groups[0]["lr"], "adam_eps": 1e-5,
                     "clip_coef": args.clip_coef, "clip_vloss": args.clip_vloss, "ent_coef": args.ent_coef,
                     "vf_coef": args.vf_coef, "max_grad_norm": args.max_grad_norm, "norm_adv": args.norm_adv,
                     "gamma": args.gamma, "gae_lambda": args.gae_lambda, "num_steps": args.num_steps,
                     "num_minibatches": args.num_minibatches, "minibatch_size": args.minibatch_size,
                     "update_epochs": args.update_epochs},
        "rollout": {
            "obs": f32(ns["obs"].reshape(T, OBS_DIM).numpy()),
            "actions": f32(ns["actions"].reshape(T, ACT_DIM).numpy()),
            "env_actions": f64(env_log[:T]),
            "logprobs": f32(ns["logprobs"].reshape(T).numpy()),
            "rewards": f32(ns["rewards"].reshape(T).numpy()),
            "dones": f32(ns["dones"].reshape(T).numpy()),
            "values": f32(ns["values"].reshape(T).numpy()),
            "next_obs": f32(ns["next_obs"].reshape(OBS_DIM).numpy()),
            "next_done": f32(ns["next_done"].reshape(()).numpy()),
            "next_value": f32(ns["next_value"].reshape(()).numpy()),
            "advantages": f32(ns["b_advantages"].numpy()),
            "returns": f32(ns["b_returns"].numpy()),
        },
        "normalizer_state": {"obs_mean": f64(obs_rms.mean), "obs_var": f64(obs_rms.var), "obs_count": f64(obs_rms.count),
                             "return_mean": f64(return_rms.mean), "return_var": f64(return_rms.var),
                             "return_count": f64(return_rms.count),
                             "running_return": f64(norm_env.get_wrapper_attr("returns")[0])},
        "update": update_json(recorder, read(agent, CLEANRL_NAMES), perm),
    }


def update_json(recorder, final, perm):
    m = len(perm) // MINIBATCHES
    return {
        "minibatches": [{"indices": [int(i) for i in perm[b * m:(b + 1) * m]],
                         "losses": {k: f32(v) for k, v in r["losses"].items()},
                         "grad_norm_before_clip": f32(r["grad_norm_before_clip"]),
                         "grads": net_json(r["grads"])} for b, r in enumerate(recorder.records)],
        "final_params": net_json(final),
    }


# ----------------------------------------------------------------------------- SB3

def run_sb3(stream, initial, perm):
    import numpy as np
    import torch
    from stable_baselines3 import PPO
    from stable_baselines3.common.callbacks import BaseCallback
    from stable_baselines3.common.monitor import Monitor
    from stable_baselines3.common.vec_env import DummyVecEnv, VecNormalize

    env_log = []
    ScriptedEnv = scripted_env_class()
    venv = VecNormalize(DummyVecEnv([lambda: Monitor(ScriptedEnv(stream, OBS_DIM, ACT_DIM, env_log))]), gamma=GAMMA)
    model = PPO("MlpPolicy", venv, n_steps=T, batch_size=T // MINIBATCHES, n_epochs=1, gamma=GAMMA, seed=SEED,
                device="cpu")
    behaviour = behaviour_network(initial)
    load(model.policy, behaviour, SB3_NAMES, (ACT_DIM,))

    steps = []

    class StepLog(BaseCallback):
        """Reads collect_rollouts' locals at callback.on_step: after env.step, before the truncation bootstrap."""

        def _on_step(self):
            loc = self.locals
            info = loc["infos"][0]
            steps.append({"reward": float(loc["rewards"][0]), "done": bool(loc["dones"][0]),
                          "truncated": bool(info.get("TimeLimit.truncated", False)),
                          "terminal_observation": info.get("terminal_observation")})
            return True

    total, callback = model._setup_learn(T, StepLog())
    first_obs = np.array(model._last_obs[0])
    callback.on_training_start(locals(), globals())
    model.collect_rollouts(model.env, callback, model.rollout_buffer, n_rollout_steps=T)
    buf = model.rollout_buffer
    with torch.no_grad():
        last_value = float(model.policy.predict_values(torch.as_tensor(model._last_obs).float()).item())
        terminal_values = [float(model.policy.predict_values(torch.as_tensor(s["terminal_observation"]).float()
                                                           .reshape(1, -1)).item())
                           if s["terminal_observation"] is not None else None for s in steps]
    rollout = {
        "first_obs": f32(first_obs),
        "observations": f32(buf.observations.reshape(T, OBS_DIM)),
        "actions": f32(buf.actions.reshape(T, ACT_DIM)),
        "env_actions": f64(env_log[:T]),
        "log_probs": f32(buf.log_probs.reshape(T)),
        "env_rewards": f32([s["reward"] for s in steps]),
        "rewards": f32(buf.rewards.reshape(T)),
        "episode_starts": f32(buf.episode_starts.reshape(T)),
        "values": f32(buf.values.reshape(T)),
        "dones": [s["done"] for s in steps],
        "time_limit_truncated": [s["truncated"] for s in steps],
        "terminal_observations": [f32(s["terminal_observation"]) if s["terminal_observation"] is not None else None
                                  for s in steps],
        "terminal_values": [f32(v) if v is not None else None for v in terminal_values],
        "last_obs": f32(np.asarray(model._last_obs).reshape(OBS_DIM)),
        "last_done": bool(np.asarray(model._last_episode_starts).reshape(())),
        "last_value": f32(last_value),
        "advantages": f32(buf.advantages.reshape(T)),
        "returns": f32(buf.returns.reshape(T)),
    }

    load(model.policy, initial, SB3_NAMES, (ACT_DIM,))
    recorder = Recorder(model.policy, SB3_NAMES, {"pg_loss": "policy_loss", "value_loss": "value_loss",
                                                  "entropy_loss": "entropy_loss", "loss": "loss",
                                                  "approx_kl": "approx_kl_div"})
    optimizer = model.policy.optimizer
    original_step = optimizer.step

    def recording_step(*a, **k):
        recorder.on_step()
        return original_step(*a, **k)

    optimizer.step = recording_step
    original_permutation = np.random.permutation
    original_clip = torch.nn.utils.clip_grad_norm_
    np.random.permutation = lambda n: np.asarray(perm).copy()
    torch.nn.utils.clip_grad_norm_ = recorder.clip_wrapper(original_clip)
    try:
        model.train()
    finally:
        np.random.permutation = original_permutation
        torch.nn.utils.clip_grad_norm_ = original_clip
    for r in recorder.records:
        r["losses"]["entropy"] = -r["losses"]["entropy_loss"]
    return {
        "settings": {"learning_rate": optimizer.param_groups[0]["lr"], "adam_eps": optimizer.defaults["eps"],
                     "clip_range": float(model.clip_range(1.0)), "clip_range_vf": model.clip_range_vf,
                     "ent_coef": model.ent_coef, "vf_coef": model.vf_coef, "max_grad_norm": model.max_grad_norm,
                     "normalize_advantage": model.normalize_advantage, "gamma": model.gamma,
                     "gae_lambda": model.gae_lambda, "n_steps": model.n_steps, "batch_size": model.batch_size,
                     "n_epochs": model.n_epochs, "vecnormalize": {"clip_obs": venv.clip_obs,
                                                                  "clip_reward": venv.clip_reward,
                                                                  "gamma": venv.gamma, "epsilon": venv.epsilon}},
        "rollout": rollout,
        "normalizer_state": {"obs_mean": f64(venv.obs_rms.mean), "obs_var": f64(venv.obs_rms.var),
                             "obs_count": f64(venv.obs_rms.count), "return_mean": f64(venv.ret_rms.mean),
                             "return_var": f64(venv.ret_rms.var), "return_count": f64(venv.ret_rms.count),
                             "running_return": f64(venv.returns[0])},
        "update": update_json(recorder, read(model.policy, SB3_NAMES), perm),
    }


# ----------------------------------------------------------------------------- normalizers alone

NORM_OBS_DIM = 3
NORM_EPISODES = [(40, "terminated"), (35, "truncated"), (30, "terminated"), (30, "truncated")]
# (episode, step, observation factor, reward): observations and rewards far out. The statistics take
# in a value before it is normalized, which bounds a lone outlier's |z| by about sqrt(count): the
# clips at +-10 can act only after some 100 steps, hence the late spikes.
NORM_SPIKES = [(1, 10, 1.0, 60.0), (2, 25, 1.0, -80.0), (3, 20, 200.0, 20000.0)]


def run_normalizers(work, rng):
    import numpy as np
    import gymnasium as gym
    import ppo_continuous_action as cl
    from stable_baselines3.common.monitor import Monitor
    from stable_baselines3.common.vec_env import DummyVecEnv, VecNormalize

    stream = make_stream(rng, NORM_EPISODES, NORM_OBS_DIM, NORM_SPIKES)
    n = sum(length for length, _ in NORM_EPISODES) - 1  # stop before the last episode's end
    actions = (2.0 * rng.standard_normal((n, 1))).astype(np.float32)
    ScriptedEnv = scripted_env_class()

    cl_log = []
    gym.register(id="AblateScriptedNorm-v0", entry_point=lambda: ScriptedEnv(stream, NORM_OBS_DIM, 1, cl_log))
    envs = gym.vector.SyncVectorEnv([cl.make_env("AblateScriptedNorm-v0", 0, False, "reference", GAMMA)])
    first, _ = envs.reset(seed=SEED)
    cl_steps = []
    for t in range(n):
        obs, reward, terminated, truncated, infos = envs.step(actions[t:t + 1])
        final = infos["final_observation"][0] if "final_observation" in infos else None
        cl_steps.append({"obs": f64(obs[0]), "reward": f64(reward[0]), "terminated": bool(terminated[0]),
                         "truncated": bool(truncated[0]), "final_observation": f64(final) if final is not None else None})
    e = envs.envs[0]
    cleanrl = {"first_obs": f64(first[0]), "steps": cl_steps, "env_actions": f64(cl_log),
               "state": {"obs_mean": f64(e.get_wrapper_attr("obs_rms").mean),
                         "obs_var": f64(e.get_wrapper_attr("obs_rms").var),
                         "obs_count": f64(e.get_wrapper_attr("obs_rms").count),
                         "return_mean": f64(e.get_wrapper_attr("return_rms").mean),
                         "return_var": f64(e.get_wrapper_attr("return_rms").var),
                         "return_count": f64(e.get_wrapper_attr("return_rms").count),
                         "running_return": f64(e.get_wrapper_attr("returns")[0])}}

    sb3_log = []
    venv = VecNormalize(DummyVecEnv([lambda: Monitor(ScriptedEnv(stream, NORM_OBS_DIM, 1, sb3_log))]), gamma=GAMMA)
    first = venv.reset()
    sb3_steps = []
    for t in range(n):
        # SB3's PPO clips the action before env.step (on_policy_algorithm.py); VecNormalize itself does not.
        obs, reward, done, infos = venv.step(np.clip(actions[t:t + 1], -1.0, 1.0))
        term = infos[0].get("terminal_observation")
        sb3_steps.append({"obs": f32(obs[0]), "reward": f32(reward[0]), "done": bool(done[0]),
                          "time_limit_truncated": bool(infos[0].get("TimeLimit.truncated", False)),
                          "terminal_observation": f32(term) if term is not None else None})
    sb3 = {"first_obs": f32(first[0]), "steps": sb3_steps, "env_actions": f64(sb3_log),
           "state": {"obs_mean": f64(venv.obs_rms.mean), "obs_var": f64(venv.obs_rms.var),
                     "obs_count": f64(venv.obs_rms.count), "return_mean": f64(venv.ret_rms.mean),
                     "return_var": f64(venv.ret_rms.var), "return_count": f64(venv.ret_rms.count),
                     "running_return": f64(venv.returns[0])}}
    return {"obs_dim": NORM_OBS_DIM, "gamma": GAMMA, "steps": n, "stream": stream_json(stream),
            "actions": f32(actions), "cleanrl": cleanrl, "sb3": sb3}


# ----------------------------------------------------------------------------- main

def versions():
    import numpy
    import torch
    return {"python": sys.version.split()[0], "torch": torch.__version__, "numpy": numpy.__version__,
            "cleanrl": CLEANRL[1], "gymnasium": GYMNASIUM[1], "stable_baselines3": SB3[1]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mirrors", default=os.environ.get("MIRROR_ROOT", MIRRORS),
                        help="folder holding <owner>+<name>/repo git mirrors (default %(default)s)")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources",
                                                      "reference", "implementations"))
    a = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ablate4j-impl-ref-") as work:
        import_sources(a.mirrors, work)
        import numpy as np
        import torch
        torch.set_num_threads(1)
        import gymnasium as gym
        import ppo_continuous_action as cl
        assert gym.__version__ == "0.29.1", gym.__version__

        rng = np.random.default_rng(SEED)
        stream = make_stream(rng, UPDATE_EPISODES, OBS_DIM)
        perm = rng.permutation(T)
        # The initial network: CleanRL's Agent as it initializes itself, seeded.
        torch.manual_seed(SEED)
        ScriptedEnv = scripted_env_class()
        spaces_env = gym.vector.SyncVectorEnv([lambda: ScriptedEnv(stream, OBS_DIM, ACT_DIM, [])])
        initial = initial_network(cl, spaces_env)

        update = {"versions": versions(), "obs_dim": OBS_DIM, "act_dim": ACT_DIM, "hidden": [HIDDEN, HIDDEN],
                  "rollout_steps": T, "minibatches": MINIBATCHES, "seed": SEED, "gamma": GAMMA,
                  "behaviour_changes": {"log_std": BEHAVIOUR_LOG_STD, "critic.4.bias": BEHAVIOUR_VALUE_BIAS},
                  "parameter_order": CANONICAL, "names": {"cleanrl": CLEANRL_NAMES, "sb3": SB3_NAMES},
                  "stream": stream_json(stream), "permutation": [int(i) for i in perm],
                  "initial_params": net_json(initial), "behaviour_params": net_json(behaviour_network(initial)),
                  "cleanrl": run_cleanrl(work, stream, initial, perm),
                  "sb3": run_sb3(stream, initial, perm)}
        normalizers = run_normalizers(work, np.random.default_rng(SEED + 1))
        normalizers["versions"] = versions()

    os.makedirs(a.out, exist_ok=True)
    with gzip.GzipFile(os.path.join(a.out, "ppo-update.json.gz"), "wb", mtime=0) as f:
        f.write((dumps(update) + "\n").encode())
    with open(os.path.join(a.out, "normalizers.json"), "w") as f:
        f.write(dumps(normalizers) + "\n")
    print("wrote", os.path.normpath(os.path.join(a.out, "ppo-update.json.gz")), "and normalizers.json")


if __name__ == "__main__":
    main()
