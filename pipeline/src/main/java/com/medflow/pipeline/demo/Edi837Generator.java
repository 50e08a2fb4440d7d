package com.medflow.pipeline.demo;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a valid X12 837P demo file, {@code DIR/humana-837p/<batch>.837}, read by
 * {@code payers/humana-837p.yaml}: {@code claims} claims with the clinical realism of the CSV demo
 * data (members, providers with Luhn-valid NPIs, fitting ICD-10-CM and CPT/HCPCS codes), about a
 * quarter with a second service line (venipuncture), grouped into one transaction set per
 * submission day. Only clean claims: broken files are made by hand in tests. Same spec, same bytes.
 */
public final class Edi837Generator {
  /** The landing folder of the 837P source ({@code folder} of its mapping). */
  public static final String FOLDER = "humana-837p";
  private static final int STREAM = 7; // seed stream of its own: the three CSV payers use 0..2

  private final DemoSpec spec;

  public Edi837Generator(DemoSpec spec) {
    this.spec = requireNonNull(spec, "spec is null");
  }

  /** Writes the file (complete or not at all) and reports it; a claim is one data record. */
  public FileReport write(Path outDir) throws IOException {
    int firstDay = (int) DemoSpec.FIRST_SERVICE_DATE.toEpochDay();
    int lastDay = (int) spec.lastServiceDate().toEpochDay();
    ProviderPool providers = ProviderPool.create(Seeds.stream(spec.seed(), -1, Seeds.Purpose.PROVIDERS));
    MemberPool members = MemberPool.create(PayerProfile.AETNA, spec.claims(), firstDay, lastDay,
        Seeds.stream(spec.seed(), STREAM, Seeds.Purpose.MEMBERS));
    ClaimFactory factory = new ClaimFactory(PayerProfile.AETNA, members, providers,
        new ServiceCalendar(firstDay, lastDay), (int) spec.today().toEpochDay());
    ClaimIds ids = new ClaimIds(PayerProfile.AETNA, 1);
    SplittableRandom rng = Seeds.stream(spec.seed(), STREAM, Seeds.Purpose.CLAIMS);
    List<Edi837Writer.Item> items = new ArrayList<>();
    for (long i = 1; i <= spec.claims(); i++) {
      Claim c = factory.next(rng, ids);
      boolean lab = rng.nextDouble() < 0.25 && !c.procedure().equals("36415");
      items.add(new Edi837Writer.Item(c, String.format("HUM%010d", i), "H" + c.member().id().replaceAll("\\D", ""),
          lab ? "36415" : null, lab ? 2500 : 0));
    }
    items.sort(Comparator.comparingInt((Edi837Writer.Item it) -> it.claim().submittedDay())
        .thenComparing(Edi837Writer.Item::controlNumber));
    List<List<Edi837Writer.Item>> days = new ArrayList<>();
    for (Edi837Writer.Item it : items) {
      if (days.isEmpty() || days.get(days.size() - 1).get(0).claim().submittedDay() != it.claim().submittedDay()) {
        days.add(new ArrayList<>());
      }
      days.get(days.size() - 1).add(it);
    }
    Path dir = Files.createDirectories(outDir.resolve(FOLDER));
    Path file = dir.resolve(spec.batch() + ".837");
    Path part = dir.resolve("." + spec.batch() + ".837.part");
    try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(part), StandardCharsets.US_ASCII),
        1 << 16)) {
      new Edi837Writer(out).write(days, 1);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(part);
      throw e;
    }
    Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
    return new FileReport("Humana", file, items.size(), Files.size(file));
  }
}
