package io.jswarm.worker.image;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * The store's {@code index.json} (OCI image layout): which manifest each reference names. A
 * tagged image is keyed by its full normalised reference (kept in the annotation
 * {@code org.opencontainers.image.ref.name}, as containerd and skopeo do for full names); an
 * untagged image (loaded from an archive without tags) by its manifest digest.
 *
 * <p>Not thread-safe: {@link ImageStore} serialises access. The file is replaced atomically
 * (temp + rename), so a crash leaves the old or the new index, never a torn one.
 */
final class ReferenceIndex {
    static final String REF_NAME = "org.opencontainers.image.ref.name";

    private final Path file;
    private final Map<String, Descriptor> entries = new TreeMap<>();

    ReferenceIndex(Path file) throws IOException {
        this.file = file;
        if (Files.exists(file)) {
            ImageIndex index = ImageIndex.parse(Files.readAllBytes(file), MediaTypes.OCI_INDEX);
            for (Descriptor d : index.manifests()) {
                String name = d.annotations().get(REF_NAME);
                entries.put(name != null ? name : d.digest().toString(), d);
            }
        } else {
            save();
        }
    }

    Map<String, Descriptor> entries() {
        return java.util.Collections.unmodifiableMap(entries);
    }

    Descriptor get(String key) {
        return entries.get(key);
    }

    void put(String key, Descriptor manifest) throws IOException {
        entries.put(key, manifest);
        save();
    }

    boolean remove(String key) throws IOException {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            save();
        }
        return removed;
    }

    private void save() throws IOException {
        ObjectNode n = OciJson.object();
        n.put("schemaVersion", 2);
        n.put("mediaType", MediaTypes.OCI_INDEX);
        ArrayNode list = n.putArray("manifests");
        for (Map.Entry<String, Descriptor> e : entries.entrySet()) {
            Descriptor d = e.getValue();
            Map<String, String> ann = new TreeMap<>(d.annotations());
            if (!e.getKey().equals(d.digest().toString())) {
                ann.put(REF_NAME, e.getKey());
            }
            list.add(OciJson.descriptorJson(new Descriptor(d.mediaType(), d.digest(), d.size(), null, ann)));
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, OciJson.bytes(n));
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
