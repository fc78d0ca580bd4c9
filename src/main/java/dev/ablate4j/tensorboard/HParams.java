package dev.ablate4j.tensorboard;

import com.google.protobuf.ListValue;
import com.google.protobuf.Value;
import dev.ablate4j.results.ConfigFile;
import dev.ablate4j.tensorboard.proto.DataType;
import dev.ablate4j.tensorboard.proto.Experiment;
import dev.ablate4j.tensorboard.proto.HParamInfo;
import dev.ablate4j.tensorboard.proto.HParamsPluginData;
import dev.ablate4j.tensorboard.proto.Interval;
import dev.ablate4j.tensorboard.proto.MetricInfo;
import dev.ablate4j.tensorboard.proto.MetricName;
import dev.ablate4j.tensorboard.proto.SessionEndInfo;
import dev.ablate4j.tensorboard.proto.SessionStartInfo;
import dev.ablate4j.tensorboard.proto.Status;
import dev.ablate4j.tensorboard.proto.Summary;
import dev.ablate4j.tensorboard.proto.SummaryMetadata;
import dev.ablate4j.tweak.Optimization;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The HParams plugin's data for a set of runs. Every run carries its spec, cell label, env, preset
 * and algorithm, the ten switches, and each config key whose value differs between runs of the same
 * spec (its factors and per-env overrides); seeds are left out, so the runs of one (spec, cell, env)
 * form one session group whose metrics the dashboard aggregates. The metrics are the final return,
 * the max return and the latest mean return.
 *
 * <p>Values keep their JSON type: booleans as bools, finite numbers as float64, anything else (a
 * list, {@code "inf"}) as its text; a key whose values mix types is text throughout.
 */
public final class HParams {

    public static final String PLUGIN = "hparams";
    public static final String EXPERIMENT_TAG = "_hparams_/experiment";
    public static final String SESSION_START_TAG = "_hparams_/session_start_info";
    public static final String SESSION_END_TAG = "_hparams_/session_end_info";

    private static final Map<String, String> BASE = baseKeys();
    private static final MathContext DIGITS = new MathContext(12);

    /** One run as the HParams data sees it. */
    public record Source(String spec, String cell, Map<String, Object> config) {
        Object raw(String key) {
            return switch (key) {
                case "spec" -> spec;
                case "cell" -> cell;
                default -> config.get(key);
            };
        }
    }

    private final Map<String, DataType> types;
    private final Map<String, String> descriptions;
    private final Map<String, List<Object>> domains;

    private HParams(Map<String, DataType> types, Map<String, String> descriptions, Map<String, List<Object>> domains) {
        this.types = types;
        this.descriptions = descriptions;
        this.domains = domains;
    }

    /** The hyperparameters of {@code sources}, keys in a fixed order: the base keys, then varied keys sorted. */
    public static HParams of(List<Source> sources) {
        Map<String, String> descriptions = new LinkedHashMap<>(BASE);
        for (String key : varied(sources)) {
            descriptions.putIfAbsent(key, "config key that varies in the spec");
        }
        Map<String, DataType> types = new LinkedHashMap<>();
        Map<String, List<Object>> domains = new LinkedHashMap<>();
        for (String key : descriptions.keySet()) {
            List<Object> present = sources.stream().map(s -> s.raw(key)).filter(v -> v != null).toList();
            if (present.isEmpty()) {
                continue;
            }
            DataType type = present.stream().allMatch(v -> v instanceof Boolean) ? DataType.DATA_TYPE_BOOL
                    : present.stream().allMatch(v -> v instanceof Number n && Double.isFinite(n.doubleValue()))
                            ? DataType.DATA_TYPE_FLOAT64 : DataType.DATA_TYPE_STRING;
            types.put(key, type);
            domains.put(key, present);
        }
        descriptions.keySet().retainAll(types.keySet());
        return new HParams(types, descriptions, domains);
    }

    /** Keys (other than the base keys) whose canonical value differs between runs of one spec. */
    private static Set<String> varied(List<Source> sources) {
        Map<String, List<Source>> bySpec = new TreeMap<>();
        for (Source s : sources) {
            bySpec.computeIfAbsent(s.spec() == null ? "" : s.spec(), k -> new ArrayList<>()).add(s);
        }
        Set<String> out = new TreeSet<>();
        for (List<Source> group : bySpec.values()) {
            Set<String> keys = new TreeSet<>();
            group.forEach(s -> keys.addAll(s.config().keySet()));
            for (String key : keys) {
                if (BASE.containsKey(key) || ConfigFile.NOT_CONFIG.contains(key)) {
                    continue;
                }
                Set<String> values = new HashSet<>();
                group.forEach(s -> values.add(canonical(s.config().get(key))));
                if (values.size() > 1) {
                    out.add(key);
                }
            }
        }
        return out;
    }

    /** The hyperparameter names, in dashboard order. */
    public List<String> keys() {
        return List.copyOf(types.keySet());
    }

    /** A run's values (keys it lacks are left out). */
    public Map<String, Value> values(Source source) {
        Map<String, Value> out = new LinkedHashMap<>();
        for (Map.Entry<String, DataType> e : types.entrySet()) {
            Object raw = source.raw(e.getKey());
            if (raw != null) {
                out.put(e.getKey(), value(raw, e.getValue()));
            }
        }
        return out;
    }

