package io.jswarm.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class UserResolverTest {
    static final String PASSWD = "root:x:0:0:root:/root:/bin/sh\nwww:x:33:33::/var/www:/bin/false\n";
    static final String GROUP = "root:x:0:\nwww:x:33:\nadm:x:4:www,root\nstaff:x:50:\n";

    @Test
    void defaultIsRoot() {
        assertEquals(ContainerUser.ROOT, UserResolver.resolve(null, PASSWD, GROUP));
    }

    @Test
    void nameGivesUidGidAndSupplementaryGroups() {
        assertEquals(new ContainerUser(33, 33, List.of(4)), UserResolver.resolve("www", PASSWD, GROUP));
    }

    @Test
    void explicitGroupByNameOrNumber() {
        assertEquals(new ContainerUser(33, 50, List.of(4)), UserResolver.resolve("www:staff", PASSWD, GROUP));
        assertEquals(new ContainerUser(1234, 99, List.of()), UserResolver.resolve("1234:99", PASSWD, GROUP));
    }

    @Test
    void unknownNumericUidIsAllowedWithGroupZero() {
        assertEquals(new ContainerUser(1234, 0, List.of()), UserResolver.resolve("1234", null, null));
    }

    @Test
    void unknownNamesAreErrors() {
        assertEquals("container.user", assertThrows(ContainerConfigException.class,
                () -> UserResolver.resolve("nobody", PASSWD, GROUP)).field());
        assertThrows(ContainerConfigException.class, () -> UserResolver.resolve("www:nogroup", PASSWD, GROUP));
    }
}
