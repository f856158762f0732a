package io.jswarm.compose.env;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assertions;

/** Laws of the substitution syntax, over generated text. */
class SubstitutionPropertiesTest {
    private static final Map<String, String> ENV = Map.of("A", "x$y", "B", "");

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().withChars("ab ${}:-?+$_\\\"'\n").ofMaxLength(30);
    }

    @Property(tries = 500)
    void escapingEveryDollarGivesTheTextBack(@ForAll("text") String s) {
        Assertions.assertEquals(s, Substitution.apply(s.replace("$", "$$"), ENV::get, n -> { }));
    }

    @Property(tries = 500)
    void valuesAreNotInterpolatedAgain(@ForAll("text") String s) {
        String literal = s.replace("$", "$$");
        Assertions.assertEquals("x$y" + s, Substitution.apply("${A}" + literal, ENV::get, n -> { }));
    }

    @Property(tries = 500)
    void anyInputEitherExpandsOrFailsWithAMessage(@ForAll("text") String s) {
        try {
            Substitution.apply(s, ENV::get, n -> { });
        } catch (SubstitutionException e) {
            Assertions.assertFalse(e.getMessage().isBlank());
        }
    }
}
