package io.jswarm.compose.validate;

import io.jswarm.compose.env.DotEnvException;
import io.jswarm.compose.env.DotEnvParser;
import io.jswarm.compose.yaml.YMap;
import io.jswarm.compose.yaml.YNode;
import io.jswarm.compose.yaml.YSeq;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service's environment: {@code env_file} contents first (later files win), then
 * {@code environment} on top; a key without a value takes the value from the interpolation
 * environment, or stays unset (and is then left out of the container's environment).
 */
final class EnvironmentReader {
    private final Fields f;
    private final ReadContext ctx;

    EnvironmentReader(Fields f, ReadContext ctx) {
        this.f = f;
        this.ctx = ctx;
    }

    /**
     * {@code env_file} contents first (later files win), then {@code environment} on top; a key
     * without a value takes the value from the interpolation environment, or stays unset.
     */
    Map<String, String> environment(YMap m, String path) {
        Map<String, String> env = new LinkedHashMap<>();
        if (m.has("env_file")) {
            envFiles(m.get("env_file"), path + ".env_file", env);
        }
        if (m.has("environment")) {
            Map<String, String> declared = f.stringMap(m.get("environment"), path + ".environment");
            if (declared != null) {
                declared.forEach((k, v) -> {
                    if (k.isEmpty() || k.contains("=")) {
                        f.error(m.get("environment"), path + ".environment", "invalid variable name \"" + k + "\"");
                    }
                    env.put(k, v != null ? v : ctx.env().get(k));
                });
            }
        }
        return env;
    }

    private void envFiles(YNode node, String path, Map<String, String> into) {
        List<YNode> items = node instanceof YSeq s ? s.items() : List.of(node);
        for (int i = 0; i < items.size(); i++) {
            YNode item = items.get(i);
            String p = node instanceof YSeq ? path + "[" + i + "]" : path;
            String file;
            boolean required = true;
            if (item instanceof YMap em) {
                f.keys(em, p, Set.of("path", "required", "format"), Map.of());
                if (!em.has("path")) {
                    f.error(em, p, "an env_file entry needs a path");
                    continue;
                }
                file = f.string(em.get("path"), p + ".path");
                if (em.has("required")) {
                    required = !Boolean.FALSE.equals(f.bool(em.get("required"), p + ".required"));
                }
            } else {
                file = f.string(item, p);
            }
            if (file == null) {
                continue;
            }
            Path abs = Path.of(ctx.resolve(file));
            byte[] bytes;
            try {
                bytes = ctx.files().read(abs);
            } catch (IOException e) {
                if (required) {
                    f.error(item, p, "cannot read env file " + abs + ": " + e.getMessage());
                }
                continue;
            }
            try {
                into.putAll(DotEnvParser.parse(new String(bytes, StandardCharsets.UTF_8), ctx.env()::get));
            } catch (DotEnvException e) {
                f.error(item, p, abs + " " + e.getMessage());
            }
        }
    }
}
