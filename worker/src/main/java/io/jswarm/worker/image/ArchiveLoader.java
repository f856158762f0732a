package io.jswarm.worker.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * {@code image load -i file.tar}: reads a {@code docker save} archive (manifest.json, a config
 * file and one uncompressed tar per layer) or an OCI archive (oci-layout, index.json, blobs/),
 * either possibly gzipped, and stores every image in it.
 *
 * <p>The archive is unpacked into the store's tmp directory first (entries may come in any order)
 * and deleted afterwards. Blobs are verified like pulled ones; a docker-save image is stored with
 * a new OCI manifest over the same config and layers, so its image ID (the config digest) is the
 * one Docker shows.
 */
public final class ArchiveLoader {
    private final ImageStore store;
    private final ImagePlatform platform;

    public ArchiveLoader(ImageStore store, ImagePlatform platform) {
        this.store = store;
        this.platform = platform;
    }

    /** Loads every image of {@code archive}; returns them as stored (untagged ones named by digest). */
    @SuppressWarnings("try") // the lease is held for the block, not used in it
    public List<StoredImage> load(Path archive) throws IOException {
        Path work = store.root().resolve("tmp").resolve("load-" + UUID.randomUUID());
        Files.createDirectories(work);
        try (ImageStore.IngestLease ingest = store.beginIngest()) {
            extract(archive, work);
            if (Files.exists(work.resolve("manifest.json"), LinkOption.NOFOLLOW_LINKS)) {
                return loadDockerSave(work, archive);
            }
            if (Files.exists(work.resolve("index.json"), LinkOption.NOFOLLOW_LINKS)
                    && Files.exists(work.resolve("oci-layout"), LinkOption.NOFOLLOW_LINKS)) {
                return loadOci(work, archive);
            }
            throw new InvalidImageException(archive + " is neither a docker save archive (no manifest.json) "
                    + "nor an OCI archive (no index.json and oci-layout)");
        } catch (IOException e) {
            throw DiskFullException.mapped(e, store.root());
        } finally {
            LayerUnpacker.deleteRecursively(work);
        }
    }

