package io.jswarm.cli.commands.stack;

import java.io.PrintWriter;
import java.util.List;

/**
 * Shows a deploy's progress lines. On a terminal the block is redrawn in place (cursor up, clear
 * line), so every service keeps one line; otherwise (a pipe, a log, a test) a line is printed
 * only when it changed, so the output stays readable.
 */
final class ProgressDisplay {
    private final PrintWriter out;
    private final boolean silent;
    private final boolean terminal;
    private List<String> shown = List.of();

    ProgressDisplay(PrintWriter out, boolean silent) {
        this(out, silent, System.console() != null);
    }

    ProgressDisplay(PrintWriter out, boolean silent, boolean terminal) {
        this.out = out;
        this.silent = silent;
        this.terminal = terminal;
    }

    void show(List<StackProgress.Line> lines) {
        if (silent) {
            return;
        }
        List<String> text = StackProgress.render(lines);
        if (text.equals(shown)) {
            return;
        }
        if (terminal) {
            if (!shown.isEmpty()) {
                out.print("\u001b[" + shown.size() + "A");
            }
            text.forEach(l -> out.print("\u001b[2K" + l + "\n"));
        } else {
            for (int i = 0; i < text.size(); i++) {
                if (i >= shown.size() || !shown.get(i).equals(text.get(i))) {
                    out.println(text.get(i));
                }
            }
        }
        out.flush();
        shown = text;
    }

    void finish() {
        out.flush();
    }
}
