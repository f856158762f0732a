package io.jswarm.worker.runtime;

/**
 * A host tool failed. The message starts with the tool's name and carries its own error text
 * ("runc: container with id exists: c1"), which is what a user needs to act on.
 */
public final class CommandFailedException extends RuntimeException {
    private final transient Command.Result result;

    public CommandFailedException(Command.Result result) {
        super(message(result));
        this.result = result;
    }

    public Command.Result result() {
        return result;
    }

    private static String message(Command.Result r) {
        // "ip netns exec NS nft …" fails as nft, not as ip.
        int first = r.argv().size() > 4 && r.argv().subList(0, 3).equals(java.util.List.of("ip", "netns", "exec")) ? 4 : 0;
        String tool = r.argv().get(first);
        tool = tool.substring(tool.lastIndexOf('/') + 1);
        String text = r.stderr().isBlank() ? r.stdout() : r.stderr();
        return tool + ": " + oneLine(text) + (r.exitCode() == 0 ? "" : " (exit " + r.exitCode() + ")");
    }

    /** runc logs in logfmt (time=… level=error msg="…"): keep only the msg. */
    static String oneLine(String text) {
        String t = text.strip();
        int msg = t.lastIndexOf("msg=\"");
        if (msg >= 0) {
            int end = t.indexOf('"', msg + 5);
            while (end > 0 && t.charAt(end - 1) == '\\') {
                end = t.indexOf('"', end + 1);
            }
            t = end > 0 ? t.substring(msg + 5, end) : t.substring(msg + 5);
        }
        return t.replace("\\\"", "\"").replace('\n', ' ');
    }
}
