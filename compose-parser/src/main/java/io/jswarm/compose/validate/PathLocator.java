package io.jswarm.compose.validate;

import io.jswarm.compose.yaml.Position;
import io.jswarm.compose.yaml.YMap;
import io.jswarm.compose.yaml.YNode;
import io.jswarm.compose.yaml.YScalar;
import io.jswarm.compose.yaml.YSeq;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a key path ({@code services.web.ports[2].target}) was written, for problems found
 * after the tree is gone (cross references, the spec validator). Returns the deepest node found,
 * so a path into a map key with dots still points at its parent.
 */
public final class PathLocator {
    private PathLocator() {}

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)\\]");

    public static Position locate(YNode root, String path) {
        YNode node = root;
        Position best = root.pos();
        Matcher m = SEGMENT.matcher(path);
        while (m.find()) {
            if (m.group(1) != null && node instanceof YMap map && map.has(m.group(1))) {
                best = map.keyPos(m.group(1));
                node = map.get(m.group(1));
                if (!(node instanceof YMap) && !(node instanceof YSeq)) {
                    best = node.pos();
                }
            } else if (m.group(2) != null && node instanceof YSeq seq && Integer.parseInt(m.group(2)) < seq.items().size()) {
                node = seq.items().get(Integer.parseInt(m.group(2)));
                best = node.pos();
            } else if (m.group(1) != null && node instanceof YSeq seq && itemNamed(seq, m.group(1)) != null) {
                // depends_on: [db] and networks: [front] are read as mappings keyed by name.
                node = itemNamed(seq, m.group(1));
                best = node.pos();
            } else {
                break;
            }
        }
        return best;
    }

    private static YNode itemNamed(YSeq seq, String name) {
        for (YNode item : seq.items()) {
            if (item instanceof YScalar s && (s.text().equals(name) || s.text().startsWith(name + "="))) {
                return item;
            }
        }
        return null;
    }
}
