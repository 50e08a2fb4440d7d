package com.medflow.pipeline.landing;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.config.MedflowConfig;
import com.medflow.lake.testing.SparkTestSessions;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Objects read from S3 split into exactly the lines, in the same order, that Spark's text reader gives for a file. */
class PhysicalLinesTest {
  private static final byte[][] CASES = {
      "a,b\n1,2\n3,4\n".getBytes(StandardCharsets.UTF_8),
      "a,b\r\n1,2\r\n\r\n3,4".getBytes(StandardCharsets.UTF_8),
      "a,b\r1,2\r\r3,4\r".getBytes(StandardCharsets.UTF_8),
      "\uFEFFa,b\n\n\n  \n1,\"x\ny\"\n".getBytes(StandardCharsets.UTF_8),
      {'a', '\n', (byte) 0xC3, (byte) 0x28, ',', (byte) 0xFF, '\n', 'z'},
      {},
      "\n".getBytes(StandardCharsets.UTF_8),
      "only one line without end".getBytes(StandardCharsets.UTF_8),
      "a\n\uFEFFb\n".getBytes(StandardCharsets.UTF_8),
      {(byte) 0xEF, (byte) 0xBB},
  };

  @Test
  void linesMatchSparksTextReaderForEveryKindOfLineEnd(@TempDir Path dir) throws Exception {
    SparkSession spark = SparkTestSessions.session(MedflowConfig.forHome(dir, Map.of()));
    for (int i = 0; i < CASES.length; i++) {
      Path f = dir.resolve("case" + i + ".csv");
      Files.write(f, CASES[i]);
      List<String> expected = spark.read().text(f.toString()).collectAsList().stream().map(r -> r.getString(0)).toList();
      assertThat(read(new ByteArrayInputStream(CASES[i]))).as("case %d", i).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void aCarriageReturnLineFeedSplitAcrossReadBuffersEndsOneLine() {
    byte[] big = new byte[(1 << 16) + 2];
    java.util.Arrays.fill(big, (byte) 'x');
    big[(1 << 16) - 1] = '\r';
    big[1 << 16] = '\n';
    big[(1 << 16) + 1] = 'y';
    InputStream oneBufferAtATime = new ByteArrayInputStream(big) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1 << 16));
      }
    };
    List<String> lines = read(oneBufferAtATime);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).hasSize((1 << 16) - 1);
    assertThat(lines.get(1)).isEqualTo("y");
  }

  private static List<String> read(InputStream in) {
    List<String> out = new ArrayList<>();
    try (PhysicalLines lines = new PhysicalLines(in)) {
      lines.forEachRemaining(out::add);
    }
    return out;
  }
}
