package io.jswarm.worker.image;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records progress events as text lines, for assertions. */
final class RecordingListener implements ProgressListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    volatile long lastProgress;

    @Override
    public void resolved(String reference, Digest manifestDigest) {
        events.add("resolved " + reference + " " + manifestDigest);
    }

    @Override
    public void started(Digest blob, long size) {
        events.add("started " + blob + " " + size);
    }

    @Override
    public void progress(Digest blob, long done, long size) {
        lastProgress = done;
    }

    @Override
    public void finished(Digest blob, long size, boolean alreadyThere) {
        events.add((alreadyThere ? "present " : "finished ") + blob + " " + size);
    }

    long count(String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix)).count();
    }
}
