"""Checks an ablate4j ONNX export against the policy it came from.

Usage:
  check.py --model policy.onnx --policy policy.json [--reference ref.json] [--descriptor onnx_subset.desc]
           [--observations N] [--rtol 1e-6] [--atol 1e-12]

1. onnx.checker.check_model(full_check=True) passes; IR version 8 and opset 17 (ai.onnx) are declared.
2. With --descriptor (the serialized FileDescriptorProto of ablate4j's onnx_subset.proto): every field
   ablate4j declares exists in the onnx package's own onnx_ml_pb2 with the same number, type, repeatedness
   and packing, and every enum value with the same number.
3. onnxruntime runs the model; its outputs are compared with
   - an independent float64 numpy implementation of the documented policy.json format, and
   - with --reference: the Java policy's own outputs (JSON: "observations" [[...]], "action_mean" [[...]],
     "log_std" [...], numbers printed exactly), on the reference's observations;
   each to rtol relative with an absolute floor atol (|ort - ref| <= rtol * |ref| + atol, element-wise).
   Without --reference, N observations (default 1000) are drawn around the filter's mean.
Prints the measured largest relative and absolute differences; exits 1 on any failure.
"""
import argparse
import json
import sys

import numpy as np
import onnx
import onnxruntime as ort


def fail(message):
    print("onnx check: FAIL: " + message)
    sys.exit(1)


def numpy_policy(policy, obs):
    """The action mean of policy.json's documented format, in float64."""
    f = policy["observation_filter"]
    x = np.asarray(obs, dtype=np.float64)
    if f["normalize"]:
        x = (x - np.asarray(f["mean"])) / (np.asarray(f["std"]) + f["epsilon"])
    if f["clip"]:
        x = np.clip(x, -f["clip_max"], f["clip_max"])
    layers = policy["layers"]
    for i, layer in enumerate(layers):
        x = x @ np.asarray(layer["weight"], dtype=np.float64) + np.asarray(layer["bias"], dtype=np.float64)
        if i < len(layers) - 1:
            x = np.tanh(x) if policy["activation"] == "tanh" else np.maximum(x, 0.0)
    return x


def compare(name, got, want, rtol, atol):
    got = np.asarray(got, dtype=np.float64)
    want = np.asarray(want, dtype=np.float64)
    if got.shape != want.shape:
        fail(f"{name}: shape {got.shape}, expected {want.shape}")
    diff = np.abs(got - want)
    rel = diff / np.maximum(np.abs(want), np.finfo(np.float64).tiny)
    ok = diff <= rtol * np.abs(want) + atol
    print(f"onnx check: {name}: {want.size} values, largest relative difference {rel.max():.3g}, "
          f"largest absolute {diff.max():.3g} (tolerance {rtol:g} relative + {atol:g})")
    if not ok.all():
        i = np.unravel_index(np.argmax(diff - (rtol * np.abs(want) + atol)), want.shape)
        fail(f"{name}: value {i} is {got[i]!r}, expected {want[i]!r}")


