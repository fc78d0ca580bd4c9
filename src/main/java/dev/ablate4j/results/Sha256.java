package dev.ablate4j.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests of bytes and files, for content identities (spec copies, policies, jar copies, PDF ids). */
public final class Sha256 {

    private Sha256() {}

    /** The 32-byte digest of {@code content}. */
    public static byte[] of(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }

    /** The digest of {@code content} as 64 lower-case hex digits. */
    public static String hex(byte[] content) {
        return HexFormat.of().formatHex(of(content));
    }

    /** The digest of a file's bytes as 64 lower-case hex digits. */
    public static String hexOfFile(Path file) {
        try {
            return hex(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
