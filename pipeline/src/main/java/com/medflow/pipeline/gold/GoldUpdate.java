package com.medflow.pipeline.gold;

import static java.util.Objects.requireNonNull;

import com.medflow.model.Preconditions;
import com.medflow.model.TableId;

/**
 * How one gold table was brought up to date by a run.
 *
 * @param mode {@code FULL} (rebuilt from all of claims_clean) or {@code INCREMENTAL} (only the touched groups replaced)
 * @param touchedGroups groups the run's batches touched (new and previous versions of their claims); -1 when not computed
 * @param groups groups the table held before the run
 * @param reason why this mode was chosen
 */
public record GoldUpdate(TableId table, Mode mode, long touchedGroups, long groups, String reason) {
  public enum Mode { FULL, INCREMENTAL }

  public GoldUpdate {
    requireNonNull(table, "table is null");
    requireNonNull(mode, "mode is null");
    requireNonNull(reason, "reason is null");
    Preconditions.checkArgument(touchedGroups >= -1 && groups >= 0, "Invalid group counts: %s of %s", touchedGroups, groups);
  }

  public String describe() {
    return table.name() + ": " + (mode == Mode.FULL ? "rebuilt (" + reason + ")"
        : touchedGroups + " of " + groups + " groups replaced");
  }
}