def check_descriptor(path):
    from google.protobuf import descriptor_pb2
    from onnx import onnx_ml_pb2
    with open(path, "rb") as fh:
        ours = descriptor_pb2.FileDescriptorProto.FromString(fh.read())
    count = 0

    def walk(messages, theirs_of):
        nonlocal count
        for m in messages:
            theirs = theirs_of(m.name)
            if theirs is None:
                fail(f"descriptor: message {m.name} is not in onnx_ml_pb2")
            for f in m.field:
                t = theirs.fields_by_name.get(f.name)
                if t is None:
                    fail(f"descriptor: {m.name}.{f.name} is not a field of onnx's {theirs.full_name}")
                repeated = f.label == descriptor_pb2.FieldDescriptorProto.LABEL_REPEATED
                packed = f.options.packed if f.options.HasField("packed") else False
                if (f.number, f.type, repeated, packed) != (t.number, t.type, t.is_repeated, t.is_packed):
                    fail(f"descriptor: {m.name}.{f.name} is (number {f.number}, type {f.type}, repeated {repeated},"
                         f" packed {packed}) but onnx has ({t.number}, {t.type}, {t.is_repeated}, {t.is_packed})")
                count += 1
            for e in m.enum_type:
                te = theirs.enum_types_by_name.get(e.name)
                if te is None:
                    fail(f"descriptor: enum {m.name}.{e.name} is not in onnx")
                for v in e.value:
                    tv = te.values_by_name.get(v.name)
                    if tv is None or tv.number != v.number:
                        fail(f"descriptor: {m.name}.{e.name}.{v.name} = {v.number} differs from onnx")
            walk(m.nested_type, lambda n, theirs=theirs: theirs.nested_types_by_name.get(n))

    walk(ours.message_type, lambda n: onnx_ml_pb2.DESCRIPTOR.message_types_by_name.get(n))
    print(f"onnx check: onnx_subset.proto: all {count} fields match onnx {onnx.__version__}'s onnx_ml_pb2 "
          "(number, type, repeated, packed)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True)
    ap.add_argument("--policy", required=True)
    ap.add_argument("--reference")
    ap.add_argument("--descriptor")
    ap.add_argument("--observations", type=int, default=1000)
    ap.add_argument("--rtol", type=float, default=1e-6)
    ap.add_argument("--atol", type=float, default=1e-12)
    a = ap.parse_args()

    model = onnx.load(a.model)
    onnx.checker.check_model(model, full_check=True)
    opsets = {o.domain: o.version for o in model.opset_import}
    if model.ir_version != 8 or opsets.get("", opsets.get("ai.onnx")) != 17:
        fail(f"IR version {model.ir_version}, opsets {opsets}; expected IR 8 and ai.onnx opset 17")
    print(f"onnx check: {a.model}: onnx.checker passed (onnx {onnx.__version__}; IR {model.ir_version}, "
          f"opset {opsets})")
    if a.descriptor:
        check_descriptor(a.descriptor)

    with open(a.policy) as fh:
        policy = json.load(fh)
    session = ort.InferenceSession(a.model, providers=["CPUExecutionProvider"])
    inputs = session.get_inputs()
    if [i.name for i in inputs] != ["obs"] or [o.name for o in session.get_outputs()] != ["action_mean", "log_std"]:
        fail("inputs/outputs are not obs -> action_mean, log_std")
    dtype = {"tensor(float)": np.float32, "tensor(double)": np.float64}[inputs[0].type]

    if a.reference:
        with open(a.reference) as fh:
            ref = json.load(fh)
        obs = np.asarray(ref["observations"], dtype=np.float64)
        if dtype == np.float32 and not np.array_equal(obs.astype(np.float32).astype(np.float64), obs):
            fail("the reference's observations are not float32 values, but the model's input is float32")
    else:
        f = policy["observation_filter"]
        rng = np.random.default_rng(20261207)
        n = policy["observation_size"]
        scale = np.where(rng.random((a.observations, 1)) < 0.8, 1.0, 30.0)
        obs = np.asarray(f["mean"]) + (np.asarray(f["std"]) + 0.1) * scale * rng.standard_normal((a.observations, n))
        obs = obs.astype(dtype).astype(np.float64)
    mean, log_std = session.run(None, {"obs": obs.astype(dtype)})
    if mean.dtype != np.float64 or log_std.dtype != np.float64:
        fail(f"outputs are {mean.dtype}, {log_std.dtype}; expected float64")
    print(f"onnx check: onnxruntime {ort.__version__} ran {len(obs)} observations")
    compare("action_mean vs numpy (policy.json)", mean, numpy_policy(policy, obs), a.rtol, a.atol)
    compare("log_std vs policy.json", log_std, policy["log_std"], 0.0, 0.0)
    if a.reference:
        compare("action_mean vs Java", mean, ref["action_mean"], a.rtol, a.atol)
        compare("log_std vs Java", log_std, ref["log_std"], 0.0, 0.0)
        compare("numpy (policy.json) vs Java", numpy_policy(policy, obs), ref["action_mean"], a.rtol, a.atol)
    print("onnx check: OK")


if __name__ == "__main__":
    main()
