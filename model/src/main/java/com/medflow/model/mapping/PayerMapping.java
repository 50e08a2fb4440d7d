package com.medflow.model.mapping;

import static com.medflow.model.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.medflow.model.ClaimStatus;
import com.medflow.model.rules.Amounts;
import com.medflow.model.rules.TextCase;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How one payer's files map to the standard claim: read from a mapping file, so adding a payer
 * needs no code. Code maps ({@code statuses}, {@code genders}) are matched case-insensitively.
 *
 * @param payer payer name written to tables ({@code BlueCross})
 * @param folder landing-zone folder holding the payer's files ({@code bluecross})
 * @param delimiter field separator
 * @param quote quote character, or the empty string when the format has no quoting
 * @param header the columns of the header row, in order
 * @param columns standard field to source column
 * @param diagnosisList source column holding all diagnoses joined by {@code diagnosisSeparator}, or empty
 * @param extraDiagnosisColumns further diagnosis columns that are validated but not stored
 * @param datePattern date pattern such as {@code MM/dd/yyyy}
 * @param amountFormat how money is written
 * @param statuses source status code to standard status
 * @param genders source gender code to M, F or U
 * @param denialCodePattern regex whose first group extracts the bare CARC from the denial column
 * @param textCase how text fields are re-cased (e.g. provider names sent in capitals)
 * @param options file format, roll-up of claim lines, optional fields, defaults, value maps and rule severities
 * @param source where the mapping was read from (resource or file), shown to users
 */
public record PayerMapping(
    String payer,
    String folder,
    char delimiter,
    String quote,
    List<String> header,
    Map<StandardField, String> columns,
    String diagnosisList,
    String diagnosisSeparator,
    List<String> extraDiagnosisColumns,
    String datePattern,
    Amounts.Format amountFormat,
    Map<String, ClaimStatus> statuses,
    Map<String, String> genders,
    String denialCodePattern,
    Map<StandardField, TextCase.Mode> textCase,
    MappingOptions options,
    String source) implements Serializable {

  /** A delimited-file mapping with no further options, as the three original payers have. */
  public PayerMapping(String payer, String folder, char delimiter, String quote, List<String> header,
                      Map<StandardField, String> columns, String diagnosisList, String diagnosisSeparator,
                      List<String> extraDiagnosisColumns, String datePattern, Amounts.Format amountFormat,
                      Map<String, ClaimStatus> statuses, Map<String, String> genders, String denialCodePattern,
                      Map<StandardField, TextCase.Mode> textCase) {
    this(payer, folder, delimiter, quote, header, columns, diagnosisList, diagnosisSeparator, extraDiagnosisColumns,
        datePattern, amountFormat, statuses, genders, denialCodePattern, textCase, MappingOptions.NONE, "(inline)");
  }

  public PayerMapping {
    requireNonNull(payer, "payer is null");
    requireNonNull(folder, "folder is null");
    requireNonNull(quote, "quote is null");
    checkArgument(quote.length() <= 1, "Payer %s: quote must be one character or empty", payer);
    header = List.copyOf(header);
    columns = Map.copyOf(columns);
    requireNonNull(diagnosisList, "diagnosisList is null");
    requireNonNull(diagnosisSeparator, "diagnosisSeparator is null");
    extraDiagnosisColumns = List.copyOf(extraDiagnosisColumns);
    requireNonNull(datePattern, "datePattern is null");
    requireNonNull(amountFormat, "amountFormat is null");
    statuses = upperKeys(statuses);
    genders = upperKeys(genders);
    requireNonNull(denialCodePattern, "denialCodePattern is null");
    textCase = Map.copyOf(textCase);
    requireNonNull(options, "options is null");
    requireNonNull(source, "source is null");
    checkArgument(payer.matches("[A-Za-z][A-Za-z0-9 ]*"), "Invalid payer name: %s", payer);
    checkArgument(folder.matches("[a-z0-9_-]+"), "Invalid payer folder: %s", folder);
    for (StandardField f : StandardField.values()) {
      boolean fromList = !diagnosisList.isEmpty()
          && (f == StandardField.PRIMARY_DIAGNOSIS || f == StandardField.SECONDARY_DIAGNOSIS);
      boolean supplied = columns.containsKey(f) || options.optional().contains(f) || options.defaults().containsKey(f);
      checkArgument(!f.required() || fromList || supplied,
          "Payer %s: no source column for required field %s", payer, f.key());
    }
    FileFormat format = options.fileFormat();
    String where = format == FileFormat.DELIMITED ? "which is not in the header" : "which is not an X12 record key";
    for (Map.Entry<StandardField, String> e : columns.entrySet()) {
      checkArgument(format.isRecordKey(e.getValue(), header), "Payer %s: field %s maps to column '%s', %s",
          payer, e.getKey().key(), e.getValue(), where);
    }
    checkArgument(diagnosisList.isEmpty() || format.isRecordKey(diagnosisList, header),
        "Payer %s: diagnosis list column '%s' is not in the header", payer, diagnosisList);
    for (String c : extraDiagnosisColumns) {
      checkArgument(format.isRecordKey(c, header), "Payer %s: diagnosis column '%s', %s", payer, c, where);
    }
    for (String c : options.referencedColumns()) {
      checkArgument(format.isRecordKey(c, header), "Payer %s: column '%s', %s", payer, c, where);
    }
    checkArgument(options.rollUp() == null || columns.containsKey(StandardField.CLAIM_ID),
        "Payer %s: roll_up needs a claim_id column", payer);
    checkArgument(format == FileFormat.DELIMITED || header.isEmpty(), "Payer %s: an X12 mapping has no header", payer);
    checkArgument(format != FileFormat.DELIMITED || !header.isEmpty(), "Payer %s: header is empty", payer);
    for (String g : genders.values()) {
      checkArgument(g.equals("M") || g.equals("F") || g.equals("U"), "Payer %s: gender code maps to %s; use M, F or U",
          payer, g);
    }
    try {
      java.util.regex.Pattern p = java.util.regex.Pattern.compile(denialCodePattern);
      checkArgument(p.matcher("").groupCount() >= 1, "Payer %s: denial code pattern needs a capture group", payer);
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new IllegalArgumentException("Payer " + payer + ": invalid denial code pattern: " + e.getMessage(), e);
    }
    com.medflow.model.rules.Dates.formatter(datePattern);
  }

  private static <V> Map<String, V> upperKeys(Map<String, V> in) {
    Map<String, V> out = new java.util.HashMap<>();
    in.forEach((k, v) -> out.put(k.trim().toUpperCase(Locale.ROOT), requireNonNull(v, "code map value is null")));
    return Map.copyOf(out);
  }

  public TextCase.Mode textCase(StandardField field) {
    return textCase.getOrDefault(field, TextCase.Mode.AS_IS);
  }

  public Optional<Character> quoteChar() {
    return quote.isEmpty() ? Optional.empty() : Optional.of(quote.charAt(0));
  }

  public Optional<String> diagnosisListColumn() {
    return diagnosisList.isEmpty() ? Optional.empty() : Optional.of(diagnosisList);
  }

  public Optional<String> column(StandardField field) {
    return Optional.ofNullable(columns.get(field));
  }

  public Optional<ClaimStatus> status(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(statuses.get(code.trim().toUpperCase(Locale.ROOT)));
  }

  public Optional<String> gender(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(genders.get(code.trim().toUpperCase(Locale.ROOT)));
  }
}
