package dev.ablate4j.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/** Whole-file writes that readers never see half done: write a temporary sibling, then rename it over. */
public final class AtomicFiles {

    /** The JSON mapper for results files: indented, keys in insertion order. */
    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AtomicFiles() {}

    public static void writeBytes(Path file, byte[] content) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeString(Path file, String content) {
        writeBytes(file, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeJson(Path file, Map<String, ?> content) {
        try {
            writeBytes(file, JSON.writeValueAsBytes(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> readJson(Path file) {
        try {
            return JSON.readValue(file.toFile(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
