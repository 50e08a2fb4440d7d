package com.medflow.pipeline.demo;

import static com.medflow.pipeline.demo.Specialty.CARDIOLOGY;
import static com.medflow.pipeline.demo.Specialty.EMERGENCY_MEDICINE;
import static com.medflow.pipeline.demo.Specialty.ENDOCRINOLOGY;
import static com.medflow.pipeline.demo.Specialty.FAMILY_MEDICINE;
import static com.medflow.pipeline.demo.Specialty.INTERNAL_MEDICINE;
import static com.medflow.pipeline.demo.Specialty.NEPHROLOGY;
import static com.medflow.pipeline.demo.Specialty.OBSTETRICS_AND_GYNECOLOGY;
import static com.medflow.pipeline.demo.Specialty.ONCOLOGY;
import static com.medflow.pipeline.demo.Specialty.ORTHOPEDIC_SURGERY;
import static com.medflow.pipeline.demo.Specialty.PHYSICAL_THERAPY;
import static com.medflow.pipeline.demo.Specialty.PSYCHIATRY;
import static com.medflow.pipeline.demo.Specialty.PULMONOLOGY;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Diagnosis category to the services billed for it: real ICD-10-CM codes (undotted), real CPT and HCPCS Level II
 * codes, the specialties and places of service that bill them and their usual charges. CPT descriptions are the
 * AMA's and are deliberately not written here.
 */
final class ClinicalProfiles {
  private static final Map<Category, Weighted<Encounter>> PROFILES = build();

  private ClinicalProfiles() {}

  /** An encounter of {@code category} that fits the patient; {@code null} when none does after a few tries. */
  static Encounter pick(Category category, int age, char sex, SplittableRandom rng) {
    Weighted<Encounter> encounters = PROFILES.get(category);
    for (int attempt = 0; attempt < 12; attempt++) {
      Encounter e = encounters.pick(rng);
      if (e.fits(age, sex)) {
        return e;
      }
    }
    return null;
  }

  /** Every encounter of a category (for tests). */
  static List<Encounter> encounters(Category category) {
    return PROFILES.get(category).items();
  }

  private static Encounter.Builder e(double weight, String procedure) {
    return new Encounter.Builder(weight, procedure);
  }

