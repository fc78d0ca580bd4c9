/**
 * A saved policy as an ONNX model ({@code ablate4j export-onnx}), written with protobuf-java from
 * {@code src/main/proto/onnx_subset.proto}: the messages of ONNX's published {@code onnx.proto}
 * that the export needs, with ONNX's own field numbers and types (compared field by field with the
 * onnx package's generated {@code onnx_ml_pb2} by {@code ci/onnx/check.py}).
 *
 * <p>The model: ONNX IR version 8, default operator set ("ai.onnx") version 17, one graph:
 * <pre>
 * input  obs          float32 [batch, n]   (float64 with --input-type float64)
 * Cast(to=DOUBLE)                          (float32 input only; exact)
 * Sub(obs_mean), Div(obs_scale)            when normalize: obs_scale = std + epsilon, computed as training does
 * Clip(obs_clip_min, obs_clip_max)         when clip
 * Gemm(layerL.weight [in, out], layerL.bias [out]), Tanh or Relu after every layer but the last
 * output action_mean  float64 [batch, m]
 * output log_std      float64 [m]          (Identity of the log_std_value initializer)
 * </pre>
 * Everything after the cast is float64 (DOUBLE tensors), so the model computes what the Java
 * policy computes up to the order of the sums: on 1,000 observations per policy onnxruntime 1.30
 * agreed with the Java policy within 7e-12 relative (usually about 1e-13), far inside the 1e-6 the
 * check requires ({@code OnnxRuntimeCheckTest}). A float32 graph would round the weights and every
 * intermediate value to 24 bits, about 6e-8 relative each, and lose 1e-6 where outputs cancel. Metadata
 * properties name the env, its variant, the activation, the filter switches and the action bounds.
 */
package dev.ablate4j.policy.onnx;
