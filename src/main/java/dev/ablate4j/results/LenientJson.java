package dev.ablate4j.results;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** JSON objects of a run directory read as the integrity check reads them: absent is null, unreadable throws. */
final class LenientJson {

    /** Reads what runs write, including the non-finite numbers a config may hold ({@code clip-eps: Infinity}). */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private LenientJson() {}

    /** The object in {@code file}; null when there is no file or it holds another JSON value; UncheckedIOException when unreadable. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            Object value = JSON.readValue(file.toFile(), Object.class);
            return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
