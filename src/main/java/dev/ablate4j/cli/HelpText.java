package dev.ablate4j.cli;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Layout;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Wraps command descriptions at spaces, never inside a word. Picocli wraps long lines with the JDK's
 * line BreakIterator, which splits {@code episodes.csv} after the dot and {@code 3.0E-4} after
 * {@code 3.0}; and it lists a subcommand by the first line of its description, which cut hard-wrapped
 * summaries mid-sentence. Here a description's lines are joined into paragraphs (a blank line ends
 * a paragraph, an indented line stands on its own), each paragraph is wrapped to the help width
 * before picocli sees it, and the command list shows each subcommand's whole first sentence.
 */
final class HelpText {

    private static final int COMMAND_COLUMN = 11;

    private HelpText() {}

    /** Rewraps the descriptions of {@code cl} and its subcommands and installs the command list. */
    static void apply(CommandLine cl) {
        cl.setHelpFactory(WrappingHelp::new);
        CommandSpec spec = cl.getCommandSpec();
        UsageMessageSpec usage = spec.usageMessage();
        int width = usage.width() - 1;
        List<String> lines = new ArrayList<>();
        for (String paragraph : paragraphs(usage.description())) {
            int lead = indent(paragraph);
            lines.addAll(paragraph.isEmpty() ? List.of("") : wrap(paragraph, width, lead == 0 ? 0 : lead + 2));
        }
        usage.description(lines.toArray(String[]::new));
        if (!cl.getSubcommands().isEmpty()) {
            Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>(usage.sectionMap());
            sections.put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpText::commandList);
            usage.sectionMap(sections);
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getParent() == cl) {
                apply(sub);
            }
        }
    }

    /** Description lines joined into paragraphs; "" separates them, an indented line is one of its own. */
    static List<String> paragraphs(String[] description) {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        for (String d : description) {
            for (String line : d.split("\\R", -1)) {
                if (line.isBlank() || indent(line) > 0) {
                    if (current != null) {
                        out.add(current.toString());
                        current = null;
                    }
                    out.add(line.isBlank() ? "" : line.stripTrailing());
                } else if (current == null) {
                    current = new StringBuilder(line.strip());
                } else {
                    current.append(' ').append(line.strip());
                }
            }
        }
        if (current != null) {
            out.add(current.toString());
        }
        return out;
    }

    /** The first sentence of a command's description (its summary in the parent's command list). */
    static String summary(String[] description) {
        List<String> paragraphs = paragraphs(description);
        String first = paragraphs.isEmpty() ? "" : paragraphs.get(0);
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(first);
        int end = sentences.next();
        String sentence = (end == BreakIterator.DONE ? first : first.substring(0, end)).strip();
        return sentence.endsWith(":") ? sentence.substring(0, sentence.length() - 1) + "." : sentence;
    }

    /**
     * {@code text} wrapped at single spaces to {@code width} (runs of spaces inside a line are kept);
     * continuation lines are indented by {@code hanging}. A word longer than the width stands alone.
     */
    static List<String> wrap(String text, int width, int hanging) {
        List<String> lines = new ArrayList<>();
        String rest = text.stripTrailing();
        String prefix = "";
        while (prefix.length() + rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width - prefix.length());
            while (cut > 0 && rest.charAt(cut - 1) == ' ') {
                cut--;
            }
            if (cut <= indent(rest)) {
                cut = rest.indexOf(' ', width - prefix.length());
                if (cut < 0) {
                    break;
                }
            }
            lines.add(prefix + rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
            prefix = " ".repeat(hanging);
        }
        lines.add(prefix + rest);
        return lines;
    }

    private static int indent(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i == s.length() ? 0 : i;
    }

    /** Help whose option and parameter descriptions are wrapped at spaces before picocli lays them out. */
    private static final class WrappingHelp extends Help {
        WrappingHelp(CommandSpec spec, Help.ColorScheme scheme) {
            super(spec, scheme);
        }

        @Override
        public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals,
                Help.ColorScheme scheme) {
            Layout base = super.createDefaultLayout(options, positionals, scheme);
            return new WrappingLayout(scheme, base.textTable(), base.optionRenderer(), base.parameterRenderer());
        }
    }

    /** Splits the last column (the description) of every row into pieces that fit, at spaces. */
    private static final class WrappingLayout extends Layout {
        WrappingLayout(Help.ColorScheme scheme, Help.TextTable table, Help.IOptionRenderer options,
                Help.IParameterRenderer parameters) {
            super(scheme, table, options, parameters);
        }

        @Override
        public void layout(ArgSpec arg, Text[][] cellValues) {
            Help.Column[] columns = table.columns();
            int last = columns.length - 1;
            int width = columns[last].width - columns[last].indent - 3;
            List<Text[]> rows = new ArrayList<>();
            for (Text[] row : cellValues) {
                if (row.length != columns.length || row[last] == null || row[last].plainString().length() <= width) {
                    rows.add(row);
                    continue;
                }
                List<String> pieces = wrap(row[last].plainString(), width, 2);
                Text[] first = row.clone();
                first[last] = colorScheme.text(pieces.get(0));
                rows.add(first);
                for (String piece : pieces.subList(1, pieces.size())) {
                    Text[] more = new Text[columns.length];
                    for (int i = 0; i < last; i++) {
                        more[i] = colorScheme.text("");
                    }
                    more[last] = colorScheme.text(piece);
                    rows.add(more);
                }
            }
            super.layout(arg, rows.toArray(Text[][]::new));
        }
    }

    private static String commandList(Help help) {
        CommandLine cl = help.commandSpec().commandLine();
        int width = help.commandSpec().usageMessage().width();
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            if (sub.usageMessage().hidden() || java.util.Arrays.asList(sub.aliases()).contains(e.getKey())) {
                continue;
            }
            String name = "  " + e.getKey();
            String[] header = sub.usageMessage().header();
            String summary = header.length > 0 ? header[0] : summary(sub.usageMessage().description());
            List<String> text = wrap(summary, width - COMMAND_COLUMN, 0);
            for (int i = 0; i < text.size(); i++) {
                String head = i == 0 ? name : "";
                if (i == 0 && name.length() >= COMMAND_COLUMN) {
                    sb.append(name).append(System.lineSeparator());
                    head = "";
                }
                sb.append(String.format("%-" + COMMAND_COLUMN + "s%s", head, text.get(i))).append(System.lineSeparator());
            }
        }
        return sb.toString();
    }
}
