package com.medflow.pipeline.silver;

import com.medflow.model.Preconditions;
import com.medflow.model.QualityCheck;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checks on a bronze row's bytes rather than its claim: INVALID_ENCODING (the line held bytes that are not
 * UTF-8, which the reader turned into U+FFFD; a U+FFFD sent as valid UTF-8 is flagged too, as no claim value
 * has one) and FIELD_TOO_LONG (a field longer than {@code quality.max-field-length} characters).
 */
public final class RowLimits implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final char REPLACEMENT = '\uFFFD';

  /** The default of {@code quality.max-field-length}. */
  public static final RowLimits DEFAULT = new RowLimits(1000);

  private final int maxFieldLength;

  public RowLimits(int maxFieldLength) {
    Preconditions.checkArgument(maxFieldLength > 0, "Invalid maxFieldLength: %s", maxFieldLength);
    this.maxFieldLength = maxFieldLength;
  }

  public int maxFieldLength() {
    return maxFieldLength;
  }

  /** The quarantine codes the row breaks, in {@link QualityCheck} order; empty when none. */
  public List<String> reasons(Map<String, String> record, String rawLine) {
    List<String> out = new ArrayList<>(2);
    if (rawLine != null && rawLine.indexOf(REPLACEMENT) >= 0) {
      out.add(QualityCheck.INVALID_ENCODING.name());
    }
    for (String value : record.values()) {
      if (value != null && value.length() > maxFieldLength) {
        out.add(QualityCheck.FIELD_TOO_LONG.name());
        break;
      }
    }
    return out;
  }

  /** {@code reasons} followed by those of {@link #reasons(Map, String)} not already in it. */
  List<String> addTo(List<String> reasons, Map<String, String> record, String rawLine) {
    List<String> more = reasons(record, rawLine);
    if (more.isEmpty()) {
      return reasons;
    }
    List<String> out = new ArrayList<>(reasons);
    more.stream().filter(r -> !out.contains(r)).forEach(out::add);
    return out;
  }

  @Override
  public String toString() {
    return "RowLimits[maxFieldLength=" + maxFieldLength + "]";
  }
}
