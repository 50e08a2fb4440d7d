package com.medflow.pipeline.demo;

import static java.util.Objects.requireNonNull;

import com.medflow.model.QualityCheck;
import com.medflow.model.mapping.PayerMapping;
import com.medflow.model.mapping.PayerMappings;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes realistic demo claim files in the three payer formats of DATA.md section 1 (BlueCross, Aetna,
 * UnitedHealth), as DATA.md section 6 asks: seasonal service dates in 2024 and 2025, real ICD-10-CM, CPT, HCPCS,
 * place-of-service and CARC codes that fit together, a few hundred providers with Luhn-valid NPIs, members over
 * every state, each payer with its own approval, denial and processing-time profile, and about 3% dirty rows that
 * cover every quality check of section 4. Pure Java, single-threaded, streaming: a million claims take a few
 * seconds. The same {@link DemoSpec} always gives byte-identical files.
 *
 * <p>A follow-up spec ({@link DemoSpec#followUp()}) regenerates the base batch of the same claim count and seed in
 * memory and writes only status changes (pending to approved or denied, denied to in review), so ingesting the
 * base batch and then the follow-up exercises claim updates.
 */
public final class DemoDataGenerator {
  private final DemoSpec spec;

  /** A generator for {@code spec}. */
  public DemoDataGenerator(DemoSpec spec) {
    this.spec = requireNonNull(spec, "spec is null");
  }

  /**
   * Writes {@code DIR/bluecross/<batch>.csv}, {@code DIR/aetna/<batch>.csv} and {@code DIR/unitedhealth/<batch>.csv},
   * creating the folders and replacing files of the same name; each file appears complete or not at all (it is
   * written under a hidden temporary name first).
   *
   * @param outDir the landing folder ({@code DIR})
   * @param progress told about every 50,000 claims
   * @return what was written
   * @throws IOException if a folder or file cannot be written
   */
  public GenerationReport write(Path outDir, ProgressListener progress) throws IOException {
    requireNonNull(outDir, "outDir is null");
    requireNonNull(progress, "progress is null");
    PayerMappings mappings = PayerMappings.load(Optional.empty());
    int firstDay = (int) DemoSpec.FIRST_SERVICE_DATE.toEpochDay();
    int lastDay = (int) spec.lastServiceDate().toEpochDay();
    int today = (int) spec.today().toEpochDay();
    ServiceCalendar calendar = new ServiceCalendar(firstDay, lastDay);
    ProviderPool providers = ProviderPool.create(Seeds.stream(spec.seed(), -1, Seeds.Purpose.PROVIDERS));
    Progress counter = new Progress(progress, spec.claims());

    List<FileReport> files = new ArrayList<>();
    long[] dirty = new long[QualityCheck.values().length];
    long claims = 0;
    for (PayerProfile payer : PayerProfile.values()) {
      PayerMapping mapping = mappings.byFolder(payer.folder())
          .orElseThrow(() -> new IllegalStateException("No payer mapping for " + payer.folder()));
      PayerFormat format = switch (payer) {
        case BLUECROSS -> new BlueCrossFormat(mapping);
        case AETNA -> new AetnaFormat(mapping);
        case UNITEDHEALTH -> new UnitedHealthFormat(mapping);
      };
      long n = payer.claims(spec.claims());
      MemberPool members = MemberPool.create(payer, n, firstDay, lastDay,
          Seeds.stream(spec.seed(), payer.ordinal(), Seeds.Purpose.MEMBERS));
      ClaimFactory factory = new ClaimFactory(payer, members, providers, calendar, today);
      PayerFileWriter writer = new PayerFileWriter(format, factory, providers, n, spec.seed(), payer.ordinal(),
          spec.followUp());

      Path dir = outDir.resolve(payer.folder());
      Files.createDirectories(dir);
      Path file = dir.resolve(spec.batch() + ".csv");
      Path part = dir.resolve("." + spec.batch() + ".csv.part");
      PayerFileWriter.Result result;
      try (Writer out = new BufferedWriter(
          new OutputStreamWriter(Files.newOutputStream(part), StandardCharsets.UTF_8), 1 << 16)) {
        result = writer.write(out, counter);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(part);
        throw e;
      }
      move(part, file);
      files.add(new FileReport(mapping.payer(), file, result.dataLines(), Files.size(file)));
      claims += result.claims();
      for (int i = 0; i < dirty.length; i++) {
        dirty[i] += result.dirtyByCheck()[i];
      }
    }
    counter.finish();

    Map<String, Long> byCode = new LinkedHashMap<>();
    long dirtyRows = 0;
    for (QualityCheck check : QualityCheck.values()) {
      byCode.put(check.name(), dirty[check.ordinal()]);
      dirtyRows += dirty[check.ordinal()];
    }
    return new GenerationReport(files, claims, dirtyRows, byCode);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
