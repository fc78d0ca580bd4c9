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
            Key<?> key = Keys.byName(option.longestName().substring(2));
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
            Key<?> key = Keys.byName(option.longestName().substring(2));
            if (key != null && parsed.hasMatchedOption(option)) {
                overrides.put(key.name(), option.getValue());
            }
        }
        return overrides;
    }
}
