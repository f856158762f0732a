package io.jswarm.compose.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class DotEnvParserTest {
    /** compose-go's own fixtures; present in CI and the team's machines, not on users'. */
    static final Path FIXTURES = Path.of("..", "..", "shared", "compose-fixtures", "compose-go-dotenv");

    private static Map<String, String> parse(String text) {
        return DotEnvParser.parse(text, Map.of("HOME", "/home/me", "FROM_ENV", "inherited")::get);
    }

    @Test
    void plainValuesCommentsAndSpacing() {
        Map<String, String> env = parse("""
                # a comment
                A=1
                B = 2
                  C= 3  
                D=a=b
                E=x # inline comment
                F=x#not a comment
                G=
                export H=4
                export\tI=5
                J: yaml style
                K=1:B
                """);
        assertEquals(Map.of("A", "1", "B", "2", "C", "3", "D", "a=b", "E", "x", "F", "x#not a comment", "G", "",
                "H", "4", "I", "5", "J", "yaml style"), without(env, "K"));
        assertEquals("1:B", env.get("K"));
    }

    private static Map<String, String> without(Map<String, String> m, String key) {
        var copy = new java.util.HashMap<>(m);
        copy.remove(key);
        return copy;
    }

    @Test
    void quotes() {
        Map<String, String> env = parse("""
                S='single $HOME \\n'
                Q="double $HOME"
                N="a\\nb"
                E="escaped\\"quote"
                L='Let\\'s go!'
                H="bar#baz" # comment
                ML="first
                second"
                ML2='one
                two'
                D="cost \\$5 and \\${HOME}"
                X="bar\\n\\ b\\az"
                """);
        assertEquals("single $HOME \\n", env.get("S"));
        assertEquals("double /home/me", env.get("Q"));
        assertEquals("a\nb", env.get("N"));
        assertEquals("escaped\"quote", env.get("E"));
        assertEquals("Let's go!", env.get("L"));
        assertEquals("bar#baz", env.get("H"));
        assertEquals("first\nsecond", env.get("ML"));
        assertEquals("one\ntwo", env.get("ML2"));
        assertEquals("cost $5 and ${HOME}", env.get("D"));
        assertEquals("bar\n baz", env.get("X"));
    }

    @Test
    void interpolationUsesEarlierLinesThenTheEnvironment() {
        Map<String, String> env = parse("A=1\nB=${A}_$A\nC=${MISSING:-dflt}\nD=$FROM_ENV\nA=2\nE=$A\n");
        assertEquals("1_1", env.get("B"));
        assertEquals("dflt", env.get("C"));
        assertEquals("inherited", env.get("D"));
        assertEquals("2", env.get("E"));
    }

    @Test
    void bareKeyInheritsFromTheEnvironmentOrIsSkipped() {
        Map<String, String> env = parse("FROM_ENV\nNOT_THERE\n");
        assertEquals("inherited", env.get("FROM_ENV"));
        assertFalse(env.containsKey("NOT_THERE"));
    }

    @Test
    void byteOrderMarkAndWindowsLineEndings() {
        assertEquals(Map.of("A", "1", "B", "2"), parse("\uFEFFA=1\r\nB=2\r\n"));
    }

    @Test
    void errorsNameTheLine() {
        DotEnvException e = assertThrows(DotEnvException.class, () -> parse("A=1\n\nINVALID LINE\n"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("unexpected character \" \" in variable name \"INVALID LINE\""), e.getMessage());
        e = assertThrows(DotEnvException.class, () -> parse("A=1\nB=\"never closed\nC=3\n"));
        assertEquals(2, e.line());
        assertThrows(DotEnvException.class, () -> parse("=value\n"));
        assertThrows(DotEnvException.class, () -> parse("lol$wut\n"));
        e = assertThrows(DotEnvException.class, () -> parse("A=1\nB=${NOPE:?must be set}\n"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("must be set"));
    }

    // --- compose-go's fixtures (skipped when ../shared is absent) ---

    private static Map<String, String> fixture(String name) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(FIXTURES), "compose-go fixtures not present at " + FIXTURES.toAbsolutePath() + "; skipped");
        return DotEnvParser.parse(Files.readString(FIXTURES.resolve(name), StandardCharsets.UTF_8), k -> null);
    }

    @Test
    void composeGoPlainAndBom() throws IOException {
        for (String f : new String[] {"plain.env", "utf8-bom.env"}) {
            Map<String, String> env = fixture(f);
            assertEquals("1", env.get("OPTION_A"), f);
            assertEquals("2", env.get("OPTION_B"), f);
            assertEquals("3", env.get("OPTION_C"), f);
            assertEquals("4", env.get("OPTION_D"), f);
            assertEquals("5", env.get("OPTION_E"), f);
            assertEquals("ABC", env.get("456"), f);
            assertEquals("", env.get("OPTION_F"), f);
            assertEquals("", env.get("OPTION_G"), f);
            assertEquals("my string", env.get("OPTION_H"), f);
        }
    }

    @Test
    void composeGoQuoted() throws IOException {
        Map<String, String> env = fixture("quoted.env");
        assertEquals("1", env.get("OPTION_A"));
        assertEquals("2", env.get("OPTION_B"));
        assertEquals("", env.get("OPTION_C"));
        assertEquals("\\n", env.get("OPTION_D"));
        assertEquals("1", env.get("OPTION_E"));
        assertEquals("2", env.get("OPTION_F"));
        assertEquals("", env.get("OPTION_G"));
        assertEquals("\n", env.get("OPTION_H"));
        assertEquals("echo 'asd'", env.get("OPTION_I"));
        assertEquals("first line\nsecond line\nthird line\nand so on", env.get("OPTION_J"));
        assertEquals("Let's go!", env.get("OPTION_K"));
        assertEquals("last value", env.get("OPTION_Z"));
    }

    @Test
    void composeGoExportedEqualsSpecialUnquoted() throws IOException {
        assertEquals(Map.of("OPTION_A", "2", "OPTION_B", "\\n"), fixture("exported.env"));
        assertEquals(Map.of("OPTION_A", "postgres://localhost:5432/database?sslmode=disable"), fixture("equals.env"));
        assertEquals(Map.of("VAR.WITH.DOTS", "dots", "VAR_WITH_UNDERSCORES", "underscores", "VAR-WITH-DASHES", "dashes"),
                fixture("special.env"));
        Map<String, String> u = fixture("unquoted.env");
        assertEquals("some quoted phrase", u.get("OPTION_A"));
        assertEquals("first one with an unquoted phrase", u.get("OPTION_B"));
        assertEquals("then another one with an unquoted phrase", u.get("OPTION_C"));
        assertEquals("then another one with an unquoted phrase special è char", u.get("OPTION_D"));
        assertEquals("then another one quoted phrase", u.get("OPTION_E"));
    }

    @Test
    void composeGoSubstitutions() throws IOException {
        for (String f : new String[] {"substitutions.env", "substitutions-default.env"}) {
            Map<String, String> env = fixture(f);
            assertEquals("1", env.get("OPTION_A"), f);
            assertEquals("1", env.get("OPTION_B"), f);
            assertEquals("1", env.get("OPTION_C"), f);
            assertEquals("1_1", env.get("OPTION_D"), f);
            assertEquals("", env.get("OPTION_E"), f);
        }
    }

    @Test
    void composeGoInvalidFileIsRejected() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(FIXTURES), "compose-go fixtures not present; skipped");
        DotEnvException e = assertThrows(DotEnvException.class, () -> fixture("invalid1.env"));
        assertEquals(7, e.line(), e.getMessage());
    }
}
