package com.medflow.pipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.model.ClaimStatus;
import com.medflow.model.mapping.PayerMapping;
import com.medflow.model.mapping.StandardField;
import com.medflow.model.rules.DiagnosisCategory;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ClinicalCoverageTest {
  private final Generated batch = Generated.base();

  /** A clean line in standard terms. */
  record Row(String payer, String claimId, String member, LocalDate birth, String gender, String npi,
      String specialty, LocalDate service, LocalDate submitted, LocalDate processed, String primary,
      String procedure, String pos, ClaimStatus status, String carc, String state) {
    long age() {
      return ChronoUnit.YEARS.between(birth, service);
    }
  }

  private static List<Row> rows;

  private synchronized List<Row> rows() {
    if (rows == null) {
      rows = read();
    }
    return rows;
  }

  private List<Row> read() {
    List<Row> out = new ArrayList<>();
    for (String folder : Generated.FOLDERS) {
      PayerMapping m = Generated.mapping(folder);
      ReferenceChecks r = batch.checks(folder);
      Pattern carc = Pattern.compile(m.denialCodePattern());
      for (Generated.Checked c : batch.clean(folder)) {
        PayerFile.Line l = c.line();
        Matcher denial = carc.matcher(r.value(l, StandardField.DENIAL_REASON_CODE));
        out.add(new Row(m.payer(), r.value(l, StandardField.CLAIM_ID), r.value(l, StandardField.MEMBER_ID),
            r.date(l, StandardField.PATIENT_BIRTH_DATE).orElseThrow(),
            m.gender(r.value(l, StandardField.PATIENT_GENDER)).orElseThrow(),
            r.value(l, StandardField.PROVIDER_NPI),
            com.medflow.model.rules.TextCase.apply(r.value(l, StandardField.PROVIDER_SPECIALTY),
                m.textCase(StandardField.PROVIDER_SPECIALTY)),
            r.date(l, StandardField.SERVICE_DATE).orElseThrow(), r.date(l, StandardField.SUBMITTED_DATE).orElseThrow(),
            r.date(l, StandardField.PROCESSED_DATE).orElse(null), r.diagnoses(l).get(0),
            r.value(l, StandardField.PROCEDURE_CODE), r.value(l, StandardField.PLACE_OF_SERVICE),
            m.status(r.value(l, StandardField.CLAIM_STATUS)).orElseThrow(),
            denial.matches() ? denial.group(1) : null, r.value(l, StandardField.MEMBER_STATE)));
      }
    }
    return List.copyOf(out);
  }

  @Test
  void everyDiagnosisCategoryAppears() {
    Map<String, Long> categories = count(rows(), r -> DiagnosisCategory.of(r.primary()));
    assertThat(categories.keySet()).containsExactlyInAnyOrderElementsOf(DiagnosisCategory.names());
    assertThat(categories.values()).allMatch(n -> n >= 20);
    assertThat(rows()).anyMatch(r -> r.primary().startsWith("I21"));
  }

  @Test
  void requiredProceduresPlacesAndDenialReasonsAppear() {
    List<Row> rows = rows();
    Set<String> procedures = new HashSet<>(rows.stream().map(Row::procedure).toList());
    assertThat(procedures).contains("99213", "99214", "99285", "83036", "93000", "G0438").hasSizeGreaterThan(80);
    assertThat(rows.stream().map(Row::pos)).contains("11", "23", "21", "22", "02");
    for (String payer : List.of("BlueCross", "Aetna", "UnitedHealth")) {
      assertThat(rows.stream().filter(r -> r.payer().equals(payer)).map(Row::carc))
          .as(payer).contains("16", "18", "29", "50", "96", "97", "197");
    }
  }

  @Test
  void proceduresFitTheirSpecialtyAndPlace() {
    for (Row r : rows()) {
      if (r.pos().equals("23")) {
        assertThat(r.specialty()).as(r.toString()).isEqualTo("Emergency Medicine");
      }
      if (r.procedure().startsWith("9928")) {
        assertThat(r.specialty()).as(r.toString()).isEqualTo("Emergency Medicine");
        assertThat(r.pos()).isEqualTo("23");
      }
      if (r.procedure().startsWith("971")) {
        assertThat(r.specialty()).as(r.toString()).isEqualTo("Physical Therapy");
      }
      if (r.procedure().equals("G0438")) {
        assertThat(r.age()).as(r.toString()).isGreaterThanOrEqualTo(64);
      }
      if (r.procedure().startsWith("5940") || r.procedure().startsWith("5951")) {
        assertThat(r.specialty()).isEqualTo("Obstetrics and Gynecology");
      }
    }
  }

  @Test
  void aFewHundredProvidersCoverEverySpecialty() {
    List<Row> rows = rows();
    assertThat(new HashSet<>(rows.stream().map(Row::npi).toList())).hasSizeBetween(200, 500);
    assertThat(new HashSet<>(rows.stream().map(Row::specialty).toList())).containsExactlyInAnyOrder(
        "Family Medicine", "Internal Medicine", "Cardiology", "Endocrinology", "Pulmonology", "Psychiatry",
        "Orthopedic Surgery", "Emergency Medicine", "Oncology", "Obstetrics and Gynecology", "Nephrology",
        "Physical Therapy");
  }

  @Test
  void membersLiveInManyStatesAndHaveSeveralClaimsEach() {
    List<Row> rows = rows();
    assertThat(new HashSet<>(rows.stream().map(Row::state).toList())).hasSizeGreaterThanOrEqualTo(45);
    Map<String, Long> perMember = count(rows, r -> r.payer() + r.member());
    assertThat((double) rows.size() / perMember.size()).isBetween(3.0, 15.0);
    assertThat(perMember.values().stream().mapToLong(Long::longValue).max().orElse(0)).isGreaterThan(15);
  }

  @Test
  void agesRunFromNewbornsToNinetyFiveSkewedOlder() {
    List<Long> ages = rows().stream().map(Row::age).sorted().toList();
    assertThat(ages.get(0)).isZero();
    assertThat(ages.get(ages.size() - 1)).isBetween(88L, 95L);
    assertThat(ages.get(ages.size() / 2)).isBetween(40L, 65L);
  }

  @Test
  void pregnancyOnlyForWomenOfChildbearingAge() {
    List<Row> pregnancies = rows().stream().filter(r -> DiagnosisCategory.of(r.primary()).equals("Pregnancy"))
        .toList();
    assertThat(pregnancies).isNotEmpty().allSatisfy(r -> {
      assertThat(r.gender()).isEqualTo("F");
      assertThat(r.age()).isBetween(15L, 45L);
    });
  }

  @Test
  void respiratoryInfectionsPeakInWinter() {
    Map<Month, Long> uri = count(rows().stream()
        .filter(r -> DiagnosisCategory.of(r.primary()).equals("Upper Respiratory Infection")).toList(),
        r -> r.service().getMonth());
    assertThat(uri.get(Month.JANUARY)).isGreaterThan(2 * uri.get(Month.JULY));
  }

  @Test
  void payersDifferInSpeedAndDenials() {
    Map<String, double[]> byPayer = new HashMap<>(); // adjudicated, denied, processing days
    for (Row r : rows()) {
      if (r.status().adjudicated()) {
        double[] a = byPayer.computeIfAbsent(r.payer(), p -> new double[3]);
        a[0]++;
        a[1] += r.status() == ClaimStatus.DENIED ? 1 : 0;
        a[2] += ChronoUnit.DAYS.between(r.submitted(), r.processed());
      }
    }
    double aetnaDays = byPayer.get("Aetna")[2] / byPayer.get("Aetna")[0];
    double bcDays = byPayer.get("BlueCross")[2] / byPayer.get("BlueCross")[0];
    double uhcDays = byPayer.get("UnitedHealth")[2] / byPayer.get("UnitedHealth")[0];
    assertThat(aetnaDays).isLessThan(bcDays);
    assertThat(bcDays).isLessThan(uhcDays);
    double uhcDenials = byPayer.get("UnitedHealth")[1] / byPayer.get("UnitedHealth")[0];
    assertThat(uhcDenials).isGreaterThan(byPayer.get("BlueCross")[1] / byPayer.get("BlueCross")[0])
        .isGreaterThan(byPayer.get("Aetna")[1] / byPayer.get("Aetna")[0]);
  }

  @Test
  void everyStatusAppearsForEveryPayer() {
    for (String payer : List.of("BlueCross", "Aetna", "UnitedHealth")) {
      assertThat(rows().stream().filter(r -> r.payer().equals(payer)).map(Row::status))
          .as(payer).contains(ClaimStatus.values());
    }
  }

  private static <K> Map<K, Long> count(List<Row> rows, Function<Row, K> key) {
    Map<K, Long> out = new HashMap<>();
    rows.forEach(r -> out.merge(key.apply(r), 1L, Long::sum));
    return out;
  }
}
