package dev.ablate4j.cli;

import dev.ablate4j.results.Provenance;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine;

/** The {@code ablate4j} command line. */
@Command(name = "ablate4j", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Ablation harness for the code-level optimizations of PPO and TRPO.",
        subcommands = {TrainCommand.class, MatrixCommand.class, PlanCommand.class, MergeCommand.class,
            ReportCommand.class, CompareCommand.class, BenchCommand.class, EnvsCommand.class,
            TensorboardCommand.class, StatsCommand.class, EvaluateCommand.class, ExportOnnxCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line and returns its exit code (see {@link ExitCodes}). Numbers are formatted
     * the same under every user locale: the JVM's default locale is set to {@link Locale#ROOT} first,
     * so a report, a verdict table or a progress line written on a machine set to German (decimal
     * comma) has the same bytes as anywhere else.
     */
    public static int run(String... args) {
        Locale.setDefault(Locale.ROOT);
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler(Main::badParameter);
        cl.setExecutionExceptionHandler(new Errors());
        // a flag given twice takes its last value (as argparse, tyro and Hydra do)
        cl.setOverwrittenOptionsAllowed(true);
        HelpText.apply(cl);
        return cl;
    }

    private static int badParameter(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("error: " + e.getMessage() + UnknownFlags.suggestion(e) + " (see '"
                + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    /** The version printed by {@code --version}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String commit = Provenance.commit();
            String dirty = Boolean.TRUE.equals(Provenance.dirty()) ? ", with uncommitted changes" : "";
            return new String[] {"ablate4j " + Provenance.version() + (commit == null ? "" : " (" + commit + dirty + ")")};
        }
    }
}
