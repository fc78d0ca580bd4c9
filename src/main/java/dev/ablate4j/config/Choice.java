package dev.ablate4j.config;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A value of an enum-valued key ({@link Key.Type#ENUM}): one of a fixed set of words. The enum
 * constant is what code switches on; {@link #word()} is its wire form, the exact word that
 * {@code config.json}, spec files, CLI flags, cell ids and {@code plan} read and write. An enum
 * implementing this returns its word from {@code toString()} as well, so any text made from a
 * config value reads as it did when these keys held strings.
 */
public interface Choice {

    /** The value as it is written: in files, on the command line and in cell ids. */
    @JsonValue
    String word();
}
