package io.jswarm.compose.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jswarm.compose.ComposeProblem;
import io.jswarm.compose.Diagnostics;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    private static YMap read(String yaml) {
        Diagnostics d = new Diagnostics();
        YNode n = YamlReader.read("f.yml", yaml, d).orElseThrow(() -> new AssertionError(d.errors().toString()));
        assertTrue(d.errors().isEmpty(), d.errors().toString());
        return (YMap) n;
    }

    private static ComposeProblem onlyError(String yaml) {
        Diagnostics d = new Diagnostics();
        YamlReader.read("f.yml", yaml, d);
        List<ComposeProblem> errors = d.errors();
        assertEquals(1, errors.size(), errors.toString());
        return errors.get(0);
    }

    private static String text(YNode n) {
        return ((YScalar) n).value();
    }

    @Test
    void jacksonYamlDoesNotApplyMergeKeysWhichIsWhyTheReaderUsesSnakeYamlNodes() throws Exception {
        // Documents the finding behind YamlReader's design; if Jackson starts merging, this fails
        // and the reader could be simplified.
        var tree = new YAMLMapper().readTree("base: &b {x: 1}\nsvc:\n  <<: *b\n  y: 2\n");
        assertTrue(tree.get("svc").has("<<"));
        assertTrue(!tree.get("svc").has("x"));
    }

    @Test
    void mergeKeysAnchorsAndAliasesWork() {
        YMap root = read("""
                x-base: &base
                  image: busybox
                  environment: {A: "1"}
                x-more: &more
                  image: other
                  user: nobody
                services:
                  web:
                    <<: [*base, *more]
                    image: mine
                  api:
                    <<: *base
                    labels: &labels {a: b}
                  worker:
                    labels: *labels
                """);
        YMap services = (YMap) root.get("services");
        YMap web = (YMap) services.get("web");
        assertEquals("mine", text(web.get("image")), "explicit keys win over merged ones");
        assertEquals("nobody", text(web.get("user")), "later merge sources fill keys the earlier lack");
        assertTrue(web.has("environment"));
        assertTrue(!web.has("<<"));
        YMap api = (YMap) services.get("api");
        assertEquals("busybox", text(api.get("image")));
        assertEquals("b", text(((YMap) ((YMap) services.get("worker")).get("labels")).get("a")));
    }

    @Test
    void explicitKeyWinsEvenWhenWrittenBeforeTheMerge() {
        YMap root = read("b: &b {k: merged}\nm:\n  k: explicit\n  <<: *b\n");
        assertEquals("explicit", text(((YMap) root.get("m")).get("k")));
    }

    @Test
    void positionsAreOneBasedLineAndColumn() {
        YMap root = read("services:\n  web:\n    image: busybox\n");
        YMap web = (YMap) ((YMap) root.get("services")).get("web");
        assertEquals(new Position("f.yml", 3, 5), web.keyPos("image"));
        assertEquals(new Position("f.yml", 3, 12), web.get("image").pos());
    }

    @Test
    void scalarTypesFollowTheCoreSchema() {
        YMap root = read("a: 3\nb: \"3\"\nc: true\nd: no\ne:\nf: 1.5\ng: 2024-01-01\n");
        assertEquals(YScalar.Type.INT, ((YScalar) root.get("a")).type());
        assertEquals(YScalar.Type.STRING, ((YScalar) root.get("b")).type());
        assertEquals(YScalar.Type.BOOL, ((YScalar) root.get("c")).type());
        assertEquals(YScalar.Type.BOOL, ((YScalar) root.get("d")).type());
        assertEquals(YScalar.Type.NULL, ((YScalar) root.get("e")).type());
        assertEquals(YScalar.Type.FLOAT, ((YScalar) root.get("f")).type());
        assertEquals(YScalar.Type.STRING, ((YScalar) root.get("g")).type());
    }

    @Test
    void duplicateKeysAreRefusedWithBothLines() {
        ComposeProblem p = onlyError("services:\n  web:\n    image: a\n    image: b\n");
        assertEquals(4, p.line());
        assertEquals(5, p.column());
        assertTrue(p.message().contains("duplicate key \"image\" (first defined at line 3)"), p.message());
    }

    @Test
    void tabsInIndentationGetAClearMessage() {
        ComposeProblem p = onlyError("services:\n  web:\n\timage: a\n");
        assertEquals(3, p.line());
        assertEquals(1, p.column());
        assertTrue(p.message().contains("tab character in indentation"), p.message());
    }

    @Test
    void billionLaughsIsRefusedWithAPosition() {
        StringBuilder y = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 9; i++) {
            y.append("a").append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 9; k++) {
                y.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            y.append("]\n");
        }
        ComposeProblem p = onlyError(y.toString());
        assertTrue(p.message().contains("alias bomb"), p.message());
        assertTrue(p.line() >= 6, "points at the level where expansion exceeds the limit: " + p);
    }

    @Test
    void deepNestingIsRefused() {
        String y = "a: " + "[".repeat(200) + "]".repeat(200) + "\n";
        ComposeProblem p = onlyError(y);
        assertEquals(1, p.line());
        assertTrue(p.message().toLowerCase().contains("nesting"), p.message());
    }

    @Test
    void recursiveAliasIsRefused() {
        ComposeProblem p = onlyError("a: &x\n  - *x\n");
        assertTrue(p.message().contains("recursive"), p.message());
    }

    @Test
    void syntaxErrorsCarryThePosition() {
        ComposeProblem p = onlyError("services:\n  web:\n    image: [a\n");
        assertTrue(p.line() >= 3, p.toString());
        assertTrue(p.message().startsWith("invalid YAML"), p.message());
    }

    @Test
    void emptyDocumentIsAnEmptyMapping() {
        assertTrue(read("# nothing\n").entries().isEmpty());
    }

    @Test
    void byteOrderMarkIsSkipped() {
        assertEquals("b", text(read("\uFEFFa: b\n").get("a")));
    }

    @Test
    void hugeDocumentsAreRefused() {
        String huge = "a: \"" + "x".repeat(YamlReader.MAX_CODE_POINTS + 10) + "\"\n";
        ComposeProblem p = onlyError(huge);
        assertTrue(p.message().contains("larger than " + YamlReader.MAX_CODE_POINTS + " characters"), p.message());
    }

    @Test
    void severalDocumentsAreRefused() {
        ComposeProblem p = onlyError("a: 1\n---\nb: 2\n");
        assertEquals(2, p.line());
    }
}
