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
  void anEmptyFileHasNoHeader() {
    assertThatThrownBy(() -> check(UHC, "\n\n".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("empty file");
  }
}
