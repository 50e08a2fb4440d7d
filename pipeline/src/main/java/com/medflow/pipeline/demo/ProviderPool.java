package com.medflow.pipeline.demo;

import com.medflow.model.rules.Npi;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A few hundred providers over the twelve specialties, with Luhn-valid NPIs and realistic names: practices
 * ("Lakeside Family Medicine, PC"), clinicians ("Emily Chen, MD") and a few non-ASCII names ("Clínica São José").
 * Shared by the three payers, as real providers bill several plans.
 */
final class ProviderPool {
  private static final String[] PLACES = {
      "Lakeside", "Riverside", "Summit", "Cedar Valley", "Harbor", "Prairie", "Maple Grove", "Northgate", "Bayview",
      "Pinecrest", "Oak Hill", "Willow Creek", "Blue Ridge", "Sunrise", "Heritage", "Meridian", "Evergreen",
      "Red Rock", "Silver Lake", "Coastal", "Mountain View", "Westside", "Eastside", "Capitol", "Hill Country",
      "Great Plains", "Magnolia", "Keystone", "Bluegrass", "Cascade", "Desert Sky", "Gulf Coast", "Lakeshore",
      "Piedmont", "Sierra", "Tidewater", "Valley", "Hudson Valley", "Twin Cities", "Lone Star", "Palmetto",
      "Golden Valley", "St. Mary's", "Good Samaritan", "Mercy", "Providence", "Trinity", "St. Luke's"};
  private static final String[] FIRST = {
      "Emily", "Michael", "Sarah", "David", "Jennifer", "James", "Maria", "Robert", "Linda", "William", "Priya",
      "Wei", "Aisha", "Carlos", "Olga", "Hiroshi", "Fatima", "Daniel", "Rachel", "Kevin", "Grace", "Ahmed",
      "Sofia", "Thomas", "Anjali", "Luis", "Hannah", "Samuel", "Mei", "Nathan", "Chloe", "Omar", "Rebecca",
      "Jorge", "Elena", "Andrew", "Nadia", "Brian", "Keisha", "Victor"};
  private static final String[] LAST = {
      "Chen", "Patel", "Johnson", "Williams", "Garcia", "Nguyen", "Smith", "Kim", "Brown", "Rodriguez", "Singh",
      "Miller", "Davis", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Okafor", "Cohen",
      "O'Brien", "Murphy", "Rossi", "Schmidt", "Kowalski", "Ivanova", "Tanaka", "Haddad", "Mensah", "Reyes",
      "Sullivan", "Bennett", "Shapiro", "Castillo", "Nakamura", "Fitzgerald", "Abernathy", "Delgado"};
  private static final String[] SUFFIXES = {", PC", ", LLC", ", PLLC", ", PA", " Group", ", Inc.", "", ""};
  private static final Map<Specialty, String[]> ORG_NOUNS = new EnumMap<>(Map.ofEntries(
      Map.entry(Specialty.FAMILY_MEDICINE, new String[] {"Family Medicine", "Family Practice", "Primary Care"}),
      Map.entry(Specialty.INTERNAL_MEDICINE, new String[] {"Internal Medicine", "Internists", "Adult Medicine"}),
      Map.entry(Specialty.CARDIOLOGY, new String[] {"Cardiology", "Heart & Vascular", "Cardiovascular Associates"}),
      Map.entry(Specialty.ENDOCRINOLOGY, new String[] {"Endocrinology", "Diabetes & Endocrine Center"}),
      Map.entry(Specialty.PULMONOLOGY, new String[] {"Pulmonary Associates", "Lung & Sleep Center"}),
      Map.entry(Specialty.PSYCHIATRY, new String[] {"Behavioral Health", "Psychiatry", "Counseling & Psychiatry"}),
      Map.entry(Specialty.ORTHOPEDIC_SURGERY, new String[] {"Orthopedics", "Bone & Joint", "Spine & Joint"}),
      Map.entry(Specialty.EMERGENCY_MEDICINE, new String[] {"Emergency Physicians", "Emergency Medicine Group"}),
      Map.entry(Specialty.ONCOLOGY, new String[] {"Cancer Center", "Oncology & Hematology", "Cancer Institute"}),
      Map.entry(Specialty.OBSTETRICS_AND_GYNECOLOGY, new String[] {"Women's Health", "OB/GYN", "Obstetrics"}),
      Map.entry(Specialty.NEPHROLOGY, new String[] {"Kidney Care", "Nephrology Associates"}),
      Map.entry(Specialty.PHYSICAL_THERAPY, new String[] {"Physical Therapy", "Rehab & Sports Therapy"})));
  /** Names every pool contains, so the demo always shows commas, quotes and non-ASCII text. */
  private static final Map<Specialty, String[]> FIXED = new EnumMap<>(Map.ofEntries(
      Map.entry(Specialty.FAMILY_MEDICINE, new String[] {"Lakeside Family Medicine, PC", "Clínica São José"}),
      Map.entry(Specialty.INTERNAL_MEDICINE, new String[] {"José Martínez, MD", "Nguyễn Thị Lan, MD"}),
      Map.entry(Specialty.CARDIOLOGY, new String[] {"Robert \"Bob\" Keller, MD", "François Bélanger, MD"}),
      Map.entry(Specialty.ORTHOPEDIC_SURGERY, new String[] {"Søren Nygård, MD"}),
      Map.entry(Specialty.PHYSICAL_THERAPY, new String[] {"Zoë Müller, PT, DPT"}),
      Map.entry(Specialty.OBSTETRICS_AND_GYNECOLOGY, new String[] {"Centro Médico La Peña, PLLC"})));

