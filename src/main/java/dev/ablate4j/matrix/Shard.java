package dev.ablate4j.matrix;

/**
 * Shard {@code k} of {@code n} (1-based, written {@code k/n}) of a plan. {@link Plan#shard} gives
 * the deterministic partition.
 */
public record Shard(int k, int n) {

    /** The whole plan. */
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (n < 1 || k < 1 || k > n) {
            throw new SpecException("--shard: '" + k + "/" + n + "' is not K/N with 1 <= K <= N");
        }
    }

    /** Parses {@code K/N}. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/", -1);
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new SpecException("--shard: '" + text + "' is not K/N (shard K of N, 1 <= K <= N, e.g. 2/8)");
    }

    @Override
    public String toString() {
        return k + "/" + n;
    }
}
