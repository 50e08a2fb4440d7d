package com.medflow.pipeline.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medflow.model.mapping.PayerMapping;
import com.medflow.model.mapping.PayerMappings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePreflightTest {
  private static final PayerMappings MAPPINGS = PayerMappings.load(Optional.empty());
  private static final PayerMapping UHC = MAPPINGS.byFolder("unitedhealth").orElseThrow();
  private static final PayerMapping BC = MAPPINGS.byFolder("bluecross").orElseThrow();
  private static final String UHC_HEADER = String.join("|", UHC.header());

  @TempDir
  Path dir;

  private PreflightResult check(PayerMapping m, byte[] content) throws Exception {
    Path f = dir.resolve(m.folder() + ".csv");
    Files.write(f, content);
    LandingFile file = new LandingFile(m.folder(), f.toUri().toString(), f.getFileName().toString(), content.length);
    return FilePreflight.check(FileSystem.getLocal(new Configuration()), file, m);
  }

  @Test
  void countsDataLinesAcrossLineEndingsAndBlankLines() throws Exception {
    String text = UHC_HEADER + "\r\nrow1\r\n\r\nrow2\rrow3\n   \nrow4";
    PreflightResult r = check(UHC, text.getBytes(StandardCharsets.UTF_8));
    assertThat(r.headerLineIndex()).isZero();
    assertThat(r.dataLines()).isEqualTo(4);
    assertThat(r.blankLines()).isEqualTo(2);
    assertThat(r.sha256()).hasSize(64);
  }

  @Test
  void acceptsAByteOrderMarkAndLeadingBlankLinesBeforeTheHeader() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    String text = "\n" + String.join(",", BC.header()) + "\nrow\n";
    byte[] content = new byte[bom.length + text.length()];
    System.arraycopy(bom, 0, content, 0, 3);
    System.arraycopy(text.getBytes(StandardCharsets.UTF_8), 0, content, 3, text.length());
    PreflightResult r = check(BC, content);
    assertThat(r.headerLineIndex()).isEqualTo(1);
    assertThat(r.header()).first().isEqualTo("ClaimID");
    assertThat(r.dataLines()).isEqualTo(1);
  }

  @Test
  void rejectsBinaryContentNamingTheFile() {
    assertThatThrownBy(() -> check(UHC, new byte[] {'P', 'K', 3, 4, 0, 0, 1}))
        .isInstanceOf(UnreadableFileException.class).hasMessageContaining("unitedhealth/unitedhealth.csv")
        .hasMessageContaining("binary");
  }

  @Test
  void aHeaderSplitWithTheWrongDelimiterSaysSo() {
    String text = UHC_HEADER.replace('|', ',') + "\nx\n";
    assertThatThrownBy(() -> check(UHC, text.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnreadableFileException.class).hasMessageContaining("delimiter '|'")
        .hasMessageContaining("CLM_ID");
  }

  @Test
  void aMissingColumnIsNamed() {
    String text = UHC_HEADER.replace("|CARC_CD", "") + "\n";
    assertThatThrownBy(() -> check(UHC, text.getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("missing columns [CARC_CD]");
  }

  @Test
  void countsDataLinesThatAreNotValidUtf8WithTheirLineNumbers() throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write((UHC_HEADER + "\nok \u00e9\u20ac\uD83D\uDE00\n").getBytes(StandardCharsets.UTF_8));
    out.write(new byte[] {'a', (byte) 0xE9, 'b', '\n'}); // Latin-1 é: a lead byte without continuation
    out.write(new byte[] {'\n', (byte) 0xC0, (byte) 0xAF, '\n'}); // overlong '/'
    out.write(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'}); // a UTF-16 surrogate
    out.write(new byte[] {'c', (byte) 0xE2, (byte) 0x82}); // cut off by the end of the file
    PreflightResult r = check(UHC, out.toByteArray());
    assertThat(r.dataLines()).isEqualTo(5);
    assertThat(r.badUtf8Lines()).isEqualTo(4);
    assertThat(r.firstBadUtf8Lines()).containsExactly(3L, 5L, 6L, 7L);
    assertThat(r.encodingProblem()).contains("unitedhealth/unitedhealth.csv: 4 data line(s) not valid UTF-8"
        + " (lines 3, 5, 6, 7), quarantined as INVALID_ENCODING");
    assertThat(check(UHC, (UHC_HEADER + "\nrow\n").getBytes(StandardCharsets.UTF_8)).encodingProblem()).isEmpty();
  }

  @Test
  void anEmptyFileHasNoHeader() {
    assertThatThrownBy(() -> check(UHC, "\n\n".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("empty file");
  }
}
