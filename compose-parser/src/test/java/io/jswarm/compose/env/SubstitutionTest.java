package io.jswarm.compose.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SubstitutionTest {
    private static final Map<String, String> ENV = Map.of("SET", "value", "EMPTY", "", "B", "bee", "N", "3");

    private static String sub(String template) {
        return Substitution.apply(template, ENV::get, name -> { });
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "plain text|plain text",
        "$SET|value",
        "${SET}|value",
        "x${SET}y|xvaluey",
        "$SET.suffix|value.suffix",
        "${UNSET:-d}|d",
        "${EMPTY:-d}|d",
        "${SET:-d}|value",
        "${UNSET-d}|d",
        "${EMPTY-d}|''",
        "${SET:+alt}|alt",
        "${EMPTY:+alt}|''",
        "${UNSET:+alt}|''",
        "${SET+alt}|alt",
        "${EMPTY+alt}|alt",
        "${UNSET+alt}|''",
        "${UNSET:-${B:-c}}|bee",
        "${UNSET:-${ALSO_UNSET:-c}}|c",
        "${UNSET:-a ${B} z}|a bee z",
        "${UNSET:-}|''",
        "$$SET|$SET",
        "$${SET}|${SET}",
        "cost: $$5|cost: $5",
        "${UNSET:-$$}|$",
        "${SET:?never evaluated}|value",
        "${SET:-${UNSET:?not evaluated because SET is set}}|value",
        "${UNSET:-{braces}}|{braces}",
    })
    void expands(String template, String expected) {
        assertEquals(expected.equals("''") ? "" : expected, sub(template));
    }

    @Test
    void requiredVariablesFailWithTheirMessage() {
        SubstitutionException e = assertThrows(SubstitutionException.class, () -> sub("${DB_PASSWORD:?set it in .env}"));
        assertEquals("DB_PASSWORD", e.variable());
        assertEquals("required variable DB_PASSWORD is missing a value: set it in .env", e.getMessage());
        assertThrows(SubstitutionException.class, () -> sub("${EMPTY:?}"));
        assertEquals("", sub("${EMPTY?}"), "without ':' an empty value counts as set");
        e = assertThrows(SubstitutionException.class, () -> sub("${UNSET?}"));
        assertEquals("required variable UNSET is missing a value", e.getMessage());
    }

    @Test
    void errorMessageMayItselfUseVariables() {
        SubstitutionException e = assertThrows(SubstitutionException.class, () -> sub("${UNSET:?need $N replicas}"));
        assertTrue(e.getMessage().endsWith("need 3 replicas"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"${SET|unclosed", "trailing $|lone", "${}|invalid variable name", "${1X}|invalid variable name",
        "${SET:x}|invalid interpolation", "a $ b|invalid '$ '", "${SET!x}|invalid interpolation"})
    void syntaxErrors(String template, String fragment) {
        SubstitutionException e = assertThrows(SubstitutionException.class, () -> sub(template));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void bareUnsetVariablesAreReportedAndBecomeEmpty() {
        List<String> unset = new ArrayList<>();
        assertEquals("a--b", Substitution.apply("a-$NOPE-${NADA}b", ENV::get, unset::add));
        assertEquals(List.of("NOPE", "NADA"), unset);
        unset.clear();
        Substitution.apply("${NOPE:-x}", ENV::get, unset::add);
        assertTrue(unset.isEmpty(), "a default means the user thought about it: no warning");
    }

    @Test
    void textWithoutDollarIsReturnedAsIs() {
        String s = "no variables";
        assertTrue(s == Substitution.apply(s, k -> null, k -> { }));
        assertNull(ENV.get("UNSET"));
    }
}
