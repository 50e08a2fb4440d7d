package com.medflow.server.catalog;

import static java.util.Objects.requireNonNull;

import com.medflow.lake.Lake;
import com.medflow.lake.SnapshotInfo;
import com.medflow.model.Role;
import com.medflow.model.TableId;
import com.medflow.model.TableSpec;
import com.medflow.model.Tables;
import com.medflow.query.QueryService;
import com.medflow.query.SqlAnswer;
import com.medflow.server.http.ApiException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/** The catalog as the API shows it: tables a role may read, their snapshots, and a (time-travel) preview. */
public final class CatalogService {
  private final Lake lake;
  private final QueryService queries;

  public CatalogService(Lake lake, QueryService queries) {
    this.lake = requireNonNull(lake, "lake is null");
    this.queries = requireNonNull(queries, "queries is null");
  }

  public record Column(String name, String type, String description, boolean pii) {}

  /** {@code location}: where the table's files live (s3://… or file:/…); null before the table exists. */
  public record TableInfo(String name, String namespace, String table, String layer, String description, long rowCount,
                          String currentSnapshotId, List<Column> columns, String location) {}

  public record Snapshot(String snapshotId, String parentId, java.time.Instant committedAt, String operation,
                         java.util.Map<String, String> summary) {}

  public List<TableInfo> tables(Role role) {
    List<TableInfo> out = new ArrayList<>();
    for (TableSpec spec : Tables.ALL) {
      if (!role.mayRead(spec.id())) {
        continue;
      }
      boolean exists = lake.exists(spec.id());
      List<Column> cols = spec.columns().stream()
          .map(c -> new Column(c.name(), c.type(), c.description(), c.pii())).toList();
      out.add(new TableInfo(spec.id().toString(), spec.id().namespace(), spec.id().name(),
          spec.layer().name().toLowerCase(Locale.ROOT), spec.description(), exists ? lake.rowCount(spec.id()) : 0,
          exists ? lake.currentSnapshotId(spec.id()).map(String::valueOf).orElse(null) : null, cols,
          exists ? lake.location(spec.id()) : null));
    }
    return out;
  }

  public List<Snapshot> snapshots(String name, Role role) {
    TableId id = readable(name, role);
    return lake.snapshots(id).stream().sorted(Comparator.comparing(SnapshotInfo::committedAt).reversed())
        .map(s -> new Snapshot(Long.toString(s.snapshotId()), s.parentId() == null ? null : Long.toString(s.parentId()),
            s.committedAt(), s.operation(), s.summary()))
        .toList();
  }

  /** The table as of a snapshot (current when empty), through the guard so role rules and masking apply. */
  public SqlAnswer preview(String name, Optional<Long> snapshotId, int limit, String user, Role role) {
    TableId id = readable(name, role);
    if (snapshotId.isPresent() && lake.snapshots(id).stream().noneMatch(s -> s.snapshotId() == snapshotId.get())) {
      throw ApiException.notFound("Table " + id + " has no snapshot " + snapshotId.get());
    }
    String sql = "SELECT * FROM " + id + snapshotId.map(s -> " VERSION AS OF " + s).orElse("");
    return queries.run(sql, com.medflow.query.run.QueryCaller.of(user, role, "preview"), OptionalInt.of(limit));
  }

  private TableId readable(String name, Role role) {
    TableId id;
    try {
      id = TableId.parse(name);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    if (Tables.spec(id).isEmpty()) {
      throw ApiException.notFound("No table " + name);
    }
    if (!role.mayRead(id)) {
      throw ApiException.forbidden("Your role may not read " + id);
    }
    if (!lake.exists(id)) {
      throw ApiException.notFound("Table " + id + " has not been created yet; run the pipeline");
    }
    return id;
  }
}
