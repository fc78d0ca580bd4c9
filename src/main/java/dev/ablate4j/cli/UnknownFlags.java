package dev.ablate4j.cli;

import dev.ablate4j.config.Suggest;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The nearest known flag to an unknown one, for the one-line error of a mistyped option. */
final class UnknownFlags {

    private UnknownFlags() {}

    /**
     * {@code " (did you mean '--policy-lr'?)"} for the first unknown {@code --flag} of {@code e} when a known
     * flag of the command (negated forms included) lies within a small edit distance; else "".
     */
    static String suggestion(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched)) {
            return "";
        }
        List<String> known = new ArrayList<>();
        for (OptionSpec o : e.getCommandLine().getCommandSpec().options()) {
            for (String name : o.names()) {
                known.add(name);
                if (o.negatable() && name.startsWith("--")) {
                    known.add("--no-" + name.substring(2));
                }
            }
        }
        for (String arg : unmatched.getUnmatched()) {
            if (arg.startsWith("--") && arg.length() > 2) {
                String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                return Suggest.nearest(flag, known);
            }
        }
        return "";
    }
}
