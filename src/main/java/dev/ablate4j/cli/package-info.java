/**
 * The picocli command line: {@code train}, {@code envs} and the other commands. Exit codes are
 * in {@link dev.ablate4j.cli.ExitCodes}: 2 for bad input (one line naming the flag, key or file and
 * what is allowed, nothing written), 3 for a diverged run, 4 for {@code plan --next-round} waiting on
 * failed runs, 1 for unexpected failures.
 */
package dev.ablate4j.cli;
