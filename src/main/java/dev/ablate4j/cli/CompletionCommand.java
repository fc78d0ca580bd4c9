package dev.ablate4j.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * {@code completion}: picocli's bash/zsh completion script for every command and option, with the
 * {@code --no-} forms of negatable flags added (picocli lists only the positive form).
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a bash/zsh completion script for every command and flag.",
            "Use it with: source <(java -jar target/ablate4j.jar completion), with ablate4j on the PATH as a"
                + " script or alias, or save it to /etc/bash_completion.d/ablate4j."})
public final class CompletionCommand implements Callable<Integer> {

    private static final Pattern FLAG_LINE = Pattern.compile("(?m)^(\\s*local flag_opts=\")(.*)(\")$");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        String script = AutoComplete.bash(spec.root().name(), root);
        PrintWriter out = spec.commandLine().getOut();
        out.print(withNegatedForms(script, root));
        out.flush();
        return ExitCodes.OK;
    }

    /** Adds '--no-x' after '--x' in the flag lists, for every negatable option of any command. */
    static String withNegatedForms(String script, CommandLine root) {
        java.util.Set<String> negatable = new java.util.TreeSet<>();
        collect(root, negatable);
        Matcher m = FLAG_LINE.matcher(script);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String flags = m.group(2);
            for (String name : negatable) {
                flags = flags.replace("'" + name + "'", "'" + name + "' '--no-" + name.substring(2) + "'");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + flags + m.group(3)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static void collect(CommandLine cl, java.util.Set<String> names) {
        for (OptionSpec o : cl.getCommandSpec().options()) {
            if (o.negatable()) {
                names.addAll(java.util.Arrays.asList(o.names()));
            }
        }
        cl.getSubcommands().values().forEach(sub -> collect(sub, names));
    }
}
