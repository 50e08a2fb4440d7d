package com.medflow.pipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.model.ClaimStatus;
import com.medflow.model.codes.CarcCodes;
import com.medflow.model.codes.PlaceOfService;
import com.medflow.model.codes.UsStates;
import com.medflow.model.mapping.PayerMapping;
import com.medflow.model.mapping.StandardField;
import com.medflow.model.rules.Npi;
import com.medflow.model.rules.ProcedureCodes;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayerFileFormatTest {
  private static final Map<String, Pattern> CLAIM_IDS = Map.of(
      "bluecross", Pattern.compile("BC-(2024|2025)-[1-9]\\d{9}"),
      "aetna", Pattern.compile("AET(24|25)[1-9]\\d{9}"),
      "unitedhealth", Pattern.compile("UHC(2024|2025)[1-9]\\d{9}"));
  private static final Map<String, Pattern> MEMBER_IDS = Map.of(
      "bluecross", Pattern.compile("BCM[1-9]\\d{8}"),
      "aetna", Pattern.compile("W\\d{9}"),
      "unitedhealth", Pattern.compile("[1-9]\\d{8}01"));
  private static final List<String> SPECIALTIES = Arrays.stream(Specialty.values()).map(Specialty::label).toList();
  private final Generated batch = Generated.base();

  @Test
  void blueCrossStartsWithByteOrderMarkAndQuotedHeader() {
    PayerFile f = batch.files.get("bluecross");
    assertThat(f.byteOrderMark).isTrue();
    assertThat(f.headerLine).isEqualTo("\"" + String.join("\",\"", f.mapping.header()) + "\"");
  }

  @Test
  void aetnaAndUnitedHealthStartWithPlainHeaderWithoutByteOrderMark() {
    PayerFile aetna = batch.files.get("aetna");
    PayerFile uhc = batch.files.get("unitedhealth");
    assertThat(aetna.byteOrderMark).isFalse();
    assertThat(uhc.byteOrderMark).isFalse();
    assertThat(aetna.headerLine).isEqualTo(String.join(",", aetna.mapping.header()));
    assertThat(uhc.headerLine).isEqualTo(String.join("|", uhc.mapping.header()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bluecross", "aetna", "unitedhealth"})
  void headerSplitsIntoTheMappingColumns(String folder) {
    PayerFile f = batch.files.get(folder);
    assertThat(PayerFile.split(f.headerLine, f.mapping.delimiter(), f.mapping.quote()))
        .containsExactlyElementsOf(f.mapping.header());
  }

  @Test
  void blueCrossEndsEveryLineWithCrlfAndOthersWithLf() {
    String bc = batch.files.get("bluecross").text;
    assertThat(bc.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    assertThat(batch.files.get("aetna").text).doesNotContain("\r");
    assertThat(batch.files.get("unitedhealth").text).doesNotContain("\r");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bluecross", "aetna", "unitedhealth"})
  void blankLinesAreWrittenButNotCountedAsDataLines(String folder) throws IOException {
    PayerFile f = batch.files.get(folder);
    FileReport report = batch.report.files().stream().filter(r -> r.file().getParent().getFileName().toString()
        .equals(folder)).findFirst().orElseThrow();
    assertThat(f.blankLines).isEqualTo(2);
    assertThat(report.dataLines()).isEqualTo(f.lines.size());
    assertThat(report.bytes()).isEqualTo(Files.size(report.file()));
    assertThat(report.payer()).isEqualTo(f.mapping.payer());
    assertThat(report.file()).isEqualTo(batch.dir.resolve(folder).resolve("b1.csv"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bluecross", "aetna", "unitedhealth"})
  void everyCleanLineIsAPlausibleClaimInThePayersFormat(String folder) {
    PayerMapping m = Generated.mapping(folder);
    ReferenceChecks r = batch.checks(folder);
    PlaceOfService pos = PlaceOfService.load();
    LocalDate first = LocalDate.of(2024, 1, 1);
    LocalDate last = LocalDate.of(2025, 12, 31);
    List<Generated.Checked> clean = batch.clean(folder);
    assertThat(clean).hasSizeGreaterThan(4_000);
    for (Generated.Checked c : clean) {
      PayerFile.Line line = c.line();
      String where = folder + " line " + line.number() + ": " + line.raw();
      assertThat(line.fields()).as(where).hasSize(m.header().size());
      assertThat(r.value(line, StandardField.CLAIM_ID)).as(where).matches(CLAIM_IDS.get(folder));
      assertThat(r.value(line, StandardField.MEMBER_ID)).as(where).matches(MEMBER_IDS.get(folder));
      assertThat(Npi.isValid(r.value(line, StandardField.PROVIDER_NPI))).as(where).isTrue();
      assertThat(r.diagnoses(line)).as(where).allMatch(ReferenceChecks.ICD::isValid).hasSizeBetween(1, 3);
      assertThat(ProcedureCodes.isValid(r.value(line, StandardField.PROCEDURE_CODE))).as(where).isTrue();
      assertThat(pos.name(r.value(line, StandardField.PLACE_OF_SERVICE))).as(where).isPresent();
      assertThat(UsStates.name(r.value(line, StandardField.MEMBER_STATE))).as(where).isPresent();
      String specialty = r.value(line, StandardField.PROVIDER_SPECIALTY);
      assertThat(com.medflow.model.rules.TextCase.apply(specialty, m.textCase(StandardField.PROVIDER_SPECIALTY)))
          .as(where).isIn(SPECIALTIES);

      LocalDate birth = r.date(line, StandardField.PATIENT_BIRTH_DATE).orElseThrow();
      LocalDate service = r.date(line, StandardField.SERVICE_DATE).orElseThrow();
      LocalDate submitted = r.date(line, StandardField.SUBMITTED_DATE).orElseThrow();
      assertThat(service).as(where).isBetween(first, last).isAfterOrEqualTo(birth);
      assertThat(ChronoUnit.YEARS.between(birth, service)).as(where).isBetween(0L, 95L);
      assertThat(ChronoUnit.DAYS.between(service, submitted)).as(where).isBetween(0L, 30L);

      ClaimStatus status = m.status(r.value(line, StandardField.CLAIM_STATUS)).orElseThrow();
      BigDecimal billed = r.amount(line, StandardField.BILLED_AMOUNT).orElseThrow();
      BigDecimal allowed = r.amount(line, StandardField.ALLOWED_AMOUNT).orElseThrow();
      BigDecimal paid = r.amount(line, StandardField.PAID_AMOUNT).orElseThrow();
      assertThat(billed).as(where).isPositive();
      assertThat(allowed).as(where).isLessThanOrEqualTo(billed);
      assertThat(paid).as(where).isLessThanOrEqualTo(allowed).isGreaterThanOrEqualTo(BigDecimal.ZERO);
      String processed = r.value(line, StandardField.PROCESSED_DATE);
      String denial = r.value(line, StandardField.DENIAL_REASON_CODE);
      if (status.adjudicated()) {
        LocalDate p = r.date(line, StandardField.PROCESSED_DATE).orElseThrow();
        assertThat(ChronoUnit.DAYS.between(submitted, p)).as(where).isBetween(5L, 45L);
      } else {
        assertThat(processed).as(where).isEmpty();
        assertThat(paid).as(where).isZero();
      }
      if (status == ClaimStatus.DENIED) {
        Matcher carc = Pattern.compile(m.denialCodePattern()).matcher(denial);
        assertThat(carc.matches()).as(where).isTrue();
        assertThat(CarcCodes.description(carc.group(1))).as(where).isPresent();
        assertThat(paid).as(where).isZero();
      } else {
        assertThat(denial).as(where).isEmpty();
      }
    }
  }

  @Test
  void blueCrossWritesDollarsAndDenialGroupCodes() {
    ReferenceChecks r = batch.checks("bluecross");
    List<PayerFile.Line> lines = batch.clean("bluecross").stream().map(Generated.Checked::line).toList();
    assertThat(lines).allSatisfy(l -> assertThat(r.value(l, StandardField.BILLED_AMOUNT))
        .matches("\\$\\d{1,3}(,\\d{3})*\\.\\d{2}"));
    assertThat(lines).anySatisfy(l -> assertThat(r.value(l, StandardField.BILLED_AMOUNT)).contains(","));
    assertThat(lines).anySatisfy(l -> assertThat(r.value(l, StandardField.DENIAL_REASON_CODE)).matches("CO-\\d+"));
    assertThat(lines).anySatisfy(l -> assertThat(r.value(l, StandardField.DENIAL_REASON_CODE)).matches("(PR|OA)-\\d+"));
    assertThat(lines).anySatisfy(l -> assertThat(r.value(l, StandardField.PRIMARY_DIAGNOSIS))
        .matches("[A-Z]\\d\\w\\.\\w+"));
    assertThat(lines).allSatisfy(l -> assertThat(l.raw()).startsWith("\"").endsWith("\""));
  }

  @Test
  void aetnaJoinsDiagnosesWithoutDotsAndWritesPlainDecimals() {
    List<PayerFile.Line> lines = batch.clean("aetna").stream().map(Generated.Checked::line).toList();
    assertThat(lines).allSatisfy(l -> {
      assertThat(l.get("diagnosis_codes")).doesNotContain(".").matches("[A-Z0-9]+(\\|[A-Z0-9]+){0,2}");
      assertThat(l.get("charge_amount")).matches("\\d+\\.\\d{2}");
      assertThat(l.get("sex")).isIn("male", "female", "unknown");
      assertThat(l.get("claim_status")).isIn("PAID", "DENIED", "PENDING", "APPEALED");
    });
    assertThat(lines).anySatisfy(l -> assertThat(l.get("diagnosis_codes")).contains("|"));
    assertThat(lines).anySatisfy(l -> assertThat(l.raw()).contains(",\"").contains(", "));
  }

  @Test
  void unitedHealthWritesCapitalsCentsAndCompactDates() {
    List<PayerFile.Line> lines = batch.clean("unitedhealth").stream().map(Generated.Checked::line).toList();
    assertThat(lines).allSatisfy(l -> {
      assertThat(l.get("PRVDR_NM")).isEqualTo(l.get("PRVDR_NM").toUpperCase(java.util.Locale.ROOT));
      assertThat(l.get("CLM_SBMT_CHRG_AMT")).matches("\\d+");
      assertThat(l.get("SRVC_FROM_DT")).matches("\\d{8}");
      assertThat(l.get("ICD_DGNS_CD1")).doesNotContain(".");
      assertThat(l.get("MBR_GNDR_CD")).isIn("1", "2", "0");
      assertThat(l.get("CLM_STAT_CD")).isIn("01", "02", "03", "04");
      assertThat(l.raw()).doesNotContain("\"\"");
    });
    assertThat(lines).anySatisfy(l -> assertThat(l.get("ICD_DGNS_CD3")).isNotEmpty());
  }

  @Test
  void providerNamesWithCommasQuotesAndAccentsSurviveEveryFormat() {
    for (String folder : Generated.FOLDERS) {
      PayerMapping m = Generated.mapping(folder);
      List<String> names = batch.clean(folder).stream()
          .map(c -> com.medflow.model.rules.TextCase.apply(c.line().get(m.column(StandardField.PROVIDER_NAME)
              .orElseThrow()), m.textCase(StandardField.PROVIDER_NAME)))
          .toList();
      assertThat(names).as(folder).contains("Lakeside Family Medicine, PC", "Clínica São José");
      assertThat(names).as(folder).anyMatch(n -> n.contains("\""));
    }
  }

  @Test
  void claimIdsAreUniqueAmongCleanLines() {
    for (String folder : Generated.FOLDERS) {
      ReferenceChecks r = batch.checks(folder);
      List<String> ids = batch.kept(folder).stream().map(c -> r.value(c.line(), StandardField.CLAIM_ID)).toList();
      assertThat(ids).as(folder).doesNotHaveDuplicates();
    }
  }

  static Path fileOf(Generated g, String folder) {
    return g.dir.resolve(folder).resolve(g.spec.batch() + ".csv");
  }
}
