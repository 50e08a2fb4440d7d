package com.medflow.model.codes;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** USPS two-letter codes of the states, DC and Puerto Rico, with their names. */
public final class UsStates {
  private static final Map<String, String> NAMES = new TreeMap<>();

  static {
    String[] pairs = {
        "AL", "Alabama", "AK", "Alaska", "AZ", "Arizona", "AR", "Arkansas", "CA", "California", "CO", "Colorado",
        "CT", "Connecticut", "DE", "Delaware", "DC", "District of Columbia", "FL", "Florida", "GA", "Georgia",
        "HI", "Hawaii", "ID", "Idaho", "IL", "Illinois", "IN", "Indiana", "IA", "Iowa", "KS", "Kansas",
        "KY", "Kentucky", "LA", "Louisiana", "ME", "Maine", "MD", "Maryland", "MA", "Massachusetts",
        "MI", "Michigan", "MN", "Minnesota", "MS", "Mississippi", "MO", "Missouri", "MT", "Montana",
        "NE", "Nebraska", "NV", "Nevada", "NH", "New Hampshire", "NJ", "New Jersey", "NM", "New Mexico",
        "NY", "New York", "NC", "North Carolina", "ND", "North Dakota", "OH", "Ohio", "OK", "Oklahoma",
        "OR", "Oregon", "PA", "Pennsylvania", "RI", "Rhode Island", "SC", "South Carolina", "SD", "South Dakota",
        "TN", "Tennessee", "TX", "Texas", "UT", "Utah", "VT", "Vermont", "VA", "Virginia", "WA", "Washington",
        "WV", "West Virginia", "WI", "Wisconsin", "WY", "Wyoming", "PR", "Puerto Rico"};
    for (int i = 0; i < pairs.length; i += 2) {
      NAMES.put(pairs[i], pairs[i + 1]);
    }
  }

  private UsStates() {}

  public static Optional<String> name(String code) {
    return Optional.ofNullable(NAMES.get(code));
  }

  public static Map<String, String> all() {
    return java.util.Collections.unmodifiableMap(NAMES);
  }
}
