package io.jswarm.testkit.hosts;

/**
 * Parses {@code /proc/<pid>/stat}. The command name (field 2) is in parentheses and may itself
 * contain spaces and ')', so fields are counted from the last ')'.
 */
final class ProcStat {
    private ProcStat() {}

    /** Field 3: R, S, D, T (stopped), Z, ... */
    static char state(String stat) {
        return rest(stat)[0].charAt(0);
    }

    /** Field 22: start time in clock ticks since boot; with the pid it identifies a process uniquely. */
    static long startTime(String stat) {
        return Long.parseLong(rest(stat)[19]);
    }

    /** Fields 3.. as an array (index 0 is field 3). */
    private static String[] rest(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/pid/stat line: " + stat);
        }
        return stat.substring(close + 1).strip().split("\\s+");
    }
}
