package dev.ablate4j.cli;

import dev.ablate4j.config.Key;
import dev.ablate4j.config.Keys;
import dev.ablate4j.config.Preset;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Adds one option per configuration key ({@link Keys#all()}) to a command, grouped by section, so
 * the CLI cannot drift from the config: {@code --value-clip}/{@code --no-value-clip} for each
 * optimization, {@code --policy-lr} and so on for the rest. Options carry no picocli default; only
 * options given on the command line override the preset, and {@link #overrides} collects them.
 */
public final class ConfigOptions implements IModelTransformer {

    @Override
    public CommandSpec transform(CommandSpec spec) {
        Map<String, ArgGroupSpec.Builder> groups = new LinkedHashMap<>();
        for (Key<?> key : Keys.all()) {
            ArgGroupSpec.Builder group = groups.computeIfAbsent(key.group(),
                    g -> ArgGroupSpec.builder().heading("%n" + g + ":%n").exclusive(false).multiplicity("0..1"));
            group.addArg(option(key));
        }
        for (ArgGroupSpec.Builder group : groups.values()) {
            spec.addArgGroup(group.build());
        }
        return spec;
    }

    private static OptionSpec option(Key<?> key) {
        OptionSpec.Builder b = OptionSpec.builder("--" + key.name());
        if (key.type() == Key.Type.BOOLEAN) {
            b.negatable(true).type(Boolean.class).arity("0")
                    .description(key.description() + " " + presetDefaults(key));
        } else {
            b.type(String.class).paramLabel("<" + key.name() + ">")
                    .description(key.description() + " " + presetDefaults(key));
        }
        return b.build();
    }

    /** "(default 3.0E-4)" or, where presets differ, "(ppo: on, ppo-m: off, ...)". */
    private static String presetDefaults(Key<?> key) {
        Map<String, String> byPreset = new LinkedHashMap<>();
        for (Preset p : Preset.values()) {
            byPreset.put(p.id(), show(p.settings().get(key.name())));
        }
        if (byPreset.values().stream().distinct().count() == 1) {
            return "(default " + byPreset.values().iterator().next() + ")";
        }
        StringBuilder sb = new StringBuilder("(");
        byPreset.forEach((p, v) -> sb.append(sb.length() > 1 ? ", " : "").append(p).append(": ").append(v));
        return sb.append(")").toString();
    }

    private static String show(Object v) {
        if (v instanceof Boolean b) {
            return b ? "on" : "off";
        }
        if (v instanceof Double) {
            return String.valueOf(dev.ablate4j.config.TrainConfig.jsonValue(v));
        }
        return String.valueOf(v).replace("[", "").replace("]", "").replace(" ", "");
    }

    /** The config keys given on the command line, with their raw values. */
    public static Map<String, Object> overrides(CommandSpec spec) {
        ParseResult parsed = spec.commandLine().getParseResult();
        Map<String, Object> overrides = new LinkedHashMap<>();
        for (OptionSpec option : spec.options()) {
            Key<?> key = Keys.byName(option.longestName().substring(2));
            if (key != null && parsed.hasMatchedOption(option)) {
                overrides.put(key.name(), option.getValue());
            }
        }
        return overrides;
    }
}
