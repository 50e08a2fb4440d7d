package com.medflow.pipeline.bronze.x12;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads an X12 837P file with StAEDI, which checks the envelope (ISA/IEA, GS/GE, ST/SE: counts,
 * control numbers, delimiters), and hands each claim (CLM loop) to a consumer as a record keyed by
 * loop and element ({@link Claim837Builder}). Any envelope or structure problem fails the whole file
 * with every problem found and its segment position, before a claim is handed on: callers that
 * write only after {@link #read} returns never ingest half a file.
 */
public final class X12ClaimReader {
  private static final int MAX_PROBLEMS = 20;
  /** StAEDI logs schema details at INFO through java.util.logging; kept referenced so the level sticks. */
  private static final Logger STAEDI_LOG = Logger.getLogger("io.xlate");

  static {
    STAEDI_LOG.setLevel(Level.WARNING);
  }

  /** One claim: the position of its CLM segment, its record, and its segments as read. */
  public record Claim(long segment, Map<String, String> record, String raw) {}

  /** What a read found: segments, transactions and claims. */
  public record Summary(long segments, int transactions, long claims) {}

  private X12ClaimReader() {}

  /**
   * Reads the whole file; claims go to {@code claims} only after the file proved sound (they are
   * buffered until then). Throws {@link X12FormatException} naming every problem. Does not close {@code in}.
   */
  public static Summary read(InputStream in, Consumer<Claim> claims) {
    List<Claim> buffered = new ArrayList<>();
    Summary s = parse(in, buffered::add);
    buffered.forEach(claims);
    return s;
  }

  /** Checks the whole file and counts its claims without keeping them (preflight). */
  public static Summary check(InputStream in) {
    return parse(in, c -> { });
  }

  private static Summary parse(InputStream in, Consumer<Claim> sink) {
    long[] claims = {0};
    List<String> problems = new ArrayList<>();
    Claim837Builder builder = new Claim837Builder(c -> {
      claims[0]++;
      sink.accept(c);
    }, problems::add);
    long segments = 0;
    X12Segment current = null;
    EDIInputFactory factory = EDIInputFactory.newFactory();
    InputStream shielded = new java.io.FilterInputStream(in) {
      @Override
      public void close() { // the caller owns the stream
      }
    };
    try (EDIStreamReader r = factory.createEDIStreamReader(shielded)) {
      while (r.hasNext() && problems.size() < MAX_PROBLEMS) {
        EDIStreamEvent e = r.next();
        Location l = r.getLocation();
        switch (e) {
          case START_INTERCHANGE -> builder.delimiters(r.getDelimiters());
          case START_SEGMENT -> current = new X12Segment(r.getText(), ++segments);
          case ELEMENT_DATA -> {
            if (current != null) {
              current.add(l.getElementPosition(), l.getElementOccurrence(), l.getComponentPosition(), r.getText());
            }
          }
          case END_SEGMENT -> {
            if (current != null) {
              builder.segment(current);
            }
            current = null;
          }
          case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR ->
              problems.add(describe(r.getErrorType(), r.hasText() ? r.getText() : "", l, segments, builder));
          default -> { }
        }
      }
    } catch (EDIStreamException ex) {
      problems.add("segment " + (segments + 1) + ": not readable as X12 (wrong delimiter or broken segment after "
          + (current == null ? "segment " + segments : current.tag) + "): " + ex.getMessage());
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    builder.end(segments);
    if (segments == 0 && problems.isEmpty()) {
      problems.add("empty file: no ISA segment");
    }
    if (!problems.isEmpty()) {
      throw new X12FormatException(problems);
    }
    return new Summary(segments, builder.transactions(), claims[0]);
  }

  private static String describe(EDIStreamValidationError error, String text, Location l, long segments,
                                 Claim837Builder builder) {
    String tag = l.getSegmentTag() == null ? "" : l.getSegmentTag();
    String element = l.getElementPosition() > 0 ? String.format("%s%02d", tag, l.getElementPosition()) : tag;
    String at = "segment " + Math.max(1, segments) + " (" + element + ")";
    return switch (error) {
      case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> at + ": count " + text + " does not match the actual "
          + builder.actualCount(tag, segments) + " " + builder.countedThing(tag);
      case CONTROL_REFERENCE_MISMATCH -> at + ": control number " + text + " does not match its header's "
          + builder.controlNumber(tag);
      case MANDATORY_SEGMENT_MISSING -> at + ": missing " + text + " segment";
      default -> at + ": " + error.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
          + (text.isEmpty() ? "" : " '" + text + "'");
    };
  }
}
