package io.jswarm.compose.yaml;

/**
 * A YAML node with the position it came from. The loader works on this tree instead of Jackson's
 * because Jackson forgets positions after parsing and does not apply {@code <<} merge keys.
 * Every node is immutable, so stages return new trees and aliases may share subtrees safely.
 */
public sealed interface YNode permits YMap, YSeq, YScalar {
    Position pos();

    /** A short word for error messages: "a mapping", "a list", "a string", … */
    String kindName();
}
