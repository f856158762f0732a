package io.jswarm.compose.yaml;

import java.util.List;

public record YSeq(List<YNode> items, Position pos) implements YNode {
    public YSeq {
        items = List.copyOf(items);
    }

    @Override
    public String kindName() {
        return "a list";
    }
}
