package dev.ablate4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

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

    @Test
    void wrapBreaksOnlyAtSpaces() {
        assertEquals(List.of("write metrics.csv,", "  episodes.csv now"), HelpText.wrap("write metrics.csv, episodes.csv now", 20, 2));
        assertEquals(List.of("  list    one", "    line"), HelpText.wrap("  list    one line", 13, 4));
    }
}
