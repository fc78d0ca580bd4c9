package dev.ablate4j.results;

/** The verdict of {@link RunIntegrity} on a run directory: whole, or broken for a reason. */
public sealed interface Integrity permits Integrity.Whole, Integrity.Broken {

    /** The run's files agree with each other. */
    record Whole() implements Integrity {}

    /**
     * The run's files do not agree.
     *
     * @param reason one line naming the file and what is wrong ("metrics.csv has 2 rows, but ...")
     */
    record Broken(String reason) implements Integrity {}

    Integrity WHOLE = new Whole();

    static Integrity broken(String reason) {
        return new Broken(reason);
    }

    /** Whether the run is whole. */
    default boolean ok() {
        return this instanceof Whole;
    }

    /** The reason it is broken, or null when whole. */
    default String reason() {
        return this instanceof Broken b ? b.reason() : null;
    }
}