  private final List<Provider> all;
  private final Map<Specialty, Provider[]> bySpecialty = new EnumMap<>(Specialty.class);

  private ProviderPool(List<Provider> all) {
    this.all = List.copyOf(all);
    for (Specialty s : Specialty.values()) {
      bySpecialty.put(s, all.stream().filter(p -> p.specialty() == s).toArray(Provider[]::new));
    }
  }

  static ProviderPool create(SplittableRandom rng) {
    long modulus = 100_000_000L;
    long step = Seeds.coprimeStep(rng, modulus);
    long offset = rng.nextLong(modulus);
    Set<String> names = new HashSet<>();
    List<Provider> providers = new ArrayList<>();
    long k = 0;
    for (Specialty s : Specialty.values()) {
      String[] fixed = FIXED.getOrDefault(s, new String[0]);
      for (int i = 0; i < s.providers(); i++) {
        String name;
        if (i < fixed.length) {
          name = fixed[i];
        } else {
          do {
            name = rng.nextDouble() < 0.55 ? practiceName(s, rng) : clinicianName(s, rng);
          } while (names.contains(name));
        }
        names.add(name);
        String nine = (rng.nextBoolean() ? "1" : "2") + pad8((offset + k++ * step) % modulus);
        String npi = nine + Npi.checkDigit(nine);
        providers.add(new Provider(npi, name, name.toUpperCase(Locale.ROOT), s));
      }
    }
    return new ProviderPool(providers);
  }

  /** A provider of the specialty; a few busy providers see many patients. */
  Provider pick(Specialty specialty, SplittableRandom rng) {
    Provider[] p = bySpecialty.get(specialty);
    double u = rng.nextDouble();
    return p[(int) (p.length * u * u)];
  }

  List<Provider> all() {
    return all;
  }

  /** Providers whose name contains a comma and no quote (for unquoted-comma malformed rows). */
  List<Provider> withCommaInName() {
    return all.stream().filter(p -> p.name().indexOf(',') >= 0 && p.name().indexOf('"') < 0).toList();
  }

  private static String practiceName(Specialty s, SplittableRandom rng) {
    String[] nouns = ORG_NOUNS.get(s);
    String noun = nouns[rng.nextInt(nouns.length)];
    String suffix = SUFFIXES[rng.nextInt(SUFFIXES.length)];
    return PLACES[rng.nextInt(PLACES.length)] + " " + noun + suffix;
  }

  private static String clinicianName(Specialty s, SplittableRandom rng) {
    String credential = switch (s) {
      case PHYSICAL_THERAPY -> rng.nextBoolean() ? "PT, DPT" : "DPT";
      case FAMILY_MEDICINE -> rng.nextDouble() < 0.2 ? "NP" : rng.nextDouble() < 0.3 ? "DO" : "MD";
      case PSYCHIATRY -> rng.nextDouble() < 0.2 ? "DO" : "MD";
      default -> rng.nextDouble() < 0.15 ? "DO" : "MD";
    };
    return FIRST[rng.nextInt(FIRST.length)] + " " + LAST[rng.nextInt(LAST.length)] + ", " + credential;
  }

  private static String pad8(long v) {
    String s = Long.toString(v);
    return "00000000".substring(s.length()) + s;
  }
}
