package io.jswarm.worker.image;

import java.io.IOException;
import java.time.Duration;

/**
 * Runs a registry operation up to {@code maxAttempts} times. Connection failures, broken
 * transfers and {@link RetryableException}s (5xx, 429) are retried with a doubling delay; answers
 * the user must act on ({@link ImageException}: not found, unauthorized, corrupt) are not.
 */
final class Retry {
    private Retry() {}

    /** A failure worth trying again (the server said so, or may be better in a moment). */
    static final class RetryableException extends IOException {
        private static final long serialVersionUID = 1L;

        RetryableException(String message) {
            super(message);
        }
    }

    interface Attempt<T> {
        T run() throws IOException, InterruptedException;
    }

    static <T> T run(RegistryConfig config, String what, Attempt<T> attempt) throws IOException {
        Duration delay = config.retryDelay();
        IOException last = null;
        for (int i = 1; i <= config.maxAttempts(); i++) {
            try {
                return attempt.run();
            } catch (DiskFullException e) {
                throw e; // retrying cannot make space
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while talking to " + what, e);
            }
            if (i < config.maxAttempts() && !delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis()); // back-off between attempts, not a test wait
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while talking to " + what, e);
                }
                delay = delay.multipliedBy(2);
            }
        }
        throw new RegistryException(what + " failed after " + config.maxAttempts() + " attempts: " + last.getMessage(), last);
    }
}