    private List<StoredImage> loadDockerSave(Path work, Path archive) throws IOException {
        JsonNode list;
        try {
            list = OciJson.MAPPER.readTree(Files.readAllBytes(inside(work, "manifest.json", archive.getFileName().toString())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidImageException(archive + ": manifest.json is not valid JSON: " + e.getOriginalMessage());
        }
        if (list == null || !list.isArray()) {
            throw new InvalidImageException(archive + ": manifest.json must be a list of images");
        }
        List<StoredImage> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String what = archive.getFileName() + ": manifest.json[" + i + "]";
            byte[] configBytes = Files.readAllBytes(inside(work, OciJson.requiredText(entry, "Config", what), what));
            ImageConfig config = ImageConfig.parse(configBytes);
            List<String> layerFiles = OciJson.strings(entry, "Layers", what);
            if (layerFiles == null || layerFiles.size() != config.diffIds().size()) {
                throw new InvalidImageException(what + ".Layers must list one file per config.rootfs.diff_ids entry");
            }
            Digest configDigest = store.putBlob(configBytes);
            List<Descriptor> layers = new ArrayList<>();
            for (int l = 0; l < layerFiles.size(); l++) {
                Path file = inside(work, layerFiles.get(l), what + ".Layers[" + l + "]");
                boolean gzip = isGzip(file);
                Digest expected = gzip ? null : config.diffIds().get(l);
                Digest d;
                try (InputStream in = Files.newInputStream(file)) {
                    d = store.putBlob(in, expected, -1, n -> {}, what + ".Layers[" + l + "] " + layerFiles.get(l));
                }
                layers.add(new Descriptor(gzip ? MediaTypes.OCI_LAYER_GZIP : MediaTypes.OCI_LAYER, d, Files.size(file)));
            }
            ImageManifest manifest = new ImageManifest(MediaTypes.OCI_MANIFEST,
                    new Descriptor(MediaTypes.OCI_CONFIG, configDigest, configBytes.length), layers);
            Digest manifestDigest = store.putBlob(manifest.toJson());
            List<String> tags = OciJson.strings(entry, "RepoTags", what);
            if (tags == null || tags.isEmpty()) {
                out.add(store.commit(null, manifestDigest));
            } else {
                for (String tag : tags) {
                    out.add(store.commit(Reference.parse(tag), manifestDigest));
                }
            }
        }
        return out;
    }

    private List<StoredImage> loadOci(Path work, Path archive) throws IOException {
        ImageIndex index = ImageIndex.parse(Files.readAllBytes(inside(work, "index.json", archive.getFileName().toString())),
                MediaTypes.OCI_INDEX);
        List<StoredImage> out = new ArrayList<>();
        BlobSource blobs = new ArchiveBlobs(work, archive);
        for (Descriptor d : index.manifests()) {
            String name = d.annotations().getOrDefault("io.containerd.image.name", d.annotations().get(ReferenceIndex.REF_NAME));
            Descriptor manifestDescriptor = d;
            if (MediaTypes.INDEXES.contains(d.mediaType())) {
                byte[] nested = Files.readAllBytes(blobFile(work, d.digest(), archive));
                manifestDescriptor = ImageIndex.parse(nested, d.mediaType()).choose(platform).orElseThrow(() ->
                        new ImageNotFoundException(archive + ": index " + d.digest() + " has no image for " + platform));
            } else if (!MediaTypes.MANIFESTS.contains(d.mediaType())) {
                continue;
            }
            Reference ref = fullReference(name);
            out.add(Ingest.image(store, blobs, ref, manifestDescriptor.digest(), RegistryConfig.defaults().withRetries(1,
                    java.time.Duration.ZERO), ProgressListener.NONE));
        }
        if (out.isEmpty()) {
            throw new InvalidImageException(archive + ": index.json lists no image manifest");
        }
        return out;
    }

    /**
     * The OCI spec lets ref.name be just a tag ("1.0"); only names that carry a repository
     * (a '/' or ':') are used as references, others leave the image untagged.
     */
    private static Reference fullReference(String name) {
        if (name == null || (name.indexOf('/') < 0 && name.indexOf(':') < 0)) {
            return null;
        }
        return Reference.parse(name);
    }

    /** The blobs/ directory of an unpacked OCI archive, as a source the ingest verifies. */
    private record ArchiveBlobs(Path work, Path archive) implements BlobSource {
        @Override
        public InputStream open(Digest digest) throws IOException {
            return Files.newInputStream(blobFile(work, digest, archive));
        }

        @Override
        public String describe() {
            return "archive " + archive.getFileName();
        }
    }

    private static Path blobFile(Path work, Digest d, Path archive) throws IOException {
        return inside(work, "blobs/" + d.algorithm() + "/" + d.hex(), archive.getFileName() + ": blob " + d);
    }

    /** Resolves a file named in the archive's metadata, refusing names (or symlinks) leading outside it. */
    private static Path inside(Path work, String name, String what) throws IOException {
        Path p = work.resolve(LayerUnpacker.clean(name, what));
        try {
            Path real = p.toRealPath();
            if (!real.startsWith(work.toRealPath()) || !Files.isRegularFile(real)) {
                throw new InvalidImageException(what + ": '" + name + "' is not a file inside the archive");
            }
            return real;
        } catch (NoSuchFileException e) {
            throw new InvalidImageException(what + ": '" + name + "' is missing from the archive");
        }
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    static InputStream maybeGunzip(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip ? GzipCompressorInputStream.builder().setInputStream(in).setDecompressConcatenated(true).get() : in;
    }

    /** Regular files, directories and in-archive relative symlinks (newer docker save links layers to blobs/). */
    private static void extract(Path archive, Path work) throws IOException {
        try (InputStream raw = Files.newInputStream(archive);
             TarArchiveInputStream tar = new TarArchiveInputStream(maybeGunzip(raw), StandardCharsets.UTF_8.name())) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                String name = LayerUnpacker.clean(e.getName(), archive.getFileName().toString());
                if (name.isEmpty()) {
                    continue;
                }
                Path p = work.resolve(name);
                LayerUnpacker.ensureDirs(work, p.getParent(), archive.getFileName().toString()); // refuses symlinked parents
                if (e.isDirectory()) {
                    Files.createDirectories(p);
                } else if (e.isSymbolicLink()) {
                    Files.deleteIfExists(p);
                    Files.createSymbolicLink(p, Path.of(e.getLinkName()));
                } else if (e.isFile()) {
                    if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                        Files.delete(p);
                    }
                    Files.copy(tar, p);
                }
            }
        } catch (InvalidImageException e) {
            throw e;
        } catch (IOException e) {
            IOException mapped = DiskFullException.mapped(e, work);
            if (mapped instanceof DiskFullException) {
                throw mapped;
            }
            throw new InvalidImageException(archive + " is not a readable tar archive: " + e.getMessage(), e);
        }
    }
}
