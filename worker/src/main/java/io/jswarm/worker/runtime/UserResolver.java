package io.jswarm.worker.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves Docker's user syntax ({@code uid}, {@code uid:gid}, {@code name}, {@code name:group})
 * against the image's /etc/passwd and /etc/group contents, as Docker does: a numeric uid that is
 * not in passwd is allowed (gid 0), a name that is not there is an error, supplementary groups
 * come from /etc/group membership. Pure: callers read the files.
 */
public final class UserResolver {
    private UserResolver() {}

    private record PasswdEntry(String name, int uid, int gid) {}

    private record GroupEntry(String name, int gid, List<String> members) {}

    public static ContainerUser resolve(String user, String passwd, String group) {
        if (user == null || user.isBlank()) {
            return ContainerUser.ROOT;
        }
        List<PasswdEntry> users = parsePasswd(passwd);
        List<GroupEntry> groups = parseGroup(group);
        String[] parts = user.strip().split(":", 2);
        String userPart = parts[0];
        Optional<PasswdEntry> entry = isNumber(userPart)
                ? users.stream().filter(u -> u.uid == Integer.parseInt(userPart)).findFirst()
                : users.stream().filter(u -> u.name.equals(userPart)).findFirst();
        if (entry.isEmpty() && !isNumber(userPart)) {
            throw new ContainerConfigException("container.user", "user \"" + userPart + "\" is not in the image's /etc/passwd");
        }
        int uid = entry.map(PasswdEntry::uid).orElseGet(() -> Integer.parseInt(userPart));
        int gid = entry.map(PasswdEntry::gid).orElse(0);
        if (parts.length == 2) {
            String groupPart = parts[1];
            if (isNumber(groupPart)) {
                gid = Integer.parseInt(groupPart);
            } else {
                gid = groups.stream().filter(g -> g.name.equals(groupPart)).findFirst()
                        .orElseThrow(() -> new ContainerConfigException("container.user",
                                "group \"" + groupPart + "\" is not in the image's /etc/group"))
                        .gid();
            }
        }
        List<Integer> extra = new ArrayList<>();
        if (entry.isPresent()) {
            String name = entry.get().name();
            for (GroupEntry g : groups) {
                if (g.members.contains(name) && g.gid != gid && !extra.contains(g.gid)) {
                    extra.add(g.gid);
                }
            }
        }
        return new ContainerUser(uid, gid, extra);
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.length() < 10 && s.chars().allMatch(Character::isDigit);
    }

    private static List<PasswdEntry> parsePasswd(String text) {
        List<PasswdEntry> out = new ArrayList<>();
        for (String line : lines(text)) {
            String[] f = line.split(":", -1);
            if (f.length >= 4 && isNumber(f[2]) && isNumber(f[3])) {
                out.add(new PasswdEntry(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3])));
            }
        }
        return out;
    }

    private static List<GroupEntry> parseGroup(String text) {
        List<GroupEntry> out = new ArrayList<>();
        for (String line : lines(text)) {
            String[] f = line.split(":", -1);
            if (f.length >= 3 && isNumber(f[2])) {
                List<String> members = f.length >= 4 && !f[3].isBlank() ? List.of(f[3].split(",")) : List.of();
                out.add(new GroupEntry(f[0], Integer.parseInt(f[2]), members));
            }
        }
        return out;
    }

    private static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
}
