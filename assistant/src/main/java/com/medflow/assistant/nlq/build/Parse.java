package com.medflow.assistant.nlq.build;

import com.medflow.assistant.nlq.match.Span;
import com.medflow.assistant.nlq.text.Token;
import com.medflow.assistant.nlq.vocab.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The nodes of one reading of a question, in question order, with the tokens they came from. Rules
 * look at runs of nodes; filters and periods already read are transparent (a run may step over them:
 * "how many Texas members" is how-many + members with a state filter in between).
 */
final class Parse {
  final List<Node> nodes = new ArrayList<>();
  final List<Token> tokens;
  final List<String> notes = new ArrayList<>();
  /** Other readings a rule found (genuine ambiguity): each is read to the end separately. */
  final List<Parse> alternatives = new ArrayList<>();

  Parse(List<Token> tokens, List<Span> spans) {
    this.tokens = tokens;
    spans.forEach(s -> nodes.add(new Node.Raw(s)));
  }

  private Parse(Parse other) {
    this.tokens = other.tokens;
    this.nodes.addAll(other.nodes);
    this.notes.addAll(other.notes);
  }

  Parse copy() {
    return new Parse(this);
  }

  int size() {
    return nodes.size();
  }

  Node get(int i) {
    return i >= 0 && i < nodes.size() ? nodes.get(i) : null;
  }

  static boolean transparent(Node n) {
    return n instanceof Node.Filtered || n instanceof Node.Timed;
  }

  /** Index of the next non-transparent node after {@code i}, or -1. */
  int next(int i) {
    for (int k = i + 1; k < nodes.size(); k++) {
      if (!transparent(nodes.get(k))) {
        return k;
      }
    }
    return -1;
  }

  /** Index of the previous non-transparent node before {@code i}, or -1. */
  int prev(int i) {
    for (int k = i - 1; k >= 0; k--) {
      if (!transparent(nodes.get(k))) {
        return k;
      }
    }
    return -1;
  }

  Optional<Node.Raw> raw(int i) {
    return get(i) instanceof Node.Raw r ? Optional.of(r) : Optional.empty();
  }

  boolean isRaw(int i, Kind k) {
    return raw(i).filter(r -> r.is(k)).isPresent();
  }

  boolean isRaw(int i, Kind k, String key) {
    return raw(i).filter(r -> r.is(k, key)).isPresent();
  }

  boolean any(Predicate<Node> p) {
    return nodes.stream().anyMatch(p);
  }

  /** Replaces the nodes at {@code indices} (ascending) with {@code replacements}, placed at the first index. */
  void rewrite(int[] indices, Node... replacements) {
    int first = indices[0];
    for (int k = indices.length - 1; k >= 0; k--) {
      nodes.remove(indices[k]);
    }
    for (int k = replacements.length - 1; k >= 0; k--) {
      nodes.add(first, replacements[k]);
    }
  }

  void replace(int i, Node replacement) {
    nodes.set(i, replacement);
  }

  void remove(int i) {
    nodes.remove(i);
  }

  /** The words of the question between two nodes (exclusive), lower case: "to" in "18 to 64". */
  List<String> wordsBetween(int fromTokenExclusive, int toTokenExclusive) {
    List<String> out = new ArrayList<>();
    for (int k = fromTokenExclusive; k < toTokenExclusive && k < tokens.size(); k++) {
      if (k >= 0) {
        out.add(tokens.get(k).text());
      }
    }
    return out;
  }

  /** The token index right after node {@code i}. */
  int endToken(int i) {
    Node n = nodes.get(i);
    if (n instanceof Node.Raw r) {
      return r.span().end();
    }
    int next = i + 1 < nodes.size() ? nodes.get(i + 1).start() : tokens.size();
    return Math.max(n.start() + 1, Math.min(next, tokens.size()));
  }
}
