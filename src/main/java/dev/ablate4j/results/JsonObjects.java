package dev.ablate4j.results;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the JSON objects of a run directory ({@code config.json}, {@code cell.json},
 * {@code provenance.json}) for the report and the TensorBoard export. NaN and Infinity are accepted,
 * as configs hold them (e.g. {@code "clip-eps": Infinity} for ppo-noclip).
 */
public final class JsonObjects {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private JsonObjects() {}

    /**
     * The object in {@code file}, keys sorted. A file that does not parse, or holds something other
     * than an object, is a CorruptFileException naming it as {@code shown} (with the line).
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path file, String shown) throws CorruptFileException, IOException {
        try {
            Object v = JSON.readValue(file.toFile(), Object.class);
            if (!(v instanceof Map)) {
                throw new CorruptFileException(shown + ": expected a JSON object");
            }
            return new TreeMap<>((Map<String, Object>) v);
        } catch (JacksonException e) {
            throw new CorruptFileException(shown + " line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ": " + e.getOriginalMessage());
        }
    }
}
