package io.jswarm.worker.agent;

import io.jswarm.worker.image.Digest;
import io.jswarm.worker.image.GcReport;
import io.jswarm.worker.image.ImageConfig;
import io.jswarm.worker.image.ImageException;
import io.jswarm.worker.image.ImageNotFoundException;
import io.jswarm.worker.image.ImageProvider;
import io.jswarm.worker.image.ImageStore;
import io.jswarm.worker.image.ProgressListener;
import io.jswarm.worker.image.PullPolicy;
import io.jswarm.worker.image.StoredImage;
import io.jswarm.worker.runtime.ContainerRecord;
import io.jswarm.worker.runtime.ContainerRuntime;
import io.jswarm.worker.runtime.ImageDefaults;
import io.jswarm.worker.runtime.PreparedImage;
import io.jswarm.worker.task.ControllerException;
import io.jswarm.worker.task.EffectiveSpec;
import io.jswarm.worker.task.ImageSource;
import io.jswarm.worker.task.ResolvedImage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The task controllers' image source on a real node: {@link ImageProvider} under the node's pull
 * policy, a {@link StoredImage} turned into the runtime's {@link PreparedImage} (layer dirs lowest
 * first, the image config's entrypoint/cmd/env/workdir/user) plus the config's health check and
 * stop signal for {@link EffectiveSpec}.
 *
 * <p>Pinning: the images of containers on disk are never collected. Each container's record
 * carries its image's manifest digest (label {@link EffectiveSpec#IMAGE_DIGEST_LABEL}); the gap
 * between handing an image out and the record being written is covered by keeping every digest
 * handed out in the last {@link #HANDOUT_PIN} pinned as well.
 */
public final class StoreImageSource implements ImageSource {
    /** Far longer than prepare → create takes (milliseconds), so a racing GC never wins. */
    static final Duration HANDOUT_PIN = Duration.ofMinutes(10);

    private final ImageStore store;
    private final ImageProvider provider;
    private final PullPolicy policy;
    private final Clock clock;
    private final Map<Digest, Instant> handedOut = new ConcurrentHashMap<>();

    public StoreImageSource(ImageStore store, ImageProvider provider, PullPolicy policy, Clock clock) {
        this.store = store;
        this.provider = provider;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public PreparedImage prepare(String imageRef) {
        return resolve(imageRef).prepared();
    }

    @Override
    public ResolvedImage resolve(String imageRef) {
        StoredImage image;
        try {
            image = provider.ensure(imageRef, policy, null, ProgressListener.NONE);
        } catch (ImageNotFoundException e) {
            throw new ControllerException(notFound(imageRef, e.getMessage()), e);
        } catch (ImageException | IllegalArgumentException e) {
            throw new ControllerException("image " + imageRef + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ControllerException("image " + imageRef + ": " + e, e);
        }
        handedOut.put(image.manifestDigest(), clock.instant());
        return toResolved(image);
    }

    /** "image not found: busybox:1 is not on this node and …", without naming the image twice. Pure. */
    static String notFound(String imageRef, String detail) {
        String lead = "image " + imageRef + " ";
        if (detail != null && detail.startsWith(lead)) {
            return "image not found: " + imageRef + " " + detail.substring(lead.length());
        }
        return "image not found: " + imageRef + (detail == null ? "" : ": " + detail);
    }

    /** Pure: what the runtime and the controller need from a stored image. */
    static ResolvedImage toResolved(StoredImage image) {
        ImageConfig c = image.config();
        ImageDefaults defaults = new ImageDefaults(c.entrypoint(), c.cmd(), c.env(), blankToNull(c.workingDir()), blankToNull(c.user()));
        return new ResolvedImage(new PreparedImage(image.layerDirs(), defaults), c.healthcheck(), blankToNull(c.stopSignal()),
                image.manifestDigest().toString());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Manifest digests that must survive GC: those of containers on disk and recent hand-outs. */
    public Set<Digest> pinned(ContainerRuntime runtime) {
        Set<Digest> pins = new HashSet<>();
        for (String id : runtime.containerIds()) {
            runtime.load(id).map(ContainerRecord::spec).map(s -> s.labels().get(EffectiveSpec.IMAGE_DIGEST_LABEL))
                    .flatMap(StoreImageSource::digest).ifPresent(pins::add);
        }
        Instant horizon = clock.instant().minus(HANDOUT_PIN);
        handedOut.entrySet().removeIf(e -> e.getValue().isBefore(horizon));
        pins.addAll(handedOut.keySet());
        return pins;
    }

    private static Optional<Digest> digest(String text) {
        try {
            return Optional.of(Digest.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a label someone else set: pins nothing
        }
    }

    /** Image GC that keeps the images of this node's containers. */
    public GcReport collectGarbage(ContainerRuntime runtime) throws IOException {
        return store.gc(pinned(runtime));
    }
}
