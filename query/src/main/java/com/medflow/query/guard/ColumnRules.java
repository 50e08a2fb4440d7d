package com.medflow.query.guard;

import static com.medflow.query.guard.SqlRefusedException.refuse;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;

/**
 * Resolves column references against scopes, aliases, lambda variables and outer queries; refusals for unknown,
 * ambiguous and personal-data columns.
 */
final class ColumnRules {
  private static final Pattern SUFFIXED_INTEGER = Pattern.compile("\\d{1,19}[Ll]");

  private final GuardContext context;

  ColumnRules(GuardContext context) {
    this.context = requireNonNull(context, "context is null");
  }

  static boolean isNumericColumn(Column c) {
    return c.getTable() == null && SUFFIXED_INTEGER.matcher(c.getColumnName()).matches();
  }

  static List<String> qualifierParts(Table t) {
    if (t == null || t.getNameParts() == null || t.getNameParts().isEmpty()) {
      return List.of();
    }
    List<String> raw = new ArrayList<>(t.getNameParts());
    java.util.Collections.reverse(raw);
    List<String> out = new ArrayList<>();
    for (String r : raw) {
      String p = SqlText.unquote(r == null ? "" : r);
      if (!SqlText.isSimple(p)) {
        throw refuse(RefusalCode.UNKNOWN_COLUMN, "%s is not a valid table qualifier.", t.getFullyQualifiedName());
      }
      out.add(p.toLowerCase(Locale.ROOT));
    }
    return out;
  }

  String qualifier(Relation r) {
    return context.ident(r.printName());
  }

  /** The relation a qualifier names in the innermost scope that has it. */
  Optional<Relation> relationByQualifier(Scope scope, List<String> q) {
    for (Scope s = scope; s != null; s = s.outer) {
      Optional<Relation> r = relationIn(s, q);
      if (r.isPresent()) {
        return r;
      }
    }
    return Optional.empty();
  }

  private Optional<Relation> relationIn(Scope s, List<String> q) {
    List<String> p = q.size() >= 3 && q.get(0).equals(context.catalog()) ? q.subList(1, q.size()) : q;
    for (Relation r : s.relations) {
      if (p.size() == 1 && p.get(0).equals(r.key())) {
        return Optional.of(r);
      }
      if (p.size() == 2 && r.table() != null && r.key().equals(r.table().name())
          && r.table().namespace().equals(p.get(0)) && r.table().name().equals(p.get(1))) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  ColumnRef columnRef(Column c, Ctx ctx) {
    NodeAudit.check(c, Set.of("table", "columnName", "tableDelimiter", "arrayConstructor"));
    if (c.getTableDelimiter() != null && !c.getTableDelimiter().equals(".")) {
      throw refuse(RefusalCode.PARSE_ERROR, "Unsupported column reference %s.", c.getFullyQualifiedName());
    }
    String raw = c.getColumnName();
    String name = SqlText.unquote(raw);
    if (!SqlText.isSimple(name) && !(raw.startsWith("`") && isPrintableName(name))) {
      throw refuse(RefusalCode.UNKNOWN_COLUMN, "Unknown column %s.", c.getFullyQualifiedName());
    }
    String lower = name.toLowerCase(Locale.ROOT);
    List<String> q = qualifierParts(c.getTable());
    if (!q.isEmpty()) {
      Relation r = relationByQualifier(ctx.scope(), q).orElseThrow(() -> refuse(RefusalCode.UNKNOWN_COLUMN,
          "Unknown column %s: no table or alias named %s in this query.", c.getFullyQualifiedName(), String.join(".", q)));
      Col col = r.col(lower).orElseThrow(() -> refuse(RefusalCode.UNKNOWN_COLUMN,
          "Unknown column %s: %s has no column %s. Its columns are: %s.", c.getFullyQualifiedName(), r.describe(), name,
          columnList(r)));
      return new ColumnRef(qualifier(r) + "." + context.ident(col.name()), col.name(), col.pii());
    }
    for (Set<String> vars : context.lambdaVariables()) {
      if (vars.contains(lower)) {
        return new ColumnRef(context.ident(name), name, false);
      }
    }
    for (Scope s = ctx.scope(); s != null; s = s.outer) {
      List<Relation> matches = new ArrayList<>();
      for (Relation r : s.relations) {
        if (r.col(lower).isPresent()) {
          matches.add(r);
        }
      }
      Output alias = null;
      if (s == ctx.scope()) {
        for (int i = 0; i < Math.min(ctx.aliases(), s.outputs.size()); i++) {
          if (lower.equals(s.outputs.get(i).key())) {
            alias = s.outputs.get(i);
            break;
          }
        }
      }
      if (matches.size() > 1 && !s.usingColumns.contains(lower)) {
        throw refuse(RefusalCode.UNKNOWN_COLUMN, "Column %s is ambiguous: it exists in %s. Qualify it, e.g. %s.%s.", name,
            matches.stream().map(Relation::describe).collect(Collectors.joining(" and ")),
            matches.get(0).printName() == null ? "t" : matches.get(0).printName(), name);
      }
      if (!matches.isEmpty()) {
        boolean pii = false;
        Col first = null;
        for (Relation r : matches) {
          Col col = r.col(lower).orElseThrow();
          pii |= col.pii();
          if (first == null) {
            first = col;
          }
        }
        boolean viaAlias = !pii && alias != null && alias.piiBare();
        pii |= viaAlias;
        return new ColumnRef(context.ident(first.name()), first.name(), pii, viaAlias ? alias.describe() : first.name());
      }
      if (alias != null) {
        return new ColumnRef(context.ident(alias.name()), alias.name(), alias.piiBare(), alias.describe());
      }
    }
    throw refuse(RefusalCode.UNKNOWN_COLUMN, "Unknown column %s. %s", name, inScope(ctx.scope()));
  }

  private static boolean isPrintableName(String name) {
    try {
      SqlText.ident(name);
      return true;
    } catch (SqlRefusedException e) {
      return false;
    }
  }

  private static String columnList(Relation r) {
    return r.cols().stream().map(Col::name).filter(n -> n != null).collect(Collectors.joining(", "));
  }

  private static String inScope(Scope scope) {
    if (scope.relations.isEmpty()) {
      return "The query reads no table.";
    }
    StringJoiner sj = new StringJoiner("; ", "Columns in scope: ", ".");
    for (Relation r : scope.relations) {
      sj.add(r.describe() + ": " + columnList(r));
    }
    return sj.toString();
  }

  static SqlRefusedException piiRefusal(String column, Clause clause) {
    return refuse(RefusalCode.PII_NOT_ALLOWED,
        "%s is personal data: business users may count it (count(DISTINCT ...), approx_count_distinct(...)) or list it "
            + "as a plain result column, which is masked, but not read, filter, group, sort, join on or transform it "
            + "(found in %s).", column, clause.where);
  }
}
