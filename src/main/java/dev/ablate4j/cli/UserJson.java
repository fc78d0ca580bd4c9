package dev.ablate4j.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A JSON object file a user hands to a command ({@code train --config}, {@code train --paper-config}),
 * read as strictly as spec files are: UTF-8 text only (a byte-order mark is allowed), a key given
 * twice is refused (JSON parsers disagree on which copy wins, so ablate4j picks none), and nothing
 * may follow the object. Every problem is one {@link BadInputException} line that starts with
 * {@code where} (the flag and the file).
 */
final class UserJson {

    /** Larger than any config file ablate4j reads (a config.json is about 1.5 kB). */
    static final long MAX_BYTES = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private UserJson() {}

    /** The file's JSON object, keys in file order. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> readObject(Path file, String where, String what) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(where + "no such file");
        }
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new BadInputException(where + "larger than " + MAX_BYTES + " bytes; not " + what);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException(where + "cannot read (" + RunDirectory.reason(e) + ")");
        }
        String text = utf8(bytes, where);
        Object json;
        try {
            json = JSON.readValue(text, Object.class);
        } catch (JacksonException e) {
            String at = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                    : "line " + e.getLocation().getLineNr() + ": ";
            String problem = e.getOriginalMessage().lines().findFirst().orElse("");
            if (problem.startsWith("Duplicate field '")) {
                String key = problem.substring("Duplicate field '".length(), problem.lastIndexOf('\''));
                throw new BadInputException(where + at + "the key '" + key + "' is given twice; give each key once");
            }
            if (problem.startsWith("Trailing token")) {
                throw new BadInputException(where + at + "more follows the JSON object; " + what
                        + " is one JSON object");
            }
            throw new BadInputException(where + at + "not JSON (" + problem + ")");
        }
        if (json == null) {
            throw new BadInputException(where + "holds JSON null; " + what + " is a JSON object of keys");
        }
        if (!(json instanceof Map)) {
            throw new BadInputException(where + what + " is a JSON object of keys, not "
                    + (json instanceof java.util.List ? "a list" : "a single value"));
        }
        return (Map<String, Object>) json;
    }

    /** {@code bytes} as UTF-8 text (without a leading byte-order mark). */
    static String utf8(byte[] bytes, String where) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new BadInputException(where + "not UTF-8 text (a byte at offset " + in.position()
                    + " is not UTF-8; save the file as UTF-8)");
        }
    }
}
