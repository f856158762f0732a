package io.jswarm.worker.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongConsumer;

/**
 * A node's image store: an OCI image layout under {@code root} (oci-layout, index.json,
 * blobs/sha256) plus {@code layers/sha256/<diffid>}, every distinct layer unpacked once.
 *
 * <p>Ingest (pull, load, import, fetch from a manager) writes blobs first and names the image last
 * ({@link #commit}), so a reference only ever points at a complete image. Garbage collection may
 * remove anything no reference reaches, which would race with an ingest between its first blob
 * and its commit; ingests therefore hold {@link #beginIngest()} (a shared lock) and GC takes the
 * exclusive side.
 */
public final class ImageStore {
    private final Path root;
    private final Clock clock;
    private final BlobStore blobs;
    private final LayerStore layers;
    private final ReferenceIndex index;
    private final ReentrantReadWriteLock ingestLock = new ReentrantReadWriteLock();

    private ImageStore(Path root, Clock clock) throws IOException {
        this.root = root;
        this.clock = clock;
        Files.createDirectories(root);
        Path layout = root.resolve("oci-layout");
        if (!Files.exists(layout)) {
            Files.writeString(layout, "{\"imageLayoutVersion\":\"1.0.0\"}", StandardCharsets.UTF_8);
        }
        this.blobs = new BlobStore(root);
        this.layers = new LayerStore(root);
        this.index = new ReferenceIndex(root.resolve("index.json"));
        try (var s = Files.list(blobs.tempDir())) {
            for (Path p : (Iterable<Path>) s::iterator) {
                LayerUnpacker.deleteRecursively(p); // partial downloads of a crashed process
            }
        }
    }

    /** Opens (creating if needed) the store under {@code root}, e.g. {@code <data-dir>/images}. */
    public static ImageStore open(Path root, Clock clock) throws IOException {
        return new ImageStore(root, clock);
    }

    public Path root() {
        return root;
    }

    Clock clock() {
        return clock;
    }

    // ---- blobs, for the ingest paths (pull, load, import, cluster fetch) and for push ----

    public boolean hasBlob(Digest d) {
        return blobs.has(d);
    }

    public InputStream openBlob(Digest d) throws IOException {
        return blobs.open(d);
    }

    public long blobSize(Digest d) throws IOException {
        return blobs.size(d);
    }

    public Path blobPath(Digest d) {
        return blobs.path(d);
    }

    byte[] readBlob(Digest d) throws IOException {
        return blobs.read(d);
    }

    Digest putBlob(InputStream in, Digest expected, long expectedSize, LongConsumer progress, String what) throws IOException {
        return blobs.put(in, expected, expectedSize, progress, what);
    }

    PartialBlob beginBlob(Digest expected, long expectedSize, String what) throws IOException {
        return blobs.begin(expected, expectedSize, what);
    }

    Digest putBlob(byte[] content) throws IOException {
        return blobs.put(content);
    }

    Path newTempFile(String prefix) throws IOException {
        return blobs.newTempFile(prefix);
    }

    Digest adoptBlob(Path tempFile, Digest expected, String what) throws IOException {
        return blobs.adopt(tempFile, expected, what);
    }

    /** Held by an ingest from its first blob to its commit, so GC cannot take its blobs away. */
    public IngestLease beginIngest() {
        ingestLock.readLock().lock();
        return ingestLock.readLock()::unlock;
    }

    /** Released when the ingest has committed (or given up). */
    public interface IngestLease extends AutoCloseable {
        @Override
        void close();
    }

    // ---- naming images ----