    /** The experiment: which hyperparameters (type, domain, whether they differ) and metrics exist. */
    public Summary experiment(double createdSeconds) {
        Experiment.Builder exp = Experiment.newBuilder()
                .setDescription("ablate4j: the switches and the hyperparameters that vary, per run")
                .setTimeCreatedSecs(createdSeconds);
        for (Map.Entry<String, DataType> e : types.entrySet()) {
            String key = e.getKey();
            HParamInfo.Builder info = HParamInfo.newBuilder().setName(key).setType(e.getValue())
                    .setDescription(descriptions.get(key));
            List<Object> present = domains.get(key);
            if (e.getValue() == DataType.DATA_TYPE_FLOAT64) {
                double min = present.stream().mapToDouble(v -> ((Number) v).doubleValue()).min().orElse(0);
                double max = present.stream().mapToDouble(v -> ((Number) v).doubleValue()).max().orElse(0);
                info.setDomainInterval(Interval.newBuilder().setMinValue(min).setMaxValue(max));
                info.setDiffers(min != max);
            } else {
                TreeMap<String, Value> distinct = new TreeMap<>();
                present.forEach(v -> distinct.put(canonical(v), value(v, e.getValue())));
                info.setDomainDiscrete(ListValue.newBuilder().addAllValues(distinct.values()));
                info.setDiffers(distinct.size() > 1);
            }
            exp.addHparamInfos(info);
        }
        exp.addMetricInfos(metric(Tags.FINAL_RETURN, "final return",
                "mean of the last 5 iterations' mean episode return (true reward)"));
        exp.addMetricInfos(metric(Tags.MAX_RETURN, "max return", "max over training of the iteration's mean return"));
        exp.addMetricInfos(metric(Tags.MEAN_RETURN, "latest mean return", "the latest iteration's mean return"));
        return summary(EXPERIMENT_TAG, HParamsPluginData.newBuilder().setExperiment(exp).build());
    }

    /** The session-start summary of one run: its values, its group (the run's name without the seed), its start. */
    public Summary sessionStart(Source source, String group, double startSeconds) {
        SessionStartInfo info = SessionStartInfo.newBuilder().putAllHparams(values(source)).setGroupName(group)
                .setStartTimeSecs(startSeconds).build();
        return summary(SESSION_START_TAG, HParamsPluginData.newBuilder().setSessionStartInfo(info).build());
    }

    /** The session-end summary: success for a finished run, failure for a diverged or failed one. */
    public static Summary sessionEnd(boolean success, double endSeconds) {
        SessionEndInfo info = SessionEndInfo.newBuilder()
                .setStatus(success ? Status.STATUS_SUCCESS : Status.STATUS_FAILURE).setEndTimeSecs(endSeconds).build();
        return summary(SESSION_END_TAG, HParamsPluginData.newBuilder().setSessionEndInfo(info).build());
    }

    private static MetricInfo metric(String tag, String name, String description) {
        return MetricInfo.newBuilder().setName(MetricName.newBuilder().setTag(tag)).setDisplayName(name)
                .setDescription(description).build();
    }

    /** A summary whose one value carries the plugin data (no tensor: TensorBoard adds its empty one on reading). */
    private static Summary summary(String tag, HParamsPluginData data) {
        SummaryMetadata metadata = SummaryMetadata.newBuilder().setPluginData(SummaryMetadata.PluginData.newBuilder()
                .setPluginName(PLUGIN).setContent(com.google.protobuf.ByteString.copyFrom(EventFile.bytes(data))))
                .build();
        return Summary.newBuilder().addValue(Summary.Value.newBuilder().setTag(tag).setMetadata(metadata)).build();
    }

    private static Value value(Object raw, DataType type) {
        return switch (type) {
            case DATA_TYPE_BOOL -> Value.newBuilder().setBoolValue((Boolean) raw).build();
            case DATA_TYPE_FLOAT64 -> Value.newBuilder().setNumberValue(((Number) raw).doubleValue()).build();
            default -> Value.newBuilder().setStringValue(canonical(raw)).build();
        };
    }

    /**
     * Canonical text of a JSON value, so 300000, 300000.0 and 3e5 read alike: numbers to 12 significant
     * digits with {@link BigDecimal} (the same on every JDK), infinities as {@code inf}, lists as {@code [a,b]}.
     */
    static String canonical(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d)) {
                return "nan";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? "inf" : "-inf";
            }
            return plain(new BigDecimal(d).round(DIGITS));
        }
        if (v instanceof Number n) {
            return plain(new BigDecimal(n.toString()));
        }
        if (v instanceof List<?> list) {
            return list.stream().map(HParams::canonical).collect(Collectors.joining(",", "[", "]"));
        }
        return v.toString();
    }

    private static String plain(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    private static Map<String, String> baseKeys() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("spec", "spec file the run belongs to");
        m.put("cell", "cell label in the spec");
        m.put("env", "environment");
        m.put("preset", "preset the config started from");
        m.put("algo", "algorithm");
        for (Optimization o : Optimization.values()) {
            m.put(o.key(), o.legend() + ": " + o.description());
        }
        return Collections.unmodifiableMap(m);
    }
}
