package dev.ablate4j.cli;

import picocli.CommandLine.Command;

/** {@code stats}: studies of the statistics themselves (no runs needed). */
@Command(name = "stats", mixinStandardHelpOptions = true, subcommands = {CoverageCommand.class},
        description = "Studies of ablate4j's statistics on simulated and committed data: 'stats coverage'.")
public final class StatsCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
