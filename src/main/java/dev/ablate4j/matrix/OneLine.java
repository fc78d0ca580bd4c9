package dev.ablate4j.matrix;

/** An error as the matrix records it (summary, {@code failure.json}): one line, its type first. */
final class OneLine {

    private OneLine() {}

    /** {@code "Type: message"}, line breaks and the blanks around them folded into one space. */
    static String of(Throwable t) {
        String s = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return s.replaceAll("\\s*\\R\\s*", " ");
    }
}
