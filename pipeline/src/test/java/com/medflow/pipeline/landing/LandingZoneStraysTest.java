package com.medflow.pipeline.landing;

import static org.assertj.core.api.Assertions.assertThat;

import com.medflow.model.mapping.PayerMappings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingZoneStraysTest {
  @Test
  void filesOutsideThePayerFoldersAreStraysAndWorkFilesAreNot(@TempDir Path root) throws Exception {
    for (String f : new String[] {"aetna/b1.csv", "aetna/notes.txt", "cigna/b1.csv", "cigna/2025/jan/b2.csv",
        "cigna/.b3.csv.part", ".hidden/x.csv", "loose.csv", ".DS_Store"}) {
      Files.createDirectories(root.resolve(f).getParent());
      Files.writeString(root.resolve(f), "x");
    }
    LandingZone zone = new LandingZone(new Configuration(), root.toString(), PayerMappings.load(Optional.empty()));

    assertThat(zone.strays()).extracting(RefusedFile::payer, RefusedFile::file, RefusedFile::batchId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("cigna", "cigna/2025/jan/b2.csv", "b2"),
            org.assertj.core.groups.Tuple.tuple("cigna", "cigna/b1.csv", "b1"),
            org.assertj.core.groups.Tuple.tuple("(landing zone)", "loose.csv", "loose"));
    assertThat(zone.strays().get(1).reason()).isEqualTo("unknown payer folder 'cigna/': no payer mapping names it"
        + " (known: aetna, bluecross, unitedhealth); add a mapping file to payers.dir or move the file");
    assertThat(zone.list()).extracting(LandingFile::displayName).containsExactly("aetna/b1.csv");
  }
}
