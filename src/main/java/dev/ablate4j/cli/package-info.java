/**
 * The picocli command line: {@code train}, {@code envs} and the other commands. Exit codes are
 * in {@link dev.ablate4j.cli.ExitCodes}: 2 for bad input (one line naming the flag, key or file and
 * what is allowed, nothing written), 3 for a diverged run, 4 for {@code plan --next-round} waiting on
 * failed runs, 1 for unexpected failures.
 *
 * <p>Options that two commands share are declared once, as a picocli mixin ({@code train} and
 * {@code matrix}: {@code RunOptions}), so they are spelled, described and checked alike. Parameter
 * labels have one style: an option's value is a lower-case word in angle brackets naming what it is
 * ({@code --out=<dir>}, {@code --workers=<n>}, {@code --seed=<seed>}; a config key's option is labelled
 * with the key, {@code --policy-lr=<policy-lr>}), a positional parameter an upper-case word
 * ({@code SPEC}, {@code RESULTS...}).
 */
package dev.ablate4j.cli;