  private static Map<Category, Weighted<Encounter>> build() {
    Map<Category, Weighted<Encounter>> m = new EnumMap<>(Category.class);
    put(m, Category.DIABETES, "E119:6 E1165:3 E1122:1 E1140:1 E109:1 E1169:1 E11649:0.5 E1121:0.5",
        e(30, "99213").by(FAMILY_MEDICINE, INTERNAL_MEDICINE, ENDOCRINOLOGY).pos("11:9 02:1").usd(110, 170),
        e(30, "99214").by(FAMILY_MEDICINE, ENDOCRINOLOGY, INTERNAL_MEDICINE).pos("11:9 02:1").usd(170, 260),
        e(22, "83036").by(FAMILY_MEDICINE, ENDOCRINOLOGY, INTERNAL_MEDICINE).pos("11:6 81:4").usd(25, 60),
        e(5, "82947").by(FAMILY_MEDICINE, INTERNAL_MEDICINE).pos("11:5 81:5").usd(12, 30),
        e(5, "82043").by(ENDOCRINOLOGY, NEPHROLOGY, INTERNAL_MEDICINE).pos("81:6 11:4").usd(20, 45),
        e(6, "80053").by(INTERNAL_MEDICINE, FAMILY_MEDICINE).pos("11:5 81:5").usd(40, 95),
        e(3, "95251").by(ENDOCRINOLOGY).pos("11").usd(60, 110),
        e(4, "99215").by(ENDOCRINOLOGY).pos("11").usd(240, 340),
        e(2, "J1815").by(ENDOCRINOLOGY, FAMILY_MEDICINE).pos("11").usd(15, 40));
    put(m, Category.HYPERTENSION, "I10:14 I119:2 I129:1 I1310:0.5 I150:0.3",
        e(30, "99213").by(FAMILY_MEDICINE, INTERNAL_MEDICINE, CARDIOLOGY).pos("11:9 02:1").usd(110, 170),
        e(25, "99214").by(INTERNAL_MEDICINE, FAMILY_MEDICINE, CARDIOLOGY).pos("11:9 02:1").usd(170, 260),
        e(12, "93000").by(FAMILY_MEDICINE, CARDIOLOGY, INTERNAL_MEDICINE).pos("11").usd(45, 95),
        e(8, "80053").by(FAMILY_MEDICINE, INTERNAL_MEDICINE).pos("11:5 81:5").usd(40, 95),
        e(8, "80061").by(FAMILY_MEDICINE, INTERNAL_MEDICINE, CARDIOLOGY).pos("11:5 81:5").usd(35, 80),
        e(3, "99203").by(FAMILY_MEDICINE, INTERNAL_MEDICINE).pos("11").usd(150, 230),
        e(2, "93784").by(CARDIOLOGY).pos("11").usd(120, 220),
        e(2, "99285").by(EMERGENCY_MEDICINE).dx("I160:3 I169:1").pos("23").usd(1200, 2800));
    put(m, Category.ISCHEMIC_HEART_DISEASE, "I2510:8 I209:2 I200:1 I252:2",
        e(20, "99214").by(CARDIOLOGY, INTERNAL_MEDICINE).pos("11").usd(170, 260),
        e(15, "93000").by(CARDIOLOGY, FAMILY_MEDICINE, INTERNAL_MEDICINE).pos("11:8 22:2").usd(45, 95),
        e(10, "93306").by(CARDIOLOGY).pos("22:5 11:5").usd(1200, 2600),
        e(6, "93015").by(CARDIOLOGY).pos("11:6 22:4").usd(700, 1500),
        e(3, "78452").by(CARDIOLOGY).pos("22:6 11:4").usd(1800, 3800),
        e(3, "93458").by(CARDIOLOGY).pos("21:5 22:5").usd(7000, 15000),
        e(2, "92928").by(CARDIOLOGY).pos("21:6 22:4").usd(14000, 32000),
        // Heart attacks: emergency room, admission, critical care, emergency PCI.
        e(8, "99285").by(EMERGENCY_MEDICINE).dx("I214:5 I213:2 I2109:1 I2111:1 I219:1").pos("23").usd(1500, 3500),
        e(4, "99223").by(CARDIOLOGY, INTERNAL_MEDICINE).dx("I214:5 I213:2 I2119:1 I219:1").pos("21").usd(450, 750),
        e(2, "99291").by(EMERGENCY_MEDICINE, CARDIOLOGY).dx("I214:3 I213:2 I2109:1").pos("23:5 21:5")
            .usd(900, 1800),
        e(1, "92941").by(CARDIOLOGY).dx("I214:2 I213:2 I2111:1").pos("21").usd(18000, 40000));
    put(m, Category.HEART_FAILURE, "I509:3 I5022:2 I5032:2 I5042:1 I5020:1 I5030:1",
        e(25, "99214").by(CARDIOLOGY, INTERNAL_MEDICINE, FAMILY_MEDICINE).pos("11:9 02:1").usd(170, 260),
        e(10, "93306").by(CARDIOLOGY).pos("22:5 11:5").usd(1200, 2600),
        e(8, "83880").by(CARDIOLOGY, INTERNAL_MEDICINE).pos("11:5 81:5").usd(45, 120),
        e(6, "93000").by(CARDIOLOGY, INTERNAL_MEDICINE).pos("11").usd(45, 95),
        e(4, "99223").by(CARDIOLOGY, INTERNAL_MEDICINE).pos("21").usd(450, 750),
        e(4, "99232").by(CARDIOLOGY, INTERNAL_MEDICINE).pos("21").usd(160, 260),
        e(3, "99285").by(EMERGENCY_MEDICINE).pos("23").usd(1300, 3000));
    put(m, Category.COPD, "J449:6 J441:3 J440:1",
        e(20, "99214").by(PULMONOLOGY, FAMILY_MEDICINE, INTERNAL_MEDICINE).pos("11:9 02:1").usd(170, 260),
        e(15, "99213").by(FAMILY_MEDICINE, INTERNAL_MEDICINE, PULMONOLOGY).pos("11").usd(110, 170),
        e(10, "94010").by(PULMONOLOGY).pos("11:7 22:3").usd(60, 140),
        e(6, "94060").by(PULMONOLOGY).pos("11:7 22:3").usd(110, 220),
        e(6, "94640").by(PULMONOLOGY, EMERGENCY_MEDICINE, FAMILY_MEDICINE).pos("11:6 23:4").usd(30, 70),
        e(6, "71046").by(PULMONOLOGY, EMERGENCY_MEDICINE, FAMILY_MEDICINE).pos("22:4 23:3 11:3").usd(80, 190),
        e(4, "99284").by(EMERGENCY_MEDICINE).dx("J441:3 J440:1").pos("23").usd(700, 1500),
        e(3, "J7620").by(PULMONOLOGY, EMERGENCY_MEDICINE).pos("11:6 23:4").usd(15, 40),
        e(2, "94729").by(PULMONOLOGY).pos("22:6 11:4").usd(120, 250),
        e(2, "99223").by(INTERNAL_MEDICINE, PULMONOLOGY).dx("J441:2 J440:1").pos("21").usd(450, 750));
    put(m, Category.ASTHMA, "J45909:4 J4520:3 J4530:2 J4540:2 J45901:2 J4550:0.5 J45991:0.5",
        e(30, "99213").by(FAMILY_MEDICINE, INTERNAL_MEDICINE, PULMONOLOGY).pos("11:9 02:1").usd(110, 170),
        e(15, "99214").by(PULMONOLOGY, FAMILY_MEDICINE, INTERNAL_MEDICINE).pos("11").usd(170, 260),
        e(8, "94010").by(PULMONOLOGY).pos("11").usd(60, 140).ages(5, 200),
        e(4, "94060").by(PULMONOLOGY).pos("11").usd(110, 220).ages(5, 200),
        e(8, "94640").by(FAMILY_MEDICINE, PULMONOLOGY, EMERGENCY_MEDICINE).pos("11:7 23:3").usd(30, 70),
        e(6, "J7613").by(FAMILY_MEDICINE, PULMONOLOGY, EMERGENCY_MEDICINE).pos("11:7 23:3").usd(10, 35),
        e(4, "99283").by(EMERGENCY_MEDICINE).dx("J45901:3 J4541:1 J4521:1").pos("23").usd(350, 800));
    put(m, Category.UPPER_RESPIRATORY_INFECTION, "J069:8 J029:4 J0190:3 J00:2 J0390:1 J040:1 J0100:1",
        e(35, "99213").by(FAMILY_MEDICINE, INTERNAL_MEDICINE).pos("11:7 02:2 20:1").usd(110, 170),
        e(15, "99212").by(FAMILY_MEDICINE, INTERNAL_MEDICINE).pos("11:7 02:2 20:1").usd(70, 120),
        e(10, "87880").by(FAMILY_MEDICINE).dx("J029:3 J0390:1 J0300:1").pos("11:8 20:2").usd(25, 60),
        e(8, "99203").by(FAMILY_MEDICINE, INTERNAL_MEDICINE).pos("11:8 20:2").usd(150, 230),
        e(6, "99283").by(EMERGENCY_MEDICINE).pos("23").usd(300, 750),
        e(4, "87804").by(FAMILY_MEDICINE).pos("11:8 20:2").usd(25, 60),
        e(4, "87635").by(FAMILY_MEDICINE, INTERNAL_MEDICINE).pos("11:5 81:5").usd(50, 140),
        e(3, "99202").by(FAMILY_MEDICINE).pos("11:8 02:2").usd(90, 140));
    put(m, Category.DEPRESSION, "F329:3 F32A:3 F331:3 F330:1 F321:2 F320:1 F339:2",
        e(25, "90834").by(PSYCHIATRY).pos("11:6 02:3 10:1").usd(130, 220),
        e(15, "90837").by(PSYCHIATRY).pos("11:6 02:3 10:1").usd(180, 290),
        e(8, "90791").by(PSYCHIATRY).pos("11:8 02:2").usd(200, 350),
        e(6, "90832").by(PSYCHIATRY).pos("11:6 02:4").usd(90, 150),
        e(15, "99214").by(FAMILY_MEDICINE, PSYCHIATRY, INTERNAL_MEDICINE).pos("11:7 02:3").usd(170, 260),
        e(10, "99213").by(FAMILY_MEDICINE, INTERNAL_MEDICINE).pos("11:7 02:3").usd(110, 170),
        e(8, "96127").by(FAMILY_MEDICINE, PSYCHIATRY, INTERNAL_MEDICINE).pos("11").usd(10, 30));
    put(m, Category.ANXIETY, "F411:6 F419:4 F410:2",
        e(25, "90834").by(PSYCHIATRY).pos("11:6 02:3 10:1").usd(130, 220),
        e(10, "90832").by(PSYCHIATRY).pos("11:6 02:4").usd(90, 150),
        e(8, "90837").by(PSYCHIATRY).pos("11:6 02:4").usd(180, 290),
        e(8, "90791").by(PSYCHIATRY).pos("11:8 02:2").usd(200, 350),
        e(20, "99213").by(FAMILY_MEDICINE, INTERNAL_MEDICINE, PSYCHIATRY).pos("11:7 02:3").usd(110, 170),
        e(10, "99214").by(FAMILY_MEDICINE, PSYCHIATRY).pos("11:7 02:3").usd(170, 260),
        e(6, "96127").by(FAMILY_MEDICINE, PSYCHIATRY).pos("11").usd(10, 30));
    put(m, Category.BACK_PAIN, "M5450:6 M5459:2 M5451:1 M542:3 M5416:2 M546:1 M5441:1 M5442:1 M5430:1",
        e(25, "97110").by(PHYSICAL_THERAPY).pos("11:9 22:1").usd(60, 140),
        e(15, "97140").by(PHYSICAL_THERAPY).pos("11:9 22:1").usd(50, 110),
        e(6, "97161").by(PHYSICAL_THERAPY).pos("11").usd(120, 220),
        e(3, "97162").by(PHYSICAL_THERAPY).pos("11").usd(150, 250),
        e(6, "97530").by(PHYSICAL_THERAPY).pos("11").usd(60, 130),
        e(15, "99213").by(FAMILY_MEDICINE, ORTHOPEDIC_SURGERY, INTERNAL_MEDICINE).pos("11:9 02:1").usd(110, 170),
        e(6, "72100").by(ORTHOPEDIC_SURGERY, FAMILY_MEDICINE).pos("11:6 22:4").usd(70, 180),
        e(4, "72148").by(ORTHOPEDIC_SURGERY).pos("22:6 11:4").usd(900, 2400),
        e(3, "20552").by(ORTHOPEDIC_SURGERY, FAMILY_MEDICINE).pos("11").usd(90, 220),
        e(2, "62323").by(ORTHOPEDIC_SURGERY).pos("22:5 24:5").usd(900, 2200),
        e(2, "99284").by(EMERGENCY_MEDICINE).pos("23").usd(700, 1500),
        e(2, "J1885").by(EMERGENCY_MEDICINE, FAMILY_MEDICINE).pos("23:5 11:5").usd(10, 35));
    put(m, Category.OSTEOARTHRITIS_OF_KNEE, "M1711:4 M1712:4 M170:3 M179:2",
        e(15, "99213").by(ORTHOPEDIC_SURGERY, FAMILY_MEDICINE, INTERNAL_MEDICINE).pos("11").usd(110, 170),
        e(10, "99214").by(ORTHOPEDIC_SURGERY, FAMILY_MEDICINE).pos("11").usd(170, 260),
        e(15, "20610").by(ORTHOPEDIC_SURGERY).pos("11").usd(150, 320),
        e(8, "J1030").by(ORTHOPEDIC_SURGERY).pos("11").usd(15, 45),
        e(4, "J3301").by(ORTHOPEDIC_SURGERY).pos("11").usd(15, 45),
        e(12, "73562").by(ORTHOPEDIC_SURGERY, FAMILY_MEDICINE).pos("11:6 22:4").usd(90, 220),
        e(4, "27447").by(ORTHOPEDIC_SURGERY).pos("21:6 22:3 24:1").usd(28000, 52000).ages(45, 200),
        e(2, "29881").by(ORTHOPEDIC_SURGERY).pos("24:6 22:4").usd(5000, 11000),
        e(12, "97110").by(PHYSICAL_THERAPY).pos("11").usd(60, 140),
        e(4, "97161").by(PHYSICAL_THERAPY).pos("11").usd(120, 220));
    put(m, Category.CHRONIC_KIDNEY_DISEASE, "N1830:3 N1831:2 N1832:2 N184:2 N185:1 N186:1 N189:2 N182:1",
        e(20, "99214").by(NEPHROLOGY, INTERNAL_MEDICINE, FAMILY_MEDICINE).pos("11:9 02:1").usd(170, 260),
        e(4, "99215").by(NEPHROLOGY).pos("11").usd(240, 340),
        e(12, "80069").by(NEPHROLOGY, INTERNAL_MEDICINE).pos("11:5 81:5").usd(35, 90),
        e(8, "82565").by(NEPHROLOGY, INTERNAL_MEDICINE, FAMILY_MEDICINE).pos("11:5 81:5").usd(15, 40),
        e(6, "81001").by(NEPHROLOGY, FAMILY_MEDICINE).pos("11:5 81:5").usd(15, 35),
        e(8, "90935").by(NEPHROLOGY).dx("N186:3 N185:1").pos("65:8 22:2").usd(450, 900),
        e(4, "90960").by(NEPHROLOGY).dx("N186").pos("11:5 65:5").usd(450, 800),
        e(4, "76770").by(NEPHROLOGY, INTERNAL_MEDICINE).pos("22:6 11:4").usd(300, 650));
    put(m, Category.NEOPLASM,
        "C50911:3 C50912:3 C3490:2 C3491:1 C61:3 C189:2 C20:1 C259:0.5 C9000:0.5 C8330:0.5 D0510:0.5",
        e(15, "99214").by(ONCOLOGY).pos("11:8 02:2").usd(170, 260),
        e(12, "99215").by(ONCOLOGY).pos("11").usd(240, 360),
        e(10, "96413").by(ONCOLOGY).pos("22:6 11:4").usd(600, 1400),
        e(5, "96415").by(ONCOLOGY).pos("22:6 11:4").usd(150, 300),
        e(4, "J9271").by(ONCOLOGY).dx("C3490:2 C3491:1").pos("22:6 11:4").usd(9000, 18000),
        e(3, "J9035").by(ONCOLOGY).dx("C189:2 C20:1").pos("22:6 11:4").usd(3000, 9000),
        e(3, "J9355").by(ONCOLOGY).dx("C50911:1 C50912:1").pos("22:6 11:4").usd(3500, 8000).female(),
        e(8, "88305").by(ONCOLOGY).dx("D126:3 D229:2 C50911:1 C61:1").pos("81:6 22:4").usd(90, 220),
        e(6, "71260").by(ONCOLOGY, PULMONOLOGY).dx("C3490:2 C3491:1 C787:1").pos("22").usd(900, 2200),
        e(3, "78815").by(ONCOLOGY).pos("22").usd(3500, 7500),
        e(4, "45385").by(ONCOLOGY).dx("D126:3 C189:1").pos("24:6 22:4").usd(1500, 3500).ages(40, 200),
        e(4, "77412").by(ONCOLOGY).pos("22").usd(700, 1600),
        e(3, "96372").by(ONCOLOGY).pos("11").usd(25, 60));
    put(m, Category.PREGNANCY, "O0991:2 O0992:2 O0993:2 O24410:1 O24419:1 O210:1 O26891:1 O26893:1 O1493:0.5",
        e(6, "59400").by(OBSTETRICS_AND_GYNECOLOGY).dx("O80").pos("21").usd(4500, 9000).delivery(),
        e(3, "59510").by(OBSTETRICS_AND_GYNECOLOGY).dx("O82:2 O1413:1 O4292:1").pos("21").usd(6000, 12000)
            .delivery(),
        e(12, "76805").by(OBSTETRICS_AND_GYNECOLOGY).dx("O0992:2 O0993:1 O26893:1").pos("11:6 22:4")
            .usd(200, 500),
        e(6, "76801").by(OBSTETRICS_AND_GYNECOLOGY).dx("O0991:2 O26891:1 O210:1").pos("11:6 22:4").usd(220, 480),
        e(6, "59025").by(OBSTETRICS_AND_GYNECOLOGY).dx("O0993:2 O26893:1 O24419:1").pos("11:6 22:4")
            .usd(80, 200),
        e(4, "81025").by(OBSTETRICS_AND_GYNECOLOGY, FAMILY_MEDICINE).dx("O0991:2 O26891:1").pos("11").usd(10, 30),
        e(5, "82950").by(OBSTETRICS_AND_GYNECOLOGY).dx("O0992:2 O24410:1 O24419:1").pos("11:6 81:4").usd(30, 70),
        e(20, "99213").by(OBSTETRICS_AND_GYNECOLOGY, FAMILY_MEDICINE).pos("11").usd(110, 170),
        e(10, "99214").by(OBSTETRICS_AND_GYNECOLOGY).pos("11").usd(170, 260),
        e(3, "99284").by(EMERGENCY_MEDICINE).dx("O210:2 O26893:1 O1493:1").pos("23").usd(700, 1500));
    put(m, Category.INJURY, "S93401A:4 S93402A:3 S52501A:2 S060X0A:2 S61411A:2 S83511A:1 S39012A:3 S134XXA:2 "
            + "S0990XA:1 S8290XA:1 S62609A:1 S0003XA:1 T148XXA:1 T7840XA:1",
        e(20, "99283").by(EMERGENCY_MEDICINE).pos("23").usd(350, 800),
        e(15, "99284").by(EMERGENCY_MEDICINE).pos("23").usd(700, 1500),
        e(6, "99285").by(EMERGENCY_MEDICINE).dx("S060X0A:2 S0990XA:1 S8290XA:1 S72001A:1").pos("23")
            .usd(1200, 3000),
        e(8, "73610").by(EMERGENCY_MEDICINE, ORTHOPEDIC_SURGERY, FAMILY_MEDICINE).dx("S93401A:1 S93402A:1")
            .pos("23:5 11:5").usd(80, 200),
        e(5, "73110").by(EMERGENCY_MEDICINE, ORTHOPEDIC_SURGERY).dx("S52501A").pos("23:6 11:4").usd(80, 200),
        e(6, "12001").by(EMERGENCY_MEDICINE, FAMILY_MEDICINE).dx("S61411A").pos("23:5 20:3 11:2").usd(180, 450),
        e(4, "29515").by(ORTHOPEDIC_SURGERY, EMERGENCY_MEDICINE).dx("S93401A:1 S93402A:1 S8290XA:1")
            .pos("11:6 23:4").usd(120, 280),
        e(3, "25600").by(ORTHOPEDIC_SURGERY).dx("S52501A").pos("11:6 22:4").usd(600, 1400),
        e(4, "70450").by(EMERGENCY_MEDICINE).dx("S060X0A:2 S0990XA:1").pos("23").usd(900, 2400),
        e(10, "99213").by(FAMILY_MEDICINE, ORTHOPEDIC_SURGERY).pos("11:7 20:3").usd(110, 170),
        e(6, "97110").by(PHYSICAL_THERAPY).dx("S83511A:1 S39012A:2 S134XXA:1").pos("11").usd(60, 140),
        e(1, "27236").by(ORTHOPEDIC_SURGERY).dx("S72001A").pos("21").usd(20000, 40000).ages(60, 200),
        e(2, "J1885").by(EMERGENCY_MEDICINE).pos("23").usd(10, 35));
    put(m, Category.PREVENTIVE_CARE, "Z0000:8 Z0001:2",
        e(4, "99391").by(FAMILY_MEDICINE).dx("Z00129:8 Z00121:2").ages(0, 0).usd(140, 220),
        e(10, "99392").by(FAMILY_MEDICINE).dx("Z00129:8 Z00121:2").ages(1, 4).usd(150, 230),
        e(10, "99393").by(FAMILY_MEDICINE).dx("Z00129:8 Z00121:2").ages(5, 11).usd(150, 230),
        e(10, "99394").by(FAMILY_MEDICINE).dx("Z00129:8 Z00121:2").ages(12, 17).usd(160, 250),
        e(10, "99395").by(FAMILY_MEDICINE, INTERNAL_MEDICINE).ages(18, 39).usd(180, 280),
        e(12, "99396").by(FAMILY_MEDICINE, INTERNAL_MEDICINE).ages(40, 64).usd(200, 300),
        e(6, "99397").by(INTERNAL_MEDICINE, FAMILY_MEDICINE).ages(65, 200).usd(220, 330),
        e(10, "G0438").by(FAMILY_MEDICINE, INTERNAL_MEDICINE).ages(65, 200).usd(180, 300),
        e(16, "G0439").by(FAMILY_MEDICINE, INTERNAL_MEDICINE).ages(65, 200).usd(130, 220),
        e(2, "G0402").by(INTERNAL_MEDICINE, FAMILY_MEDICINE).ages(65, 65).usd(170, 260),
        e(8, "77067").by(OBSTETRICS_AND_GYNECOLOGY, FAMILY_MEDICINE, INTERNAL_MEDICINE).dx("Z1231").female()
            .ages(40, 200).pos("22:6 11:4").usd(220, 450),
        e(5, "45378").by(INTERNAL_MEDICINE).dx("Z1211").ages(45, 200).pos("24:6 22:4").usd(1200, 3000),
        e(3, "G0121").by(INTERNAL_MEDICINE).dx("Z1211").ages(65, 200).pos("24:6 22:4").usd(1200, 3000),
        e(6, "83036").by(FAMILY_MEDICINE, INTERNAL_MEDICINE).dx("Z131").ages(35, 200).pos("11:6 81:4")
            .usd(25, 60),
        e(5, "Q0091").by(OBSTETRICS_AND_GYNECOLOGY, FAMILY_MEDICINE).dx("Z01419").female().ages(21, 65)
            .usd(40, 90),
        e(5, "99395").by(OBSTETRICS_AND_GYNECOLOGY).dx("Z01419").female().ages(18, 39).usd(180, 280),
        e(4, "80061").by(FAMILY_MEDICINE, INTERNAL_MEDICINE).dx("Z136").ages(20, 200).pos("11:6 81:4")
            .usd(35, 80),
        e(2, "93000").by(FAMILY_MEDICINE, INTERNAL_MEDICINE).dx("Z136").ages(50, 200).usd(45, 95),
        e(2, "G0444").by(FAMILY_MEDICINE, INTERNAL_MEDICINE).dx("Z1331").ages(18, 200).usd(15, 35));
    put(m, Category.OTHER, "E785:4 K219:3 E039:2 N390:2 R519:1 G43909:1 K5900:1 H109:1 E669:1 R059:1 J209:2 B349:1",
        e(25, "99213").by(FAMILY_MEDICINE, INTERNAL_MEDICINE).pos("11:9 02:1").usd(110, 170),
        e(15, "99214").by(INTERNAL_MEDICINE, FAMILY_MEDICINE).pos("11:9 02:1").usd(170, 260),
        e(8, "99212").by(FAMILY_MEDICINE).pos("11:8 02:2").usd(70, 120),
        e(6, "80053").by(FAMILY_MEDICINE, INTERNAL_MEDICINE).dx("E785:2 E039:1 D649:1").pos("11:5 81:5")
            .usd(40, 95),
        e(6, "85025").by(FAMILY_MEDICINE, INTERNAL_MEDICINE).dx("D649:2 D509:2 R519:1").pos("11:5 81:5")
            .usd(20, 50),
        e(8, "36415").by(FAMILY_MEDICINE, INTERNAL_MEDICINE).dx("E785:2 E039:1 D649:1").pos("11:6 81:4")
            .usd(8, 20),
        e(6, "80061").by(FAMILY_MEDICINE, INTERNAL_MEDICINE).dx("E785").pos("11:5 81:5").usd(35, 80),
        e(4, "84443").by(FAMILY_MEDICINE, INTERNAL_MEDICINE).dx("E039").pos("11:5 81:5").usd(35, 80),
        e(3, "87086").by(FAMILY_MEDICINE).dx("N390").pos("11:5 81:5").usd(25, 60),
        e(3, "81003").by(FAMILY_MEDICINE).dx("N390").pos("11").usd(10, 30),
        // Influenza and COVID-19 fall outside J00-J06, so they are "Other".
        e(6, "99213").by(FAMILY_MEDICINE, INTERNAL_MEDICINE).dx("J111:5 J1100:1 J101:1").pos("11:7 02:2 20:1")
            .usd(110, 170).season(Season.FLU),
        e(3, "87804").by(FAMILY_MEDICINE).dx("J111:3 J101:1").pos("11:8 20:2").usd(25, 60).season(Season.FLU),
        e(3, "99284").by(EMERGENCY_MEDICINE).dx("J111:2 J1100:1 U071:1").pos("23").usd(700, 1500)
            .season(Season.FLU),
        e(3, "87635").by(FAMILY_MEDICINE, INTERNAL_MEDICINE).dx("U071").pos("11:5 81:5").usd(50, 140)
            .season(Season.RESPIRATORY),
        e(8, "90686").by(FAMILY_MEDICINE, INTERNAL_MEDICINE).dx("Z23").ages(3, 200).usd(25, 60)
            .season(Season.FLU_SHOT),
        e(6, "90471").by(FAMILY_MEDICINE, INTERNAL_MEDICINE).dx("Z23").usd(20, 45).season(Season.FLU_SHOT),
        e(3, "G0008").by(FAMILY_MEDICINE, INTERNAL_MEDICINE).dx("Z23").ages(65, 200).usd(20, 45)
            .season(Season.FLU_SHOT),
        e(4, "99284").by(EMERGENCY_MEDICINE).dx("R079:3 R109:3 R0602:1 N390:1 L0390:1").pos("23").usd(700, 1500),
        e(4, "99285").by(EMERGENCY_MEDICINE).dx("R079:3 R109:2 J189:2 R0602:1").pos("23").usd(1200, 3000),
        e(2, "74177").by(EMERGENCY_MEDICINE).dx("R109").pos("23").usd(1500, 3500),
        e(4, "71046").by(EMERGENCY_MEDICINE, FAMILY_MEDICINE).dx("J189:2 R059:1 R0602:1").pos("23:5 11:5")
            .usd(80, 190),
        e(2, "99223").by(INTERNAL_MEDICINE).dx("J189:2 L0390:1 N390:1").pos("21").usd(450, 750),
        e(2, "J0696").by(FAMILY_MEDICINE, EMERGENCY_MEDICINE).dx("J189:1 N390:1").pos("11:5 23:5").usd(15, 45));
    return Collections.unmodifiableMap(m);
  }

  private static void put(Map<Category, Weighted<Encounter>> m, Category category, String defaultDiagnoses,
      Encounter.Builder... builders) {
    List<Encounter> encounters = new ArrayList<>();
    double[] weights = new double[builders.length];
    for (int i = 0; i < builders.length; i++) {
      encounters.add(builders[i].build(defaultDiagnoses));
      weights[i] = builders[i].weight;
    }
    m.put(category, Weighted.of(encounters, weights));
  }
}
