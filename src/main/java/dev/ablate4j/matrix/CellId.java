package dev.ablate4j.matrix;

import dev.ablate4j.config.Key;
import dev.ablate4j.config.Keys;
import dev.ablate4j.config.TrainConfig;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A cell's id: the first 12 hex digits of the SHA-256 of its canonical text. The canonical text is
 * the resolved config (preset first, then every key in {@link Keys#all()} order) without
 * {@code env} and {@code seed}, one {@code key=value} line each, doubles written with 17
 * significant digits through {@link BigDecimal} (exact and identical on every JDK, and different for
 * different doubles). The id therefore depends only on the values, never on the order of keys in
 * a spec file, and any change of a value gives a new id. A key added after this format (one with a
 * {@link Key#legacyValue()}) is left out while it holds that value, so the cells of runs made before
 * the key existed keep their ids.
 */
public final class CellId {

    /** Length of an id in hex digits. */
    public static final int LENGTH = 12;
    private static final String VERSION = "ablate4j-cell-v1";
    private static final MathContext DIGITS = new MathContext(17);

    private CellId() {}

    /** The id of {@code config} (its env and seed are ignored). */
    public static String of(TrainConfig config) {
        return of(config, null);
    }

    /**
     * The id of a cell whose MuJoCo tasks run on MuJoCo {@code mujoco} (null: the cell has none). A
     * version other than the legacy 2.2.2 adds the line {@code mujoco=<version>}, so cells on
     * different MuJoCo versions never share an id, while ids of 2.2.2 cells are those from before.
     */
    public static String of(TrainConfig config, String mujoco) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] digest = md.digest(canonical(config, mujoco).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text that is hashed for a cell on MuJoCo {@code mujoco} (see {@link #of(TrainConfig, String)}). */
    public static String canonical(TrainConfig config, String mujoco) {
        String text = canonical(config);
        String line = Keys.MUJOCO.name() + "=" + mujoco + "\n";
        if (mujoco == null || Keys.MUJOCO.isLegacyValue(mujoco) || text.contains("\n" + line)) {
            return text;
        }
        return text + line;
    }

    /** The text that is hashed. */
    public static String canonical(TrainConfig config) {
        StringBuilder sb = new StringBuilder(VERSION).append('\n');
        for (Map.Entry<String, Object> e : config.toJson().entrySet()) {
            String key = e.getKey();
            if (key.equals(Keys.ENV.name()) || key.equals(Keys.SEED.name())) {
                continue;
            }
            Key<?> k = Keys.byName(key);
            if (k != null && k.isLegacyValue(config.values().get(key))) {
                continue;
            }
            sb.append(key).append('=').append(text(e.getValue())).append('\n');
        }
        return sb.toString();
    }

    private static String text(Object v) {
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return "NaN";
            }
            if (d.isInfinite()) {
                return d > 0 ? "inf" : "-inf";
            }
            if (d == 0) {
                return "0";
            }
            return new BigDecimal(d).round(DIGITS).stripTrailingZeros().toString();
        }
        if (v instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                sb.append(i > 0 ? "," : "").append(text(list.get(i)));
            }
            return sb.append(']').toString();
        }
        return String.valueOf(v);
    }
}
