/**
 * Images on a node: references, the content-addressed store, pull and push over the OCI
 * distribution API, archive load and rootfs import, and fetching from the cluster.
 *
 * <h2>Design note</h2>
 *
 * <p><b>References</b> ({@link io.jswarm.worker.image.Reference}) follow Docker's normalisation
 * exactly, so a name means on jswarm what it means to {@code docker pull}: {@code busybox} is
 * {@code docker.io/library/busybox:latest}; the first component is a registry only if it has a
 * '.', a ':', is {@code localhost} or has upper case. Parsing is pure and every rejection names
 * the part that is wrong.
 *
 * <p><b>Store layout</b> ({@link io.jswarm.worker.image.ImageStore}), one per node under
 * {@code <data-dir>/images}:
 * <pre>
 *   oci-layout                  {"imageLayoutVersion":"1.0.0"}
 *   index.json                  OCI index: reference (annotation ref.name) → manifest descriptor
 *   blobs/sha256/&lt;hex&gt;          manifests, configs, compressed layers (kept: push and cluster serving need them)
 *   layers/sha256/&lt;diffid hex&gt;   each distinct layer unpacked once: the overlay lower dirs
 *   tmp/                        staging; emptied when the store opens
 * </pre>
 * Skopeo, umoci and containerd can read the blob/index half as a plain OCI layout. Layer
 * directories are named by diff ID (digest of the uncompressed tar), not by blob digest, so the
 * same content compressed twice is still unpacked once.
 *
 * <p><b>Invariants.</b> (1) A file under blobs/ hashes to its name and a directory under layers/
 * is complete and came from a tar hashing to its name: everything is written to a temporary name,
 * verified, then renamed; a mismatch, ENOSPC or crash leaves nothing visible. (2) A reference
 * only names an image whose manifest, config and layers are all present and unpacked: ingest
 * writes blobs first and {@code commit} names the image last. (3) GC never removes what an ingest
 * in progress has written: ingests hold a shared lease, GC the exclusive side; GC keeps what any
 * reference or a pinned manifest (images of containers, passed by the runtime) reaches.
 *
 * <p><b>Whiteouts.</b> OCI whiteouts in layer tars are turned into overlayfs' own form while
 * unpacking ({@code .wh.x} → a 0/0 character device {@code x}; {@code .wh..wh..opq} → xattr
 * {@code trusted.overlay.opaque=y}), so a container's rootfs is a plain overlay mount of the layer
 * dirs (lowest first in {@link io.jswarm.worker.image.StoredImage#layerDirs()}; overlay's lowerdir
 * option lists the top one first). Tar entries may not climb out of the layer ('..', or writing
 * through a symlink the layer made).
 *
 * <p><b>Registries</b> ({@link io.jswarm.worker.image.RegistryClient}): HTTPS unless the registry
 * is listed as insecure; 401 challenges followed once (Bearer: token from the realm, with the
 * stored login as Basic; Basic: the stored login); connection failures, 5xx, 429 and broken
 * transfers retried with back-off; digest mismatches and 401/403/404 not retried but reported as
 * {@link io.jswarm.worker.image.DigestMismatchException}, {@link io.jswarm.worker.image.UnauthorizedException},
 * {@link io.jswarm.worker.image.ImageNotFoundException}. An index picks the node's platform.
 * Blob redirects are followed without the registry's credentials.
 * Up to three layers download at once.
 *
 * <p><b>Cluster distribution.</b> A {@link io.jswarm.worker.image.BlobSource} reads blobs by
 * digest from anywhere; {@link io.jswarm.worker.image.ClusterFetcher} uses one served by a manager
 * (the transport over the cluster's mTLS channel comes with the dispatcher) and verifies every
 * blob as if it came from a registry. {@link io.jswarm.worker.image.PullPolicy} decides, purely,
 * between the local copy, the cluster's and the registry's; {@link io.jswarm.worker.image.ImageProvider}
 * is the single call the task controller makes.
 *
 * <p>A broken blob transfer resumes with an HTTP Range request from the last byte written and
 * hashed ({@code PartialBlob}).
 *
 * <p>Not done yet:
 * zstd layers, cross-repository blob mounts on push, schema 1 manifests.
 */
package io.jswarm.worker.image;
