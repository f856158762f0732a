package io.jswarm.compose.yaml;

import io.jswarm.compose.Diagnostics;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Stage 1: YAML text to a {@link YNode} tree with positions.
 *
 * <p>Why SnakeYAML's node API and not Jackson: jackson-dataformat-yaml reads {@code <<: *base} as a
 * plain key whose value is the alias name (checked: {@code {"<<":"b","y":3}}), and its tree keeps
 * no positions. SnakeYAML's composer resolves anchors and aliases and tags each scalar with its
 * core-schema type; merge keys are applied here, explicit keys winning over merged ones and
 * earlier merge sources over later ones (YAML merge-key spec).
 *
 * <p>Refused, each with a position: duplicate keys, tabs in indentation, recursive aliases,
 * documents that expand to more than {@link #MAX_EXPANDED_NODES} nodes through aliases
 * ("billion laughs"), nesting deeper than {@link #MAX_DEPTH}, files over {@link #MAX_CODE_POINTS}
 * characters, more than one document.
 */
public final class YamlReader {
    /**
     * A 200-service file is ~20k nodes after expanding aliases; more than ten times that is no
     * longer a compose file but an alias bomb, which every later stage would have to walk.
     */
    public static final long MAX_EXPANDED_NODES = 250_000;
    public static final int MAX_DEPTH = 64;
    /** Thirty times the 200-service benchmark file; refused before parsing, so refusing is instant. */
    public static final int MAX_CODE_POINTS = 4 * 1024 * 1024;

    private final String file;
    private final String text;
    private final Diagnostics diag;
    private final Map<Node, Converted> done = new IdentityHashMap<>();
    private final Map<YNode, Long> weightByNode = new IdentityHashMap<>();
    private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

    private record Converted(YNode node, long weight) {}

    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Position pos;

        Refused(Position pos, String message) {
            super(message, null, false, false);
            this.pos = pos;
        }
    }

    private YamlReader(String file, String text, Diagnostics diag) {
        this.file = file;
        this.text = text;
        this.diag = diag;
    }

    /** Parses {@code text} (named {@code file} in messages); empty on error, reported to {@code diag}. */
    public static Optional<YNode> read(String file, String text, Diagnostics diag) {
        return new YamlReader(file, text, diag).read();
    }

    private Optional<YNode> read() {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (body.length() > MAX_CODE_POINTS && body.codePointCount(0, body.length()) > MAX_CODE_POINTS) {
            diag.error(new Position(file, 1, 1), "", "the file is larger than " + MAX_CODE_POINTS
                    + " characters; refused (a compose file is a few hundred KB at most)");
            return Optional.empty();
        }
        Node root;
        try {
            root = composer(body).getSingleNode();
        } catch (MarkedYAMLException e) {
            reportSyntax(e);
            return Optional.empty();
        } catch (YAMLException e) {
            diag.error(new Position(file, 1, 1), "", "cannot read YAML: " + e.getMessage());
            return Optional.empty();
        }
        if (root == null) {
            return Optional.of(YMap.empty(new Position(file, 1, 1)));
        }
        try {
            return Optional.of(convert(root, 0).node);
        } catch (Refused e) {
            diag.error(e.pos, "", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * SnakeYAML's composer used directly (not through {@code Yaml}), which skips loading the
     * constructor and representer machinery: a noticeable part of a cold CLI start.
     */
    private static Composer composer(String body) {
        LoaderOptions o = new LoaderOptions();
        // SnakeYAML's own limits are the outer fence (they report no position); ours are tighter
        // where it matters and say where. Its alias limit guards its constructor, which expands
        // aliases; the composer shares nodes and our expansion limit counts the real cost, so a
        // large stack with `<<: *defaults` in every service (two aliases each) must pass here.
        o.setMaxAliasesForCollections(100_000);
        o.setNestingDepthLimit(MAX_DEPTH * 2);
        o.setCodePointLimit(MAX_CODE_POINTS + 1024);
        o.setAllowRecursiveKeys(false);
        o.setProcessComments(false);
        return new Composer(new ParserImpl(new StreamReader(new StringReader(body)), o), new Resolver(), o);
    }

    private void reportSyntax(MarkedYAMLException e) {
        Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        int line = m == null ? 1 : m.getLine() + 1;
        int column = m == null ? 1 : m.getColumn() + 1;
        Position tab = tabInIndentation(line);
        if (tab != null) {
            diag.error(tab, "", "tab character in indentation (YAML indents with spaces only)");
            return;
        }
        String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
        String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
        diag.error(new Position(file, line, column), "", "invalid YAML: " + problem.strip() + context);
    }

    /** The first tab used for indentation at or before {@code line}: the usual cause of a parse error. */
    private Position tabInIndentation(int line) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < Math.min(line, lines.length); i++) {
            String l = lines[i];
            for (int c = 0; c < l.length() && (l.charAt(c) == ' ' || l.charAt(c) == '\t'); c++) {
                if (l.charAt(c) == '\t') {
                    return new Position(file, i + 1, c + 1);
                }
            }
        }
        return null;
    }

    private Position pos(Node n) {
        Mark m = n.getStartMark();
        return m == null ? new Position(file, 0, 0) : new Position(file, m.getLine() + 1, m.getColumn() + 1);
    }

    private Converted convert(Node n, int depth) {
        Converted c = done.get(n);
        if (c != null) {
            return c;
        }
        if (depth > MAX_DEPTH) {
            throw new Refused(pos(n), "nesting deeper than " + MAX_DEPTH + " levels is refused");
        }
        if (!inProgress.add(n)) {
            throw new Refused(pos(n), "recursive alias: a node contains itself");
        }
        try {
            c = switch (n.getNodeId()) {
                case scalar -> new Converted(scalar((ScalarNode) n), 1);
                case sequence -> sequence((SequenceNode) n, depth);
                case mapping -> mapping((MappingNode) n, depth);
                default -> throw new Refused(pos(n), "unsupported YAML node");
            };
        } finally {
            inProgress.remove(n);
        }
        if (c.weight > MAX_EXPANDED_NODES) {
            throw new Refused(pos(n), "the document expands to more than " + MAX_EXPANDED_NODES
                    + " nodes through aliases (an alias bomb?); refused");
        }
        done.put(n, c);
        weightByNode.put(c.node, c.weight);
        return c;
    }

    private YScalar scalar(ScalarNode n) {
        Tag t = n.getTag();
        YScalar.Type type;
        if (t.equals(Tag.NULL)) {
            type = YScalar.Type.NULL;
        } else if (t.equals(Tag.INT)) {
            type = YScalar.Type.INT;
        } else if (t.equals(Tag.FLOAT)) {
            type = YScalar.Type.FLOAT;
        } else if (t.equals(Tag.BOOL)) {
            type = YScalar.Type.BOOL;
        } else if (t.equals(Tag.STR) || t.equals(Tag.TIMESTAMP) || t.equals(Tag.BINARY) || mergeTag(n) != null) {
            type = YScalar.Type.STRING;
        } else {
            throw new Refused(pos(n), "unsupported YAML tag " + t.getValue() + " (jswarm knows !reset and !override)");
        }
        return new YScalar(type == YScalar.Type.NULL ? null : n.getValue(), type, pos(n));
    }

    private Converted sequence(SequenceNode n, int depth) {
        List<YNode> items = new ArrayList<>();
        long weight = 1;
        for (Node item : n.getValue()) {
            Converted c = convert(item, depth + 1);
            items.add(c.node);
            weight += c.weight;
            checkWeight(weight, n);
        }
        return new Converted(new YSeq(items, pos(n)), weight);
    }

    private Converted mapping(MappingNode n, int depth) {
        Map<String, YNode> entries = new LinkedHashMap<>();
        Map<String, Position> keys = new LinkedHashMap<>();
        Map<String, Long> weights = new LinkedHashMap<>();
        Map<String, YMap.MergeTag> tags = new LinkedHashMap<>();
        List<Node> mergeSources = new ArrayList<>();
        for (NodeTuple t : n.getValue()) {
            Node k = t.getKeyNode();
            if (k instanceof ScalarNode sk && sk.getTag().equals(Tag.MERGE)) {
                mergeSources.add(t.getValueNode());
                continue;
            }
            if (!(k instanceof ScalarNode sk)) {
                throw new Refused(pos(k), "mapping keys must be plain strings, not " + k.getNodeId());
            }
            String key = sk.getValue();
            if (keys.containsKey(key)) {
                diag.error(pos(k), "", "duplicate key \"" + key + "\" (first defined at line " + keys.get(key).line() + ")");
                continue;
            }
            Converted v = convert(t.getValueNode(), depth + 1);
            YMap.MergeTag tag = mergeTag(t.getValueNode());
            if (tag != null) {
                tags.put(key, tag);
            }
            entries.put(key, v.node);
            keys.put(key, pos(k));
            weights.put(key, v.weight);
        }
        for (Node source : mergeSources) {
            List<Node> maps = source instanceof SequenceNode s ? s.getValue() : List.of(source);
            for (Node m : maps) {
                Converted c = convert(m, depth + 1);
                if (!(c.node instanceof YMap merged)) {
                    throw new Refused(pos(m), "a merge key (<<) needs a mapping or a list of mappings, got " + c.node.kindName());
                }
                for (Map.Entry<String, YNode> e : merged.entries().entrySet()) {
                    if (!entries.containsKey(e.getKey())) {
                        entries.put(e.getKey(), e.getValue());
                        keys.put(e.getKey(), merged.keyPos(e.getKey()));
                        weights.put(e.getKey(), weightOf(e.getValue()));
                    }
                }
            }
        }
        long weight = 1;
        for (long w : weights.values()) {
            weight += w;
            checkWeight(weight, n);
        }
        return new Converted(new YMap(entries, keys, tags, pos(n)), weight);
    }

    private static YMap.MergeTag mergeTag(Node n) {
        String tag = n.getTag().getValue();
        return tag.equals("!reset") ? YMap.MergeTag.RESET : tag.equals("!override") ? YMap.MergeTag.OVERRIDE : null;
    }

    private void checkWeight(long weight, Node at) {
        if (weight > MAX_EXPANDED_NODES) {
            throw new Refused(pos(at), "the document expands to more than " + MAX_EXPANDED_NODES
                    + " nodes through aliases (an alias bomb?); refused");
        }
    }

    /** Weight of an already converted subtree (merged values come from converted maps). */
    private long weightOf(YNode node) {
        return weightByNode.getOrDefault(node, 1L);
    }
}
