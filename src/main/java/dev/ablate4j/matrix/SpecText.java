package dev.ablate4j.matrix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.DumperOptions;

/**
 * The parts of reading a spec that Jackson's YAML tree does not do: decoding the bytes as strict
 * UTF-8 (a bad byte is named by its offset), and YAML aliases ({@code &v [true, false]} then
 * {@code *v}), which Jackson reads as the alias's name. A spec with aliases is composed by
 * SnakeYAML with its alias limit (so a "billion laughs" document stays refused) and converted to
 * the same tree, scalars typed exactly as Jackson types them; the expanded tree is limited too.
 */
final class SpecText {

    /** Most aliases a spec may use (SnakeYAML's default). */
    static final int MAX_ALIASES = 50;
    /** Most nodes a spec may have after its aliases are expanded. */
    static final int MAX_NODES = 100_000;

    private static final YAMLMapper SCALARS = new YAMLMapper();

    private SpecText() {}

    /** {@code bytes} as UTF-8, or a {@link SpecException} naming the offset of the first byte that is not. */
    static String utf8(byte[] bytes, String where) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            throw new SpecException(where + ": not UTF-8 at byte " + in.position()
                    + " (save the spec as UTF-8)");
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** YAML's special floats (1.1 and 1.2 core schema): {@code .inf}, {@code -.inf}, {@code +.inf}, {@code .nan}. */
    private static final java.util.regex.Pattern SPECIAL_FLOAT = java.util.regex.Pattern.compile(
            "[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
    private static final java.util.regex.Pattern SPECIAL_FLOAT_IN_TEXT = java.util.regex.Pattern.compile(
            "(?<![\\w.])(?:" + SPECIAL_FLOAT.pattern() + ")(?![\\w.])");

    /**
     * Whether the text may hold one of YAML's special floats, which Jackson's YAML parser refuses as
     * malformed numbers; such a spec is composed by SnakeYAML ({@link #resolveAliases}), which types
     * plain {@code .inf}, {@code -.inf} and {@code .nan} as the doubles they are, so each key then
     * accepts or refuses the value with its own message ({@code clip-eps: .inf} = no ratio clipping).
     */
    static boolean hasSpecialFloats(String yaml) {
        return SPECIAL_FLOAT_IN_TEXT.matcher(yaml).find();
    }

    static boolean hasAliases(String yaml) {
        if (yaml.indexOf('*') < 0) {
            return false;
        }
        try {
            for (Event e : yaml().parse(new StringReader(yaml))) {
                if (e instanceof AliasEvent) {
                    return true;
                }
            }
        } catch (YAMLException e) {
            return false;
        }
        return false;
    }

    /** The spec's tree with aliases expanded, or a {@link SpecException} (too many aliases or nodes). */
    static JsonNode resolveAliases(String yaml, String where) {
        Node root;
        try {
            root = yaml().compose(new StringReader(yaml));
        } catch (YAMLException e) {
            throw new SpecException(where + ": " + e.getMessage().lines().findFirst().orElse("bad YAML")
                    + " (at most " + MAX_ALIASES + " aliases)");
        }
        int[] count = {0};
        return convert(root, count, where);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        return new Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(options),
                new org.yaml.snakeyaml.representer.Representer(new DumperOptions()), new DumperOptions(), options);
    }

    private static JsonNode convert(Node node, int[] count, String where) {
        if (++count[0] > MAX_NODES) {
            throw new SpecException(where + ": more than " + MAX_NODES + " values once its aliases are expanded");
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof MappingNode m) {
            ObjectNode o = f.objectNode();
            for (NodeTuple t : m.getValue()) {
                JsonNode key = convert(t.getKeyNode(), count, where);
                o.set(key.asText(), convert(t.getValueNode(), count, where));
            }
            return o;
        }
        if (node instanceof SequenceNode s) {
            ArrayNode a = f.arrayNode();
            for (Node n : s.getValue()) {
                a.add(convert(n, count, where));
            }
            return a;
        }
        ScalarNode scalar = (ScalarNode) node;
        if (scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
            return f.textNode(scalar.getValue());
        }
        if (SPECIAL_FLOAT.matcher(scalar.getValue()).matches()) {
            String v = scalar.getValue();
            return f.numberNode(v.toLowerCase(java.util.Locale.ROOT).endsWith("nan") ? Double.NaN
                    : v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        try {
            JsonNode typed = SCALARS.readTree(scalar.getValue());
            return typed == null || typed.isMissingNode() ? f.nullNode() : typed;
        } catch (JsonProcessingException e) {
            return f.textNode(scalar.getValue());
        }
    }
}
