package dev.ablate4j.cli;

import dev.ablate4j.config.Key;
import dev.ablate4j.config.Keys;
import dev.ablate4j.config.Preset;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParseResult;

/**
 * Adds one option per configuration key ({@link Keys#all()}) to a command, listed in {@code --help}
 * under one heading per section, so the CLI cannot drift from the config: {@code --value-clip}/
 * {@code --no-value-clip} for each optimization, {@code --policy-lr} and so on for the rest. Options
 * carry no picocli default; only options given on the command line override the preset, and
 * {@link #overrides} collects them. The options are plain options, not picocli argument groups, so
 * a flag given twice ({@code --steps 1000 --steps 2000}, {@code --value-clip --no-value-clip}) takes
 * its last value, as argparse does (with {@link Main}'s overwritten-options setting).
 */
public final class ConfigOptions implements IModelTransformer {

    @Override
    public CommandSpec transform(CommandSpec spec) {
        for (Key<?> key : Keys.all()) {
            spec.addOption(option(key));
        }
        CleanRlAliases.MULTI.forEach((alias, keys) -> spec.addOption(multiAlias(alias, keys)));
        spec.usageMessage().abbreviateSynopsis(true);
        Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>(spec.usageMessage().sectionMap());
        sections.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, ConfigOptions::optionList);
        spec.usageMessage().sectionMap(sections);
        return spec;
    }

    /** The command's own options first, then the config keys under a heading per section. */
    private static String optionList(Help help) {
        List<OptionSpec> own = new ArrayList<>();
        Map<String, List<OptionSpec>> groups = new LinkedHashMap<>();
        for (OptionSpec option : help.commandSpec().options()) {
            Key<?> key = keyOf(option);
            if (key == null && CleanRlAliases.MULTI.containsKey(option.longestName())) {
                key = CleanRlAliases.MULTI.get(option.longestName()).get(0);
            }
            if (key == null) {
                own.add(option);
            } else {
                groups.computeIfAbsent(key.group(), g -> new ArrayList<>()).add(option);
            }
        }
        StringBuilder sb = new StringBuilder(help.optionListExcludingGroups(own));
        groups.forEach((group, options) -> sb.append(System.lineSeparator()).append(group).append(':')
                .append(System.lineSeparator()).append(help.optionListExcludingGroups(options)));
        return sb.toString();
    }

    private static OptionSpec option(Key<?> key) {
        String alias = CleanRlAliases.aliasOf(key);
        OptionSpec.Builder b = alias == null ? OptionSpec.builder("--" + key.name())
                : OptionSpec.builder("--" + key.name(), alias);
        String description = key.description() + " " + presetDefaults(key) + CleanRlAliases.note(key);
        if (key.type() == Key.Type.BOOLEAN) {
            b.negatable(true).type(Boolean.class).arity("0").description(description);
        } else {
            b.type(String.class).paramLabel("<" + key.name() + ">").description(description);
        }
        return b.build();
    }

    /** A CleanRL flag that sets several keys to one value ({@code --learning-rate}, {@code --clip-coef}). */
    private static OptionSpec multiAlias(String alias, List<Key<?>> keys) {
        StringBuilder names = new StringBuilder();
        for (Key<?> k : keys) {
            names.append(names.length() > 0 ? " and --" : "--").append(k.name());
        }
        return OptionSpec.builder(alias).type(String.class).paramLabel("<value>")
                .description("Alias (CleanRL): sets " + names + " to one value; a key given by its own flag wins")
                .build();
    }

    /** The key an option stands for (by its own name or its CleanRL alias), or null. */
    static Key<?> keyOf(OptionSpec option) {
        for (String name : option.names()) {
            Key<?> key = Keys.byName(name.substring(2));
            if (key != null && name.equals("--" + key.name())) {
                return key;
            }
        }
        return null;
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
        if (v instanceof Double d) {
            if (d.isInfinite() || d.isNaN()) {
                return String.valueOf(dev.ablate4j.config.TrainConfig.jsonValue(d));
            }
            // plain decimals: picocli may wrap "3.0E-4" between "3.0" and "E-4"
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v).replace("[", "").replace("]", "").replace(" ", "");
    }

    /** The config keys given on the command line, with their raw values. */
    public static Map<String, Object> overrides(CommandSpec spec) {
        ParseResult parsed = spec.commandLine().getParseResult();
        Map<String, Object> overrides = new LinkedHashMap<>();
        for (OptionSpec option : spec.options()) {
            Key<?> key = keyOf(option);
            if (key != null && parsed.hasMatchedOption(option)) {
                overrides.put(key.name(), option.getValue());
            }
        }
        for (Map.Entry<String, List<Key<?>>> alias : CleanRlAliases.MULTI.entrySet()) {
            OptionSpec option = spec.findOption(alias.getKey());
            if (option != null && parsed.hasMatchedOption(option)) {
                for (Key<?> k : alias.getValue()) {
                    overrides.putIfAbsent(k.name(), option.getValue());
                }
            }
        }
        return overrides;
    }
}
