package com.medflow.pipeline.bronze.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class X12ClaimReaderTest {
  private static final String GOOD = X12Files.file(concat(X12Files.claim("PCN-1", "1234567893"),
      List.of("HL*3**20*1", "NM1*85*2*OTHER CLINIC*****XX*1987654328", "HL*4*3*22*0",
          "NM1*IL*1*ROE*JIM****MI*HM2", "DMG*D8*19500704*M", "CLM*PCN-2*80***23:B:1*Y*A*Y*Y", "HI*ABK:J449",
          "LX*1", "SV1*HC:99285*80*UN*1***1", "DTP*472*D8*20250108")));

  @Test
  void eachClaimBecomesARecordKeyedByLoopAndElement() {
    List<X12ClaimReader.Claim> claims = new ArrayList<>();
    X12ClaimReader.Summary s = read(GOOD, claims);

    assertThat(s.claims()).isEqualTo(2);
    assertThat(s.transactions()).isEqualTo(1);
    X12ClaimReader.Claim first = claims.get(0);
    assertThat(first.segment()).as("position of CLM in the file").isEqualTo(21);
    assertThat(first.record()).containsEntry("2300.CLM01", "PCN-1").containsEntry("2300.CLM02", "240.00")
        .containsEntry("2300.CLM05-1", "11").containsEntry("2010AA.NM109", "1234567893")
        .containsEntry("2000A.PRV03", "207Q00000X").containsEntry("2010BA.NM109", "HM100234871")
        .containsEntry("2010BA.DMG02", "19610314").containsEntry("2010BA.DMG03", "F")
        .containsEntry("2010BA.N402", "OH").containsEntry("2010BB.NM103", "HUMANA")
        .containsEntry("2300.HI01-2", "E119").containsEntry("2300.HI02-2", "I10")
        .containsEntry("2400[1].SV101-2", "99213").containsEntry("2400[2].SV101-2", "83036")
        .containsEntry("2400[1].DTP-472.03", "20250107").containsEntry("BHT04", "20250110")
        .containsEntry("ST02", "0001").containsEntry("2010AA.REF-EI.02", "123456789");
    assertThat(first.raw()).startsWith("CLM*PCN-1*240.00***11:B:1*Y*A*Y*Y~HI*ABK:E119*ABF:I10~LX*1~")
        .endsWith("DTP*472*D8*20250107~");
    X12ClaimReader.Claim second = claims.get(1);
    assertThat(second.record()).containsEntry("2010AA.NM109", "1987654328").containsEntry("2010BA.NM109", "HM2")
        .doesNotContainKey("2000A.PRV03").doesNotContainKey("2300.HI02-2").doesNotContainKey("2400[2].SV101-2");
  }

  @Test
  void aWrongSegmentCountNamesTheTrailerAndBothCounts() {
    String bad = X12Files.replace(GOOD, "SE*", "SE*20*0001");
    assertThatThrownBy(() -> read(bad, new ArrayList<>())).isInstanceOf(X12FormatException.class)
        .hasMessageContaining("segment 39 (SE01): count 20 does not match the actual 37 segments from ST to SE");
  }

  @Test
  void wrongGroupAndInterchangeTrailersAreReported() {
    String bad = X12Files.replace(X12Files.replace(GOOD, "GE*", "GE*2*1"), "IEA*", "IEA*1*000000009");
    assertThatThrownBy(() -> read(bad, new ArrayList<>())).isInstanceOf(X12FormatException.class)
        .hasMessageContaining("segment 40 (GE01): count 2 does not match the actual 1 transaction sets")
        .hasMessageContaining("segment 41 (IEA02): control number 000000009 does not match its header's ISA13 000000001");
  }

  @Test
  void aWrongDelimiterMidFileIsReportedWithItsPosition() {
    String bad = X12Files.replace(GOOD, "BHT*", "BHT|0019|00|0001|20250110|1200|CH");
    assertThatThrownBy(() -> read(bad, new ArrayList<>())).isInstanceOf(X12FormatException.class)
        .hasMessageContaining("segment 4: not readable as X12");
  }

  @Test
  void aMissingTrailerAndServiceLinesOutsideAClaimAreStructureErrors() {
    String noSe = GOOD.replaceAll("SE\\*[^~]*~\n", "");
    assertThatThrownBy(() -> read(noSe, new ArrayList<>())).hasMessageContaining("missing SE segment");
    String stray = X12Files.file(List.of("HL*1**20*1", "LX*1", "SV1*HC:99213*1*UN*1***1"));
    assertThatThrownBy(() -> read(stray, new ArrayList<>())).hasMessageContaining("segment 9 (LX): service line outside a claim");
  }

  @Test
  void notAnX12FileAndNotAn837AreRefused() {
    assertThatThrownBy(() -> read("CLM_ID,MBR_ID\n1,2\n", new ArrayList<>())).hasMessageContaining("not readable as X12");
    String remit = X12Files.replace(GOOD, "ST*", "ST*835*0001*005010X221A1");
    assertThatThrownBy(() -> read(remit, new ArrayList<>())).hasMessageContaining("(ST01): transaction set 835 is not an 837");
  }

  @Test
  void nothingIsHandedOnFromABrokenFile() {
    List<X12ClaimReader.Claim> claims = new ArrayList<>();
    assertThatThrownBy(() -> read(X12Files.replace(GOOD, "SE*", "SE*1*0001"), claims)).isInstanceOf(X12FormatException.class);
    assertThat(claims).isEmpty();
  }

  private static X12ClaimReader.Summary read(String text, List<X12ClaimReader.Claim> into) {
    return X12ClaimReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), into::add);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
