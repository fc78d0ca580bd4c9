package dev.ablate4j.cli;

import dev.ablate4j.config.ConfigException;
import dev.ablate4j.env.UnknownEnvException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions from commands into one line on stderr and an exit code: bad input (a
 * {@link ConfigException}, an unknown environment, a {@link BadInputException}) exits 2, anything
 * else is a failure (exit 1) reported with its type so a bug is recognisable.
 */
final class Errors implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
        if (e instanceof ConfigException || e instanceof UnknownEnvException || e instanceof BadInputException) {
            cl.getErr().println("error: " + e.getMessage());
            cl.getErr().flush();
            return ExitCodes.BAD_INPUT;
        }
        cl.getErr().println("failed: " + e);
        if (System.getenv("ABLATE4J_DEBUG") != null) {
            e.printStackTrace(cl.getErr());
        }
        cl.getErr().flush();
        return ExitCodes.FAILED;
    }
}
