package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** --help shows whole summaries and never splits a word across lines. */
class HelpTextTest {

    private static String help(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        assertEquals(0, cl.execute(args));
        return out.toString();
    }

    @Test
    void theCommandListShowsEachSummaryAsAWholeSentence() {
        String top = help("--help");
        String list = top.substring(top.indexOf("Commands:"));
        CommandLine cl = Main.commandLine();
        for (String name : cl.getSubcommands().keySet()) {
            String summary = HelpText.summary(cl.getSubcommands().get(name).getCommandSpec().usageMessage().description());
            String[] header = cl.getSubcommands().get(name).getCommandSpec().usageMessage().header();
            String expected = header.length > 0 ? header[0] : summary;
            assertTrue(expected.endsWith("."), name + ": " + expected);
            assertTrue(list.replaceAll("\\s+", " ").contains(name + " " + expected), name + " in\n" + list);
        }
        assertTrue(list.contains("episodes.csv, trust_region.csv and timing.csv into --out."), list);
    }

    /** "episodes." + "csv" or "3.0" + "E-4" across a line break. */
    private static final Pattern WORD_END = Pattern.compile(".*[A-Za-z0-9_]\\.$");
    private static final Pattern NUMBER_END = Pattern.compile(".*[0-9.]$");

    @Test
    void noHelpSplitsAWordAcrossLines() {
        for (String command : List.of("train", "matrix", "plan", "merge", "report", "compare", "bench", "envs")) {
            List<String> lines = help(command, "--help").lines().toList();
            for (int i = 0; i + 1 < lines.size(); i++) {
                String line = lines.get(i).stripTrailing();
                String next = lines.get(i + 1).strip();
                boolean split = WORD_END.matcher(line).matches() && !next.isEmpty()
                        && Character.isLowerCase(next.charAt(0))
                        || NUMBER_END.matcher(line).matches() && next.matches("^E-?[0-9].*");
                assertTrue(!split, command + " --help splits a word:\n" + line + "\n" + lines.get(i + 1));
            }
        }
    }

    @Test
    void completionPrintsABashScriptThatKnowsEverySubcommandAndConfigFlag() {
        String script = help("completion");
        assertTrue(script.contains("complete -F _complete_ablate4j") || script.contains("_complete_ablate4j ablate4j"),
                script.lines().limit(5).toList().toString());
        for (String word : List.of("train", "matrix", "report", "--value-clip", "--no-value-clip", "--policy-lr",
            "--force", "--config")) {
            assertTrue(script.contains(word), word);
        }
    }

    /**
     * One style of parameter labels: an option's value is a lower-case word in angle brackets
     * ({@code --out=<dir>}, {@code --workers=<n>}, {@code --n=<n>[,<n>...]}); a positional parameter
     * is an upper-case word ({@code SPEC}, {@code RESULTS...}).
     */
    @Test
    void everyParameterLabelHasTheOneStyle() {
        Pattern optionLabel = Pattern.compile("<[a-z0-9/|-]+>(\\[,<[a-z0-9-]+>\\.\\.\\.\\])?");
        Pattern positionalLabel = Pattern.compile("[A-Z][A-Z_]*");
        List<CommandLine> commands = new java.util.ArrayList<>(List.of(Main.commandLine()));
        int checked = 0;
        for (int i = 0; i < commands.size(); i++) {
            commands.addAll(commands.get(i).getSubcommands().values()); // and theirs: stats coverage
            CommandSpec spec = commands.get(i).getCommandSpec();
            for (OptionSpec o : spec.options()) {
                if (o.arity().max() > 0 && !o.usageHelp() && !o.versionHelp()) {
                    assertTrue(optionLabel.matcher(o.paramLabel()).matches(), spec.qualifiedName() + " " + o.longestName() + "="
                            + o.paramLabel());
                    checked++;
                }
            }
            for (PositionalParamSpec p : spec.positionalParameters()) {
                assertTrue(positionalLabel.matcher(p.paramLabel()).matches(), spec.qualifiedName() + " " + p.paramLabel());
            }
        }
        assertTrue(checked > 80, "options checked: " + checked);
    }

    /** --checkpoint-every, --tensorboard and --quiet are one mixin in both train and matrix, so they read alike. */
    @Test
    void trainAndMatrixShareTheirRunOptions() {
        CommandLine cl = Main.commandLine();
        List<String> shared = List.of("--checkpoint-every", "--tensorboard", "--quiet");
        for (String command : List.of("train", "matrix")) {
            CommandSpec spec = cl.getSubcommands().get(command).getCommandSpec();
            CommandSpec mixin = spec.mixins().values().stream()
                    .filter(m -> m.userObject() instanceof RunOptions).findFirst().orElseThrow();
            assertEquals(shared, mixin.options().stream().map(OptionSpec::longestName).toList(), command);
            for (String name : shared) {
                OptionSpec inTrain = cl.getSubcommands().get("train").getCommandSpec().findOption(name);
                OptionSpec here = spec.findOption(name);
                assertEquals(List.of(inTrain.description()), List.of(here.description()), command + " " + name);
                assertEquals(inTrain.paramLabel(), here.paramLabel(), command + " " + name);
            }
        }
        String train = help("train", "--help");
        String matrix = help("matrix", "--help");
        assertTrue(train.contains("--checkpoint-every=<n>") && matrix.contains("--checkpoint-every=<n>"), train);
        assertTrue(train.contains("--tensorboard=<dir>") && matrix.contains("--tensorboard=<dir>"), matrix);
    }

    @Test
    void wrapBreaksOnlyAtSpaces() {
        assertEquals(List.of("write metrics.csv,", "  episodes.csv now"), HelpText.wrap("write metrics.csv, episodes.csv now", 20, 2));
        assertEquals(List.of("  list    one", "    line"), HelpText.wrap("  list    one line", 13, 4));
    }
}
