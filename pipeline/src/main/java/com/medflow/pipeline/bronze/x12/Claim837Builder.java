package com.medflow.pipeline.bronze.x12;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Follows the loops of an 837P (005010X222A1) segment by segment and builds one record per claim:
 * the claim's own loops (2300, 2310x, 2320/2330x, 2400[n], 2410/2420x/2430[n]) plus the context it
 * belongs to (envelope and header, billing provider 2000A/2010Ax, subscriber 2000B/2010Bx, patient
 * 2000C/2010CA). Keys: {@code ISA13}, {@code BHT04}, {@code 2010AA.NM109}, {@code 2300.CLM05-1},
 * {@code 2400[1].SV101-2}, {@code 2400[1].DTP-472.03}; the first occurrence of a segment in a loop wins.
 */
final class Claim837Builder {
  private static final Set<String> QUALIFIED = Set.of("DTP", "REF", "AMT");
  private static final Map<String, String> PROVIDER_LOOPS = Map.of("85", "2010AA", "87", "2010AB", "PE", "2010AC");
  private static final Map<String, String> CLAIM_NAMES = Map.of("DN", "2310A", "P3", "2310A", "82", "2310B",
      "77", "2310C", "DQ", "2310D", "PW", "2310E", "45", "2310F");
  private static final Map<String, String> OTHER_PAYER_NAMES = Map.of("IL", "2330A", "PR", "2330B", "DN", "2330C",
      "82", "2330D", "77", "2330E", "DQ", "2330F", "85", "2330G");
  private static final Map<String, String> LINE_NAMES = Map.of("82", "2420A", "QB", "2420B", "77", "2420C",
      "DQ", "2420D", "DK", "2420E", "DN", "2420F", "PW", "2420G", "45", "2420H");

  private final Consumer<X12ClaimReader.Claim> claims;
  private final Consumer<String> problems;
  private char element = '*';
  private char component = ':';
  private char repetition = '^';
  private char terminator = '~';

  private final Map<String, String> envelope = new LinkedHashMap<>();
  private final Map<String, String> header = new LinkedHashMap<>();
  private final Map<String, String> provider = new LinkedHashMap<>();
  private final Map<String, String> subscriber = new LinkedHashMap<>();
  private final Map<String, String> patient = new LinkedHashMap<>();
  private Map<String, String> claim;
  private StringBuilder raw;
  private long claimSegment;
  private String loop = "";
  private int hlLevel; // 0 none, 20 billing provider, 22 subscriber, 23 patient
  private int line;
  private boolean otherSubscriber;
  private long stPosition;
  private final Map<String, String> controls = new HashMap<>();
  private int transactionsInGroup;
  private int groupsInInterchange;
  private int transactions;

  Claim837Builder(Consumer<X12ClaimReader.Claim> claims, Consumer<String> problems) {
    this.claims = claims;
    this.problems = problems;
  }

  void delimiters(Map<String, Character> d) {
    element = d.getOrDefault("io.xlate.edi.stream.delim.dataElement", element);
    component = d.getOrDefault("io.xlate.edi.stream.delim.componentElement", component);
    repetition = d.getOrDefault("io.xlate.edi.stream.delim.repetition", repetition);
    terminator = d.getOrDefault("io.xlate.edi.stream.delim.segment", terminator);
  }

  int transactions() {
    return transactions;
  }

  /** What a control count of {@code tag}'s trailer should have been when the current segment is that trailer. */
  long actualCount(String tag, long segments) {
    return switch (tag) {
      case "SE" -> segments - stPosition + 1;
      case "GE" -> transactionsInGroup;
      case "IEA" -> groupsInInterchange;
      default -> -1;
    };
  }

  String countedThing(String tag) {
    return switch (tag) {
      case "SE" -> "segments from ST to SE";
      case "GE" -> "transaction sets (ST) in the group";
      case "IEA" -> "functional groups (GS) in the interchange";
      default -> "";
    };
  }

  String controlNumber(String tag) {
    return switch (tag) {
      case "SE" -> "ST02 " + controls.getOrDefault("ST", "?");
      case "GE" -> "GS06 " + controls.getOrDefault("GS", "?");
      case "IEA" -> "ISA13 " + controls.getOrDefault("ISA", "?");
      default -> "?";
    };
  }

  void segment(X12Segment s) {
    switch (s.tag) {
      case "ISA" -> {
        envelope.clear();
        put(envelope, "", s);
        controls.put("ISA", s.value(13).trim());
        groupsInInterchange = 0;
      }
      case "GS" -> {
        put(envelope, "", s);
        controls.put("GS", s.value(6).trim());
        transactionsInGroup = 0;
        groupsInInterchange++;
        String version = s.value(8).trim();
        if (!s.value(1).trim().equals("HC") || !version.startsWith("005010X222")) {
          problems.accept("segment " + s.position + " (GS): functional group " + s.value(1).trim() + " " + version
              + " is not 837P professional claims (HC 005010X222A1)");
        }
      }
      case "ST" -> startTransaction(s);
      case "SE" -> {
        flushClaim();
        loop = "";
      }
      case "GE", "IEA" -> flushClaim();
      case "BHT" -> put(header, "", s);
      case "HL" -> hierarchy(s);
      case "CLM" -> startClaim(s);
      case "LX" -> {
        if (claim == null) {
          problems.accept("segment " + s.position + " (LX): service line outside a claim (no CLM before it)");
          return;
        }
        line++;
        loop = "2400[" + line + "]";
        otherSubscriber = false;
        append(s);
        put(claim, loop, s);
      }
      default -> other(s);
    }
  }

