package com.medflow.cli.commands;

import com.medflow.cli.MedflowCommand;
import com.medflow.cli.term.Terminal;
import com.medflow.lake.Lake;
import com.medflow.model.TableSpec;
import com.medflow.model.Tables;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code medflow tables}: every contract table with its row count and current snapshot id. */
@Command(name = "tables", mixinStandardHelpOptions = true, description = "List tables with row counts and current snapshot ids.")
public final class TablesCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    MedflowCommand root = (MedflowCommand) spec.root().userObject();
    Lake lake = root.services().lake();
    lake.createTables();
    var out = spec.commandLine().getOut();
    out.println(String.format(Locale.ROOT, "%-40s %-7s %12s  %-20s %s", "table", "layer", "rows", "snapshot", "snapshots"));
    for (TableSpec t : Tables.ALL) {
      long rows = lake.rowCount(t.id());
      String snapshot = lake.currentSnapshotId(t.id()).map(String::valueOf).orElse("-");
      int count = lake.snapshots(t.id()).size();
      out.println(String.format(Locale.ROOT, "%-40s %-7s %12s  %-20s %d", t.id(), t.layer().name().toLowerCase(Locale.ROOT),
          Terminal.count(rows), snapshot, count));
    }
    out.flush();
    return 0;
  }
}
