package io.jswarm.testkit.hosts;

/** A harness operation the machine refused (a failed ip/nft/mount call, a bad argument). */
public class HostsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HostsException(String message) {
        super(message);
    }

    public HostsException(String message, Throwable cause) {
        super(message, cause);
    }
}
