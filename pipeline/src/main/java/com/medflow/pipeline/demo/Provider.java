package com.medflow.pipeline.demo;

import static java.util.Objects.requireNonNull;

/**
 * A rendering provider.
 *
 * @param npi 10-digit NPI with a valid Luhn check digit
 * @param name display name (may contain commas, quotes and non-ASCII letters)
 * @param upperName {@code name} in capitals, as UnitedHealth sends it
 * @param specialty the provider's specialty
 */
record Provider(String npi, String name, String upperName, Specialty specialty) {
  Provider {
    requireNonNull(npi, "npi is null");
    requireNonNull(name, "name is null");
    requireNonNull(upperName, "upperName is null");
    requireNonNull(specialty, "specialty is null");
  }
}
