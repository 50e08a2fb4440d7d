package com.medflow.query.guard;

import static com.medflow.query.guard.SqlRefusedException.refuse;
import static java.util.Objects.requireNonNull;

import com.medflow.model.TableId;
import com.medflow.model.TableSpec;
import com.medflow.model.Tables;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.sf.jsqlparser.schema.Table;

/**
 * Resolves a written table name to a contract table (refusing files, other catalogs, system and Iceberg metadata
 * tables) and checks time travel clauses.
 */
final class TableNames {
  private static final Set<String> FILE_FORMATS = Set.of("parquet", "csv", "json", "orc", "text", "avro", "delta",
      "binaryfile", "jdbc", "iceberg", "hive", "xml", "file", "hdfs", "s3", "s3a");
  private static final Set<String> SYSTEM_NAMESPACES = Set.of("information_schema", "system", "sys");
  private static final Pattern VERSION_AS_OF = Pattern.compile(
      "\\s*(?:FOR\\s+)?(?:SYSTEM_)?VERSION\\s+AS\\s+OF\\s+(\\d{1,19})\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern TIMESTAMP_AS_OF = Pattern.compile(
      "\\s*(?:FOR\\s+)?(?:SYSTEM_TIME|TIMESTAMP)\\s+AS\\s+OF\\s+(?:TIMESTAMP\\s*)?'([0-9: .T\\-]{10,26})'\\s*",
      Pattern.CASE_INSENSITIVE);

  private final GuardContext context;

  TableNames(GuardContext context) {
    this.context = requireNonNull(context, "context is null");
  }

  /** The parts of a table name, unquoted and lower-cased; refuses paths and malformed names. */
  static List<String> tableParts(Table t) {
    List<String> raw = new ArrayList<>(t.getNameParts());
    java.util.Collections.reverse(raw);
    List<String> parts = new ArrayList<>();
    for (String r : raw) {
      String p = SqlText.unquote(r == null ? "" : r);
      if (p.contains("/") || p.contains(":") || p.contains("\\")) {
        throw refuse(RefusalCode.UNKNOWN_TABLE, "Reading files by path (%s) is not allowed: select from the contract tables.",
            t.getFullyQualifiedName());
      }
      for (String piece : p.split("\\.", -1)) {
        if (!SqlText.isSimple(piece)) {
          throw refuse(RefusalCode.UNKNOWN_TABLE, "%s is not a valid table name.", t.getFullyQualifiedName());
        }
        parts.add(piece.toLowerCase(Locale.ROOT));
      }
    }
    if (parts.isEmpty()) {
      throw refuse(RefusalCode.UNKNOWN_TABLE, "Missing table name.");
    }
    return parts;
  }

  TableId resolveTable(List<String> parts, String written) {
    if (parts.stream().anyMatch(SYSTEM_NAMESPACES::contains)) {
      throw refuse(RefusalCode.METADATA_TABLE, "%s is a system or metadata table; query the contract tables instead.",
          written);
    }
    if (parts.size() >= 2 && FILE_FORMATS.contains(parts.get(0))) {
      throw refuse(RefusalCode.UNKNOWN_TABLE, "Reading files directly (%s) is not allowed: select from the contract tables.",
          written);
    }
    if (parts.size() == 2 && (parts.get(0).equals("spark_catalog") || parts.get(0).equals(context.catalog()))
        || parts.size() >= 3 && parts.get(0).equals("spark_catalog")) {
      throw refuse(RefusalCode.UNKNOWN_TABLE, "%s is not a table of the lake catalog. Tables you may query: %s.", written,
          readableTables());
    }
    final List<String> p = parts.size() >= 3 && parts.get(0).equals(context.catalog())
        ? parts.subList(1, parts.size()) : parts;
    if (p.size() == 1) {
      String name = p.get(0);
      List<TableSpec> matches = Tables.ALL.stream().filter(s -> s.id().name().equals(name)).toList();
      if (matches.size() == 1) {
        return matches.get(0).id();
      }
      throw refuse(RefusalCode.UNKNOWN_TABLE, "Unknown table %s. Tables you may query: %s.", written, readableTables());
    }
    Optional<TableId> direct = contractTable(p.get(0), p.get(1));
    if (p.size() == 2) {
      if (direct.isPresent()) {
        return direct.get();
      }
      if (Tables.ALL.stream().anyMatch(s -> s.id().name().equals(p.get(0)))) {
        throw refuse(RefusalCode.METADATA_TABLE,
            "%s is Iceberg metadata (snapshots, history, files, manifests, branches, tags), not a query table.", written);
      }
      throw refuse(RefusalCode.UNKNOWN_TABLE, "Unknown table %s. Tables you may query: %s.", written, readableTables());
    }
    if (direct.isPresent()) {
      throw refuse(RefusalCode.METADATA_TABLE,
          "%s is Iceberg metadata (snapshots, history, files, manifests, branches, tags), not a query table. "
              + "For an older version use %s VERSION AS OF <snapshot id>.", written, direct.get());
    }
    throw refuse(RefusalCode.UNKNOWN_TABLE, "%s is not a table of the lake catalog. Tables you may query: %s.", written,
        readableTables());
  }

  private static Optional<TableId> contractTable(String namespace, String name) {
    return Tables.ALL.stream().map(TableSpec::id)
        .filter(id -> id.namespace().equals(namespace) && id.name().equals(name)).findFirst();
  }

  String readableTables() {
    return Tables.ALL.stream().map(TableSpec::id).filter(context.role()::mayRead).map(TableId::toString)
        .collect(Collectors.joining(", "));
  }

  String timeTravel(String clause) {
    if (clause == null || clause.isBlank()) {
      return "";
    }
    Matcher v = VERSION_AS_OF.matcher(clause);
    if (v.matches()) {
      context.markTimeTravel();
      return context.dialect().versionAsOf(LimitRules.parseInteger(v.group(1), "snapshot id"));
    }
    Matcher ts = TIMESTAMP_AS_OF.matcher(clause);
    if (ts.matches()) {
      String value = ts.group(1).trim();
      try {
        if (value.length() == 10) {
          LocalDate.parse(value);
        } else {
          LocalDateTime.parse(value.replace(' ', 'T'));
        }
      } catch (DateTimeParseException e) {
        throw refuse(RefusalCode.PARSE_ERROR, "'%s' is not a valid timestamp for TIMESTAMP AS OF.", value);
      }
      context.markTimeTravel();
      return context.dialect().timestampAsOf(value);
    }
    throw refuse(RefusalCode.TOO_COMPLEX,
        "Time travel must be VERSION AS OF <snapshot id> or TIMESTAMP AS OF '<yyyy-MM-dd HH:mm:ss>' (found%s).", clause);
  }
}
