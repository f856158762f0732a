package io.jswarm.api.validate;

import java.util.List;
import java.util.Locale;

/** Stop signals accepted in specs: Linux names with or without SIG, or numbers 1–64. */
public final class Signals {
    private Signals() {}

    private static final List<String> NAMES = List.of(
            "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
            "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG",
            "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS");

    /** The signal number for {@code text}, or -1 if it is not a signal. */
    public static int number(String text) {
        if (text == null || text.isBlank()) {
            return -1;
        }
        String s = text.strip().toUpperCase(Locale.ROOT);
        if (s.chars().allMatch(Character::isDigit)) {
            try {
                int n = Integer.parseInt(s);
                return n >= 1 && n <= 64 ? n : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        if (s.startsWith("SIG")) {
            s = s.substring(3);
        }
        if (s.startsWith("RTMIN") || s.startsWith("RTMAX")) {
            return -1;
        }
        int i = NAMES.indexOf(s);
        return i < 0 ? -1 : i + 1;
    }
}
