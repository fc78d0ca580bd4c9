package dev.ablate4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One execution of a picocli command in a test: its exit code and what it wrote to its out and
 * err writers.
 */
public record CommandRun(int code, String out, String err) {

    /** Executes {@code command} (a picocli command object) with {@code args}. */
    public static CommandRun of(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(command);
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }
}
