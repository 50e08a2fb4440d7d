package com.medflow.pipeline.bronze.x12;

import java.util.ArrayList;
import java.util.List;

/** Hand-made 837P files for tests: correct envelopes (counts, control numbers) around the given segments. */
public final class X12Files {
  private X12Files() {}

  /** Billing provider + subscriber + claim segments of one clean claim; {@code npi} and {@code id} vary. */
  public static List<String> claim(String id, String npi) {
    return List.of(
        "HL*1**20*1", "PRV*BI*PXC*207Q00000X", "NM1*85*2*LAKESIDE FAMILY MEDICINE*****XX*" + npi, "N3*123 MAIN ST",
        "N4*COLUMBUS*OH*43215", "REF*EI*123456789", "HL*2*1*22*0", "SBR*P*18*******CI",
        "NM1*IL*1*DOE*JANE****MI*HM100234871", "N3*1 ELM ST", "N4*COLUMBUS*OH*43215", "DMG*D8*19610314*F",
        "NM1*PR*2*HUMANA*****PI*61101", "CLM*" + id + "*240.00***11:B:1*Y*A*Y*Y", "HI*ABK:E119*ABF:I10", "LX*1",
        "SV1*HC:99213*140.00*UN*1***1", "DTP*472*D8*20250107", "LX*2", "SV1*HC:83036*100.00*UN*1***1",
        "DTP*472*D8*20250107");
  }

  /** One interchange, one group, one transaction set holding {@code body}, with exact SE/GE/IEA counts. */
  public static String file(List<String> body) {
    List<String> segs = new ArrayList<>();
    segs.add("ISA*00*          *00*          *ZZ*SUBMITTERID    *ZZ*61101          *250110*1200*^*00501*000000001*0*P*:");
    segs.add("GS*HC*SUBMITTERID*61101*20250110*1200*1*X*005010X222A1");
    segs.add("ST*837*0001*005010X222A1");
    segs.add("BHT*0019*00*0001*20250110*1200*CH");
    segs.add("NM1*41*2*SUBMITTER CLINIC*****46*TGJ23");
    segs.add("PER*IC*JANE DOE*TE*5555551234");
    segs.add("NM1*40*2*HUMANA*****46*61101");
    segs.addAll(body);
    segs.add("SE*" + (body.size() + 6) + "*0001");
    segs.add("GE*1*1");
    segs.add("IEA*1*000000001");
    return String.join("~\n", segs) + "~\n";
  }

  /** {@code text} with the first segment starting with {@code prefix} replaced by {@code replacement}. */
  public static String replace(String text, String prefix, String replacement) {
    int at = text.startsWith(prefix) ? 0 : text.indexOf("\n" + prefix) + 1;
    if (at < 0 || (at == 0 && !text.startsWith(prefix))) {
      throw new IllegalArgumentException("No segment " + prefix);
    }
    int end = text.indexOf('~', at);
    return text.substring(0, at) + replacement + text.substring(end);
  }
}
