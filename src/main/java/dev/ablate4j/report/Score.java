package dev.ablate4j.report;

import dev.ablate4j.results.Returns;
import dev.ablate4j.results.RunFiles;

/**
 * What a run's score is ({@code report --score}): the training curve's final return, or the mean
 * return of the evaluation episodes {@code ablate4j evaluate} ran with its saved policy
 * ({@code eval.csv}). Every table, chart and test of the report uses the chosen score, and the
 * report says which one in its overview.
 */
public enum Score {
    /** Mean of the last {@value Returns#FINAL_WINDOW} iterations' mean episode return (the default). */
    FINAL("final"),
    /** Mean return of the episodes in the run's {@code eval.csv}; runs without one are left out. */
    EVAL("eval");

    private final String word;

    Score(String word) {
        this.word = word;
    }

    /** The command-line spelling. */
    public String word() {
        return word;
    }

    /** The score named {@code word} (final, eval), or null. */
    public static Score byWord(String word) {
        for (Score s : values()) {
            if (s.word.equals(word)) {
                return s;
            }
        }
        return null;
    }

    /** What the score is, for the report's text. */
    public String description() {
        return this == FINAL
                ? "final return, the mean of the last " + Returns.FINAL_WINDOW + " iterations' mean episode return"
                : "evaluation return, the mean return of the episodes in the run's " + RunFiles.EVAL + " (written by "
                        + "'ablate4j evaluate' with the run's saved policy; runs without one are left out), in place "
                        + "of the final return wherever the report says final return";
    }
}
