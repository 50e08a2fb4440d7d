package com.medflow.model.mapping;

import static com.medflow.model.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.medflow.model.QualityCheck;
import com.medflow.model.Severity;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a mapping may say beyond columns and code maps (all optional; {@link #NONE} for the three
 * original payers, whose behaviour it leaves exactly as it was).
 *
 * @param fileFormat delimited text or X12 837P
 * @param fileExtensions file name endings listed in the payer's landing folder
 * @param alternates further source columns tried in order when a field's column is empty
 * @param optional fields this payer may leave empty (null in silver; a value present is still checked)
 * @param defaults raw value used when a field's columns are all empty (goes through the code maps)
 * @param severities rules whose severity this payer changes (e.g. INVALID_NPI to WARN for synthetic ids)
 * @param valueMaps per field, source value to stored value (unlisted values are kept as sent)
 * @param rollUp how claim lines become one claim, or null when every record is one claim
 */
public record MappingOptions(FileFormat fileFormat, List<String> fileExtensions,
                             Map<StandardField, List<String>> alternates, Set<StandardField> optional,
                             Map<StandardField, String> defaults, Map<QualityCheck, Severity> severities,
                             Map<StandardField, Map<String, String>> valueMaps, RollUp rollUp) implements Serializable {
  /** Fields that may be declared optional: a claim is still a claim without them. */
  public static final Set<StandardField> MAY_BE_OPTIONAL = EnumSet.of(StandardField.PATIENT_BIRTH_DATE,
      StandardField.PATIENT_GENDER, StandardField.SUBMITTED_DATE, StandardField.PROCEDURE_CODE,
      StandardField.PROVIDER_NAME, StandardField.PROVIDER_SPECIALTY, StandardField.PROCESSED_DATE,
      StandardField.SECONDARY_DIAGNOSIS, StandardField.PLACE_OF_SERVICE, StandardField.DENIAL_REASON_CODE,
      StandardField.MEMBER_STATE);

  public static final MappingOptions NONE = new MappingOptions(FileFormat.DELIMITED, List.of(".csv"), Map.of(),
      Set.of(), Map.of(), Map.of(), Map.of(), null);

  public MappingOptions {
    requireNonNull(fileFormat, "fileFormat is null");
    fileExtensions = fileExtensions.stream().map(e -> e.toLowerCase(Locale.ROOT)).toList();
    checkArgument(!fileExtensions.isEmpty(), "files: at least one file name ending is needed");
    for (String e : fileExtensions) {
      checkArgument(e.matches("\\.[a-z0-9]{1,10}"), "files: invalid file name ending '%s' (like \".csv\", quoted)", e);
    }
    Map<StandardField, List<String>> alt = new HashMap<>();
    alternates.forEach((k, v) -> alt.put(k, List.copyOf(v)));
    alternates = Map.copyOf(alt);
    optional = Set.copyOf(optional);
    for (StandardField f : optional) {
      checkArgument(MAY_BE_OPTIONAL.contains(f), "optional: %s cannot be optional", f.key());
    }
    defaults = Map.copyOf(defaults);
    severities = Map.copyOf(severities);
    Map<StandardField, Map<String, String>> vm = new HashMap<>();
    valueMaps.forEach((k, v) -> {
      Map<String, String> upper = new HashMap<>();
      v.forEach((code, value) -> upper.put(code.trim().toUpperCase(Locale.ROOT), requireNonNull(value, "value is null")));
      vm.put(k, Map.copyOf(upper));
    });
    valueMaps = Map.copyOf(vm);
  }

  public Optional<RollUp> rollUpLines() {
    return Optional.ofNullable(rollUp);
  }

  /** The severity of {@code check} for this payer. */
  public Severity severity(QualityCheck check) {
    return severities.getOrDefault(check, check.severity());
  }

  /** Quarantine rules this payer only warns about. */
  public Set<QualityCheck> demoted() {
    Set<QualityCheck> out = EnumSet.noneOf(QualityCheck.class);
    severities.forEach((c, s) -> {
      if (s == Severity.WARN && c.severity() == Severity.QUARANTINE) {
        out.add(c);
      }
    });
    return out;
  }

  /** Every source column or key the options refer to, for checking against the header. */
  public List<String> referencedColumns() {
    List<String> out = new java.util.ArrayList<>();
    alternates.values().forEach(out::addAll);
    if (rollUp != null) {
      out.add(rollUp.lineNumberColumn());
      out.addAll(rollUp.totals().values());
    }
    return out;
  }
}
