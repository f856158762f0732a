package io.jswarm.compose.merge;

import io.jswarm.compose.Diagnostics;
import io.jswarm.compose.yaml.YMap;
import io.jswarm.compose.yaml.YNode;
import io.jswarm.compose.yaml.YScalar;
import io.jswarm.compose.yaml.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage 4: drops the services whose {@code profiles} are not active. A service without
 * {@code profiles} is always on; {@code "*"} activates every profile. An active service that
 * depends on a switched-off one is an error naming the profile that would switch it on, because
 * deploying it would wait for a dependency that never comes.
 */
public final class ProfileFilter {
    private ProfileFilter() {}

    public static YNode apply(YNode root, Set<String> active, Diagnostics diag) {
        if (!(root instanceof YMap top) || !(top.get("services") instanceof YMap services)) {
            return root;
        }
        Map<String, YNode> kept = new LinkedHashMap<>();
        Map<String, List<String>> dropped = new LinkedHashMap<>();
        services.entries().forEach((name, svc) -> {
            List<String> profiles = profiles(svc);
            if (profiles.isEmpty() || active.contains("*") || profiles.stream().anyMatch(active::contains)) {
                kept.put(name, svc);
            } else {
                dropped.put(name, profiles);
            }
        });
        for (Map.Entry<String, YNode> e : kept.entrySet()) {
            YMap deps = e.getValue() instanceof YMap svc ? ListForms.toMap(svc.get("depends_on"), "depends_on") : null;
            if (deps == null) {
                continue;
            }
            for (String dep : deps.entries().keySet()) {
                if (dropped.containsKey(dep) && required(deps.get(dep))) {
                    diag.error(deps.keyPos(dep), "services." + e.getKey() + ".depends_on." + dep,
                            "depends on service \"" + dep + "\", which is not active (enable it with --profile "
                                    + dropped.get(dep).get(0) + ")");
                }
            }
        }
        var keyPos = new LinkedHashMap<>(services.keyPositions());
        keyPos.keySet().retainAll(kept.keySet());
        return top.with("services", new YMap(kept, keyPos, services.pos()), top.keyPos("services"));
    }

    private static boolean required(YNode dep) {
        return !(dep instanceof YMap m && m.get("required") instanceof YScalar r && r.text().equalsIgnoreCase("false"));
    }

    private static List<String> profiles(YNode svc) {
        List<String> out = new ArrayList<>();
        if (svc instanceof YMap m && m.get("profiles") instanceof YSeq s) {
            for (YNode n : s.items()) {
                if (n instanceof YScalar sc && !sc.isNull()) {
                    out.add(sc.text());
                }
            }
        }
        return out;
    }
}