  private void startTransaction(X12Segment s) {
    flushClaim();
    stPosition = s.position;
    transactions++;
    transactionsInGroup++;
    controls.put("ST", s.value(2).trim());
    header.clear();
    provider.clear();
    subscriber.clear();
    patient.clear();
    hlLevel = 0;
    loop = "";
    put(header, "", s);
    if (!s.value(1).trim().equals("837")) {
      problems.accept("segment " + s.position + " (ST01): transaction set " + s.value(1).trim() + " is not an 837");
    }
  }

  private void hierarchy(X12Segment s) {
    flushClaim();
    String level = s.value(3).trim();
    switch (level) {
      case "20" -> {
        hlLevel = 20;
        provider.clear();
        subscriber.clear();
        patient.clear();
        loop = "2000A";
        put(provider, loop, s);
      }
      case "22" -> {
        hlLevel = 22;
        subscriber.clear();
        patient.clear();
        loop = "2000B";
        put(subscriber, loop, s);
      }
      case "23" -> {
        hlLevel = 23;
        patient.clear();
        loop = "2000C";
        put(patient, loop, s);
      }
      default -> problems.accept("segment " + s.position + " (HL03): unknown hierarchical level '" + level + "'");
    }
  }

  private void startClaim(X12Segment s) {
    flushClaim();
    if (hlLevel != 22 && hlLevel != 23) {
      problems.accept("segment " + s.position + " (CLM): claim outside a subscriber or patient loop (HL*22/23)");
      return;
    }
    claim = new LinkedHashMap<>();
    raw = new StringBuilder();
    claimSegment = s.position;
    line = 0;
    otherSubscriber = false;
    loop = "2300";
    append(s);
    put(claim, loop, s);
  }

  private void other(X12Segment s) {
    if (claim != null) {
      append(s);
      if (s.tag.equals("NM1")) {
        String entity = s.value(1).trim();
        String named = line > 0 ? LINE_NAMES.get(entity) : otherSubscriber ? OTHER_PAYER_NAMES.get(entity)
            : CLAIM_NAMES.get(entity);
        loop = named == null ? loop : line > 0 ? named + "[" + line + "]" : named;
      } else if (s.tag.equals("SBR") && line == 0) {
        otherSubscriber = true;
        loop = "2320";
      } else if (s.tag.equals("LIN") && line > 0) {
        loop = "2410[" + line + "]";
      } else if (s.tag.equals("SVD") && line > 0) {
        loop = "2430[" + line + "]";
      }
      put(claim, loop, s);
      return;
    }
    if (s.tag.equals("SV1") || s.tag.equals("SV5")) {
      problems.accept("segment " + s.position + " (" + s.tag + "): service line outside a claim (no CLM before it)");
      return;
    }
    Map<String, String> target = switch (hlLevel) {
      case 20 -> provider;
      case 22 -> subscriber;
      case 23 -> patient;
      default -> header;
    };
    if (s.tag.equals("NM1")) {
      String entity = s.value(1).trim();
      loop = switch (hlLevel) {
        case 0 -> entity.equals("41") ? "1000A" : entity.equals("40") ? "1000B" : loop;
        case 20 -> PROVIDER_LOOPS.getOrDefault(entity, loop);
        case 22 -> entity.equals("IL") ? "2010BA" : entity.equals("PR") ? "2010BB" : loop;
        default -> entity.equals("QC") ? "2010CA" : loop;
      };
    }
    put(target, loop, s);
  }

  private void append(X12Segment s) {
    raw.append(s.text(element, component, repetition)).append(terminator);
  }

  private void put(Map<String, String> into, String prefix, X12Segment s) {
    String base = (prefix.isEmpty() ? "" : prefix + ".") + s.tag;
    if (QUALIFIED.contains(s.tag)) {
      base = base + "-" + s.value(1).trim() + ".";
    }
    for (int e = 1; e <= s.size(); e++) {
      java.util.List<String> comps = s.components(e);
      if (comps.isEmpty()) {
        continue;
      }
      String key = base + String.format("%02d", e);
      if (comps.size() == 1) {
        into.putIfAbsent(key, comps.get(0));
      } else {
        for (int c = 0; c < comps.size(); c++) {
          into.putIfAbsent(key + "-" + (c + 1), comps.get(c));
        }
      }
    }
  }

  private void flushClaim() {
    if (claim == null) {
      return;
    }
    Map<String, String> record = new LinkedHashMap<>(envelope);
    record.putAll(header);
    record.putAll(provider);
    record.putAll(subscriber);
    record.putAll(patient);
    record.putAll(claim);
    claims.accept(new X12ClaimReader.Claim(claimSegment, record, raw.toString()));
    claim = null;
    raw = null;
  }

  void end(long segments) {
    flushClaim();
  }
}
