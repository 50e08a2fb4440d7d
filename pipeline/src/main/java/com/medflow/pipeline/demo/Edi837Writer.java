package com.medflow.pipeline.demo;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes demo claims as one X12 837P (005010X222A1) interchange: one transaction set per submission
 * day, each claim with its billing provider (HL 20), subscriber who is the patient (HL 22), CLM, HI
 * and one or two service lines (SV1 + DTP*472). Segment counts and control numbers are exact.
 */
final class Edi837Writer {
  static final String PAYER_NAME = "HUMANA";
  static final String PAYER_ID = "61101";
  private static final DateTimeFormatter D8 = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
  private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT);
  private static final Map<Specialty, String> TAXONOMY = Map.ofEntries(
      Map.entry(Specialty.FAMILY_MEDICINE, "207Q00000X"), Map.entry(Specialty.INTERNAL_MEDICINE, "207R00000X"),
      Map.entry(Specialty.CARDIOLOGY, "207RC0000X"), Map.entry(Specialty.ENDOCRINOLOGY, "207RE0101X"),
      Map.entry(Specialty.PULMONOLOGY, "207RP1001X"), Map.entry(Specialty.PSYCHIATRY, "2084P0800X"),
      Map.entry(Specialty.ORTHOPEDIC_SURGERY, "207X00000X"), Map.entry(Specialty.EMERGENCY_MEDICINE, "207P00000X"),
      Map.entry(Specialty.ONCOLOGY, "207RX0202X"), Map.entry(Specialty.OBSTETRICS_AND_GYNECOLOGY, "207V00000X"),
      Map.entry(Specialty.NEPHROLOGY, "207RN0300X"), Map.entry(Specialty.PHYSICAL_THERAPY, "225100000X"));
  private static final String[] LAST = {"SMITH", "JOHNSON", "WILLIAMS", "BROWN", "JONES", "GARCIA", "MILLER", "DAVIS",
      "RODRIGUEZ", "MARTINEZ", "HERNANDEZ", "LOPEZ", "WILSON", "ANDERSON", "THOMAS", "TAYLOR", "MOORE", "JACKSON"};
  private static final String[] FIRST = {"MARY", "JAMES", "PATRICIA", "JOHN", "JENNIFER", "ROBERT", "LINDA", "MICHAEL",
      "ELIZABETH", "DAVID", "SUSAN", "WILLIAM", "JESSICA", "RICHARD", "SARAH", "JOSEPH", "KAREN", "THOMAS"};

  /** A claim as written: the claim, its patient control number, member id and optional second line. */
  record Item(Claim claim, String controlNumber, String memberId, String secondProcedure, long secondCents) {}

  private final Writer out;
  private long segments;

  Edi837Writer(Writer out) {
    this.out = out;
  }

  /** Writes the interchange; {@code days} holds the claims of each submission day, in day order. */
  void write(List<List<Item>> days, int interchange) throws IOException {
    LocalDate created = LocalDate.ofEpochDay(days.get(days.size() - 1).get(0).claim().submittedDay());
    String ctl = String.format("%09d", interchange);
    segment("ISA*00*          *00*          *ZZ*" + pad("MEDFLOWDEMO", 15) + "*ZZ*" + pad(PAYER_ID, 15) + "*"
        + YYMMDD.format(created) + "*1200*^*00501*" + ctl + "*0*P*:");
    segment("GS*HC*MEDFLOWDEMO*" + PAYER_ID + "*" + D8.format(created) + "*1200*" + interchange + "*X*005010X222A1");
    int st = 0;
    for (List<Item> day : days) {
      st++;
      transaction(day, String.format("%04d", st));
    }
    segment("GE*" + st + "*" + interchange);
    segment("IEA*1*" + ctl);
  }

  private void transaction(List<Item> claims, String stControl) throws IOException {
    long start = segments;
    LocalDate submitted = LocalDate.ofEpochDay(claims.get(0).claim().submittedDay());
    segment("ST*837*" + stControl + "*005010X222A1");
    segment("BHT*0019*00*" + stControl + D8.format(submitted) + "*" + D8.format(submitted) + "*1200*CH");
    segment("NM1*41*2*MEDFLOW DEMO CLEARINGHOUSE*****46*MFDEMO01");
    segment("PER*IC*EDI SUPPORT*TE*8005550100");
    segment("NM1*40*2*" + PAYER_NAME + "*****46*" + PAYER_ID);
    int hl = 0;
    for (Item item : claims) {
      Claim c = item.claim();
      Member m = c.member();
      Provider p = c.provider();
      int providerHl = ++hl;
      segment("HL*" + providerHl + "**20*1");
      segment("PRV*BI*PXC*" + TAXONOMY.get(p.specialty()));
      segment("NM1*85*2*" + clean(p.upperName()) + "*****XX*" + p.npi());
      segment("N3*" + (100 + Math.floorMod(p.npi().hashCode(), 900)) + " MAIN ST");
      segment("N4*SPRINGFIELD*" + m.state() + "*" + zip(p.npi()));
      segment("REF*EI*" + p.npi().substring(1));
      segment("HL*" + (++hl) + "*" + providerHl + "*22*0");
      segment("SBR*P*18*******CI");
      int h = Math.floorMod(m.id().hashCode(), LAST.length * FIRST.length);
      segment("NM1*IL*1*" + LAST[h % LAST.length] + "*" + FIRST[h / LAST.length] + "****MI*" + item.memberId());
      segment("N3*" + (10 + Math.floorMod(m.id().hashCode(), 90)) + " ELM ST");
      segment("N4*SPRINGFIELD*" + m.state() + "*" + zip(m.id()));
      segment("DMG*D8*" + D8.format(LocalDate.ofEpochDay(m.birthDay())) + "*" + m.sex());
      segment("NM1*PR*2*" + PAYER_NAME + "*****PI*" + PAYER_ID);
      long total = c.billedCents() + item.secondCents();
      segment("CLM*" + item.controlNumber() + "*" + money(total) + "***" + c.placeOfService() + ":B:1*Y*A*Y*Y");
      StringBuilder hi = new StringBuilder("HI*ABK:" + c.dx1());
      if (c.dx2() != null) {
        hi.append("*ABF:").append(c.dx2());
      }
      if (c.dx3() != null) {
        hi.append("*ABF:").append(c.dx3());
      }
      segment(hi.toString());
      String service = D8.format(LocalDate.ofEpochDay(c.serviceDay()));
      segment("LX*1");
      segment("SV1*HC:" + c.procedure() + "*" + money(c.billedCents()) + "*UN*1***1");
      segment("DTP*472*D8*" + service);
      if (item.secondProcedure() != null) {
        segment("LX*2");
        segment("SV1*HC:" + item.secondProcedure() + "*" + money(item.secondCents()) + "*UN*1***1");
        segment("DTP*472*D8*" + service);
      }
    }
    segment("SE*" + (segments - start + 1) + "*" + stControl);
  }

  private void segment(String s) throws IOException {
    out.write(s);
    out.write("~\n");
    segments++;
  }

  static String money(long cents) {
    return cents / 100 + "." + String.format("%02d", cents % 100);
  }

  private static String pad(String s, int width) {
    return String.format("%-" + width + "s", s);
  }

  private static String zip(String seed) {
    return String.format("%05d", 10000 + Math.floorMod(seed.hashCode(), 89999));
  }

  /** Names must not contain X12 delimiters. */
  private static String clean(String s) {
    return s.replace('*', ' ').replace('~', ' ').replace(':', ' ').replace('^', ' ');
  }
}
