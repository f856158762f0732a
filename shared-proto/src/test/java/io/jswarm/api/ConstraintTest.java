package io.jswarm.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jswarm.api.placement.Constraint;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstraintTest {

    @Test
    void dockerOperatorsCompareCaseInsensitively() {
        Constraint eq = Constraint.parse("node.labels.zone == EU");
        assertEquals("node.labels.zone", eq.key());
        assertTrue(eq.matches("eu"));
        assertFalse(eq.matches("us"));
        assertFalse(eq.matches(null));
        Constraint ne = Constraint.parse("node.role!=manager");
        assertTrue(ne.matches("worker"));
        assertTrue(ne.matches(null));
    }

    @Test
    void setsAndRegularExpressionsAreJswarmExtensions() {
        Constraint in = Constraint.parse("node.labels.zone in (eu-1, eu-2)");
        assertEquals(Constraint.Operator.IN, in.operator());
        assertEquals(List.of("eu-1", "eu-2"), in.values());
        assertTrue(in.matches("EU-2"));
        assertFalse(in.matches("us-1"));
        Constraint notIn = Constraint.parse("node.hostname not in (a,b)");
        assertTrue(notIn.matches("c"));
        assertFalse(notIn.matches("a"));
        assertTrue(Constraint.parse("node.hostname=~^web-[0-9]+$").matches("web-12"));
        assertFalse(Constraint.parse("node.hostname!~^web-").matches("web-12"));
    }

    @Test
    void labelNamesKeepTheirCase() {
        assertEquals("node.labels.Zone", Constraint.parse("node.labels.Zone==x").key());
        assertEquals("node.hostname", Constraint.parse("NODE.HOSTNAME==x").key());
    }

    @Test
    void malformedConstraintsSayWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Constraint.parse("node.labels.zone=eu"))
                .getMessage().contains("KEY==VALUE"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Constraint.parse("node.labels.zone=="))
                .getMessage().contains("no value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Constraint.parse("node.labels.zone in (a,,b)"))
                .getMessage().contains("empty value"));
        assertThrows(IllegalArgumentException.class, () -> Constraint.parse(""));
    }
}