    /**
     * Makes the image whose manifest blob is {@code manifestDigest} usable: checks that its config
     * and every layer blob are stored, unpacks the layers not unpacked yet (verifying each diff
     * ID), and then names it {@code reference} (null: keep it untagged, named by its digest).
     */
    public StoredImage commit(Reference reference, Digest manifestDigest) throws IOException {
        byte[] manifestBytes = blobs.read(manifestDigest);
        ImageManifest manifest = ImageManifest.parse(manifestBytes, null);
        ImageConfig config = ImageConfig.parse(blobs.read(manifest.config().digest()));
        if (config.diffIds().size() != manifest.layers().size()) {
            throw new InvalidImageException("image " + manifestDigest + ": the manifest has " + manifest.layers().size()
                    + " layers but config.rootfs.diff_ids has " + config.diffIds().size());
        }
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < manifest.layers().size(); i++) {
            Descriptor layer = manifest.layers().get(i);
            Digest diffId = config.diffIds().get(i);
            if (!layers.has(diffId)) {
                try (InputStream in = blobs.open(layer.digest())) {
                    layers.unpack(diffId, in, layer.mediaType(), "layer " + layer.digest());
                }
            }
            dirs.add(layers.dir(diffId));
        }
        String key = reference != null ? reference.toString() : manifestDigest.toString();
        synchronized (index) {
            index.put(key, new Descriptor(manifest.mediaType(), manifestDigest, manifestBytes.length));
        }
        return new StoredImage(key, manifestDigest, manifest.config().digest(), dirs, config);
    }

    /** Gives the stored image {@code source} a further name (docker tag). */
    public void tag(String source, Reference target) throws IOException {
        synchronized (index) {
            Map.Entry<String, Descriptor> e = find(source);
            index.put(target.toString(), e.getValue());
        }
    }

    /** The image for a reference, a manifest digest or an image ID ({@code sha256:…} of the config). */
    public StoredImage resolve(String reference) throws IOException {
        Map.Entry<String, Descriptor> e;
        synchronized (index) {
            e = find(reference);
        }
        ImageManifest manifest = ImageManifest.parse(blobs.read(e.getValue().digest()), null);
        ImageConfig config = ImageConfig.parse(blobs.read(manifest.config().digest()));
        List<Path> dirs = new ArrayList<>();
        for (Digest diffId : config.diffIds()) {
            if (!layers.has(diffId)) {
                throw new ImageNotFoundException("image " + reference + " is damaged: layer " + diffId
                        + " is not unpacked; remove the image and pull it again");
            }
            dirs.add(layers.dir(diffId));
        }
        return new StoredImage(e.getKey(), e.getValue().digest(), manifest.config().digest(), dirs, config);
    }

    public StoredImage resolve(Reference reference) throws IOException {
        return resolve(reference.toString());
    }

    /** Whether {@code reference} names a stored image. */
    public boolean contains(String reference) {
        try {
            synchronized (index) {
                find(reference);
            }
            return true;
        } catch (ImageNotFoundException e) {
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Map.Entry<String, Descriptor> find(String text) throws IOException {
        Map<String, Descriptor> entries = index.entries();
        if (text.startsWith(Digest.SHA256 + ":")) {
            Digest d = Digest.parse(text);
            for (Map.Entry<String, Descriptor> e : entries.entrySet()) {
                if (e.getValue().digest().equals(d) || configDigest(e.getValue().digest()).equals(d)) {
                    return e;
                }
            }
            throw notFound(text);
        }
        Reference ref = Reference.parse(text);
        Descriptor exact = entries.get(ref.toString());
        if (exact != null) {
            return Map.entry(ref.toString(), exact);
        }
        if (ref.digest() != null) {
            for (Map.Entry<String, Descriptor> e : entries.entrySet()) {
                if (e.getValue().digest().equals(ref.digest()) && sameRepository(e.getKey(), ref)) {
                    return e;
                }
            }
        }
        throw notFound(text);
    }

    private static boolean sameRepository(String key, Reference ref) {
        try {
            return Reference.parse(key).repository().equals(ref.repository());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Digest configDigest(Digest manifest) throws IOException {
        return ImageManifest.parse(blobs.read(manifest), null).config().digest();
    }

    private static ImageNotFoundException notFound(String text) {
        return new ImageNotFoundException("no such image: " + text + " is not in this node's image store (pull or load it first)");
    }

    // ---- ls, inspect, rm, gc ----

    public List<ImageSummary> list() throws IOException {
        List<ImageSummary> out = new ArrayList<>();
        Map<String, Descriptor> snapshot;
        synchronized (index) {
            snapshot = Map.copyOf(index.entries());
        }
        for (Map.Entry<String, Descriptor> e : new java.util.TreeMap<>(snapshot).entrySet()) {
            ImageManifest m = ImageManifest.parse(blobs.read(e.getValue().digest()), null);
            ImageConfig c = ImageConfig.parse(blobs.read(m.config().digest()));
            out.add(new ImageSummary(e.getKey(), m.config().digest(), e.getValue().digest(), c.created(), size(m)));
        }
        return out;
    }

    public ImageDetails inspect(String reference) throws IOException {
        Map.Entry<String, Descriptor> e;
        List<String> names = new ArrayList<>();
        synchronized (index) {
            e = find(reference);
            index.entries().forEach((k, v) -> {
                if (v.digest().equals(e.getValue().digest())) {
                    names.add(k);
                }
            });
        }
        ImageManifest m = ImageManifest.parse(blobs.read(e.getValue().digest()), null);
        ImageConfig c = ImageConfig.parse(blobs.read(m.config().digest()));
        return new ImageDetails(names, e.getValue().digest(), m.mediaType(), m.config().digest(), c, m.layers(), size(m));
    }

    private static long size(ImageManifest m) {
        return m.config().size() + m.layers().stream().mapToLong(Descriptor::size).sum();
    }

    /**
     * Removes the name {@code reference}. The image's content stays until {@link #gc} finds no
     * other name (or running container) using it, as with {@code docker rmi} of one of several tags.
     */
    public void remove(String reference) throws IOException {
        synchronized (index) {
            index.remove(find(reference).getKey());
        }
    }

    /**
     * Deletes every blob and unpacked layer that no reference reaches and that is not used by one
     * of {@code pinnedManifests} (images of running containers, which the runtime passes in).
     */
    public GcReport gc(Set<Digest> pinnedManifests) throws IOException {
        ingestLock.writeLock().lock();
        try {
            Set<Digest> roots = new HashSet<>(pinnedManifests);
            synchronized (index) {
                index.entries().values().forEach(d -> roots.add(d.digest()));
            }
            Set<Digest> liveBlobs = new HashSet<>();
            Set<Digest> liveLayers = new HashSet<>();
            for (Digest manifestDigest : roots) {
                if (!blobs.has(manifestDigest)) {
                    continue;
                }
                liveBlobs.add(manifestDigest);
                ImageManifest m = ImageManifest.parse(blobs.read(manifestDigest), null);
                liveBlobs.add(m.config().digest());
                m.layers().forEach(l -> liveBlobs.add(l.digest()));
                if (blobs.has(m.config().digest())) {
                    liveLayers.addAll(ImageConfig.parse(blobs.read(m.config().digest())).diffIds());
                }
            }
            int blobsRemoved = 0;
            int layersRemoved = 0;
            long freed = 0;
            for (Digest d : blobs.list()) {
                if (!liveBlobs.contains(d)) {
                    freed += blobs.delete(d);
                    blobsRemoved++;
                }
            }
            for (Digest d : layers.list()) {
                if (!liveLayers.contains(d)) {
                    freed += layers.diskUsage(d);
                    layers.delete(d);
                    layersRemoved++;
                }
            }
            return new GcReport(blobsRemoved, layersRemoved, freed);
        } finally {
            ingestLock.writeLock().unlock();
        }
    }

    /** Whether the layer {@code diffId} is unpacked (tests and the runtime's sanity checks). */
    public boolean hasLayer(Digest diffId) {
        return layers.has(diffId);
    }

    public Set<Digest> unpackedLayers() throws IOException {
        return layers.list();
    }

    public Set<Digest> blobs() throws IOException {
        return blobs.list();
    }
}
