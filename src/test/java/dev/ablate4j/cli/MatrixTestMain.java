package dev.ablate4j.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The matrix, plan and merge commands with {@link Main}'s error handling, for tests (in-process and
 * as the main class of child JVMs). Once Main lists these commands, {@link Main#commandLine()} does
 * the same.
 */
public final class MatrixTestMain {

    @CommandLine.Command(name = "ablate4j", subcommands = {MatrixCommand.class, PlanCommand.class,
        MergeCommand.class})
    static final class Root {}

    private MatrixTestMain() {}

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Root());
        cl.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler(new Errors());
        return cl;
    }
}
