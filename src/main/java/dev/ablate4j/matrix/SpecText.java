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
 * UTF-8 (a bad byte is named by its offset), refusing what Jackson would silently drop (a second
 * document, tags: {@link #needsComposer}), YAML aliases ({@code &v [true, false]} then
 * {@code *v}), which Jackson reads as the alias's name, and merge keys ({@code <<: *base}, keys
 * written next to it winning), which Jackson reads as a key named {@code <<}. A spec with aliases is composed by
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

    /**
     * Checks what Jackson's tree would silently drop, and says whether the spec needs SnakeYAML's
     * composer ({@link #resolveAliases}) for aliases or merge keys. Refused, naming the line: a
     * second document (Jackson reads the first only) and tags ({@code !!int "5"}, {@code !foo}), which
     * Jackson ignores: a spec's values are plain YAML, and a tag would change nothing or be lost.
     * Text that does not parse is left to Jackson's message.
     */
    static boolean needsComposer(String yaml, String where) {
        boolean compose = false;
        int documents = 0;
        try {
            for (Event e : yaml().parse(new StringReader(yaml))) {
                if (e instanceof org.yaml.snakeyaml.events.DocumentStartEvent && ++documents > 1) {
                    throw new SpecException(where + ":" + line(e) + ": a second YAML document (after '---');"
                            + " a spec is one document: put each spec in its own file");
                }
                String tag = e instanceof org.yaml.snakeyaml.events.ScalarEvent sc ? sc.getTag()
                        : e instanceof org.yaml.snakeyaml.events.CollectionStartEvent c ? c.getTag() : null;
                if (tag != null) {
                    throw new SpecException(where + ":" + line(e) + ": the YAML tag '" + shortTag(tag)
                            + "' is not read in a spec; write the plain value (5, 3.0e-4, true, text) without a tag");
                }
                if (e instanceof AliasEvent || e instanceof org.yaml.snakeyaml.events.ScalarEvent sc
                        && sc.getImplicit().canOmitTagInPlainScalar() && sc.getValue().equals("<<")) {
                    compose = true;
                }
            }
        } catch (YAMLException e) {
            return compose;
        }
        return compose;
    }

    private static int line(Event e) {
        return e.getStartMark() == null ? 0 : e.getStartMark().getLine() + 1;
    }

    private static String shortTag(String tag) {
        return tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring("tag:yaml.org,2002:".length()) : tag;
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

    /**
     * YAML's merge key ({@code <<: *base} or {@code <<: [*a, *b]}): the keys of the merged mappings
     * that {@code o} does not have yet, the first mapping listed winning over later ones.
     */
    private static void merge(ObjectNode o, Node value, int[] count, String where) {
        java.util.List<Node> sources = value instanceof SequenceNode s ? s.getValue() : java.util.List.of(value);
        for (Node source : sources) {
            JsonNode merged = convert(source, count, where);
            if (!merged.isObject()) {
                throw new SpecException(where + ":" + (value.getStartMark().getLine() + 1) + ": '<<' (a YAML merge"
                        + " key) takes a mapping or a list of mappings, e.g. <<: *base");
            }
            merged.fields().forEachRemaining(field -> {
                if (!o.has(field.getKey())) {
                    o.set(field.getKey(), field.getValue());
                }
            });
        }
    }

    private static JsonNode convert(Node node, int[] count, String where) {
        if (++count[0] > MAX_NODES) {
            throw new SpecException(where + ": more than " + MAX_NODES + " values once its aliases are expanded");
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof MappingNode m) {
            ObjectNode o = f.objectNode();
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode().getTag().equals(org.yaml.snakeyaml.nodes.Tag.MERGE)) {
                    merge(o, t.getValueNode(), count, where);
                }
            }
            java.util.Set<String> written = new java.util.HashSet<>();
            for (NodeTuple t : m.getValue()) {
                if (!t.getKeyNode().getTag().equals(org.yaml.snakeyaml.nodes.Tag.MERGE)) {
                    JsonNode key = convert(t.getKeyNode(), count, where);
                    if (!written.add(key.asText())) {
                        throw new SpecException(where + ":" + (t.getKeyNode().getStartMark().getLine() + 1)
                                + ": duplicate key '" + key.asText() + "'");
                    }
                    o.remove(key.asText()); // a key written here wins over a merged one (YAML's merge keys)
                    o.set(key.asText(), convert(t.getValueNode(), count, where));
                }
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
