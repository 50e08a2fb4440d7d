package com.medflow.cli.commands;

import com.medflow.cli.MedflowCommand;
import com.medflow.cli.Services;
import com.medflow.cli.term.Terminal;
import com.medflow.config.MedflowConfig;
import com.medflow.lake.Lake;
import com.medflow.lake.maintenance.MaintenanceResult;
import com.medflow.lake.maintenance.TableFigures;
import com.medflow.lake.maintenance.TableMaintenance;
import com.medflow.model.TableSpec;
import com.medflow.model.Tables;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medflow maintain}: compacts small files, expires old snapshots, rewrites manifests and
 * removes orphan files of every table, holding the pipeline lock, and prints each table's figures
 * before and after.
 */
@Command(name = "maintain", mixinStandardHelpOptions = true,
    description = {"Compact small files (applying MERGE deletes), expire snapshots past the retention (keeping at least",
        "the minimum), rewrite manifests and remove orphan files of every table; print files, bytes and snapshots",
        "before and after. Defaults: maintain.snapshot-retention, maintain.min-snapshots, maintain.orphan-min-age."})
public final class MaintainCommand implements Callable<Integer> {
  private static final Duration STALE_LOCK = Duration.ofHours(6);

  @Spec
  CommandSpec spec;

  @Option(names = "--retention", paramLabel = "DURATION", description = "Snapshot retention, ISO-8601 (e.g. P7D); overrides maintain.snapshot-retention.")
  Duration retention;

  @Option(names = "--min-snapshots", paramLabel = "N", description = "Snapshots kept per table however old; overrides maintain.min-snapshots.")
  Integer minSnapshots;

  @Override
  public Integer call() {
    MedflowCommand root = (MedflowCommand) spec.root().userObject();
    Services services = root.services();
    MedflowConfig.Maintenance base = services.config().maintenance();
    MedflowConfig.Maintenance settings = new MedflowConfig.Maintenance(retention == null ? base.snapshotRetention() : retention,
        minSnapshots == null ? base.minSnapshots() : minSnapshots, base.orphanMinAge());
    Terminal term = Terminal.stderr();
    Lake lake = services.lake();
    lake.createTables();
    String holder = "maintain-" + services.clock().instant().toEpochMilli();
    services.runStore().tryLock(holder, services.clock().instant(), STALE_LOCK).ifPresent(other -> {
      throw new IllegalStateException("The pipeline is running (" + other + "): maintain again when it has finished");
    });
    var out = spec.commandLine().getOut();
    try {
      term.line(term.bold("Maintenance") + term.dim(String.format(Locale.ROOT, "  retention %s, at least %d snapshots,"
          + " orphan files older than %s", settings.snapshotRetention(), settings.minSnapshots(), settings.orphanMinAge())));
      out.println(String.format(Locale.ROOT, "%-44s %15s %15s %19s %13s %9s %7s", "table", "data files", "delete files",
          "stored files", "stored MB", "snapshots", "time"));
      TableMaintenance maintenance = new TableMaintenance(lake, settings, services.clock());
      TableFigures totalBefore = new TableFigures(0, 0, 0, 0, 0, 0);
      TableFigures totalAfter = totalBefore;
      for (TableSpec t : Tables.ALL) {
        MaintenanceResult r = maintenance.maintain(t.id());
        out.println(String.format(Locale.ROOT, "%-44s %15s %15s %19s %13s %9s %6.1fs", t.id(),
            arrow(r.before().dataFiles(), r.after().dataFiles()), arrow(r.before().deleteFiles(), r.after().deleteFiles()),
            arrow(r.before().storedFiles(), r.after().storedFiles()),
            String.format(Locale.ROOT, "%.1f → %.1f", r.before().storedBytes() / 1e6, r.after().storedBytes() / 1e6),
            arrow(r.before().snapshots(), r.after().snapshots()), r.millis() / 1000.0));
        out.flush();
        totalBefore = sum(totalBefore, r.before());
        totalAfter = sum(totalAfter, r.after());
      }
      out.println(String.format(Locale.ROOT, "%-44s %15s %15s %19s %13s %9s", "total",
          arrow(totalBefore.dataFiles(), totalAfter.dataFiles()), arrow(totalBefore.deleteFiles(), totalAfter.deleteFiles()),
          arrow(totalBefore.storedFiles(), totalAfter.storedFiles()),
          String.format(Locale.ROOT, "%.1f → %.1f", totalBefore.storedBytes() / 1e6, totalAfter.storedBytes() / 1e6),
          arrow(totalBefore.snapshots(), totalAfter.snapshots())));
      out.flush();
    } finally {
      services.runStore().unlock(holder);
    }
    return 0;
  }

  private static String arrow(long before, long after) {
    return before + " → " + after;
  }

  private static TableFigures sum(TableFigures a, TableFigures b) {
    return new TableFigures(a.dataFiles() + b.dataFiles(), a.deleteFiles() + b.deleteFiles(), a.storedFiles() + b.storedFiles(),
        a.storedBytes() + b.storedBytes(), a.snapshots() + b.snapshots(), a.manifests() + b.manifests());
  }
}
