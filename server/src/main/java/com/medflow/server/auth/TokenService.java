package com.medflow.server.auth;

import static java.util.Objects.requireNonNull;

import com.medflow.model.Role;
import com.medflow.server.http.ApiException;
import com.medflow.server.http.Principal;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** HS256 JWT bearer tokens: subject = username, claim {@code role}, expiry checked against the clock. */
public final class TokenService {
  private static final String ISSUER = "medflow";
  private final byte[] secret;
  private final Duration ttl;
  private final Clock clock;

  public TokenService(byte[] secret, Duration ttl, Clock clock) {
    if (secret.length < 32) {
      throw new IllegalArgumentException("JWT secret must be at least 32 bytes");
    }
    this.secret = secret.clone();
    this.ttl = requireNonNull(ttl, "ttl is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  public record Token(String token, Instant expiresAt) {}

  public Token issue(Principal who) {
    Instant now = clock.instant();
    Instant exp = now.plus(ttl);
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(ISSUER).subject(who.username()).claim("role", who.role().wireName())
        .issueTime(Date.from(now)).expirationTime(Date.from(exp)).jwtID(UUID.randomUUID().toString())
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(new MACSigner(secret));
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign token", e);
    }
    return new Token(jwt.serialize(), exp);
  }

  /** The principal of a valid, unexpired token; 401 otherwise. */
  public Principal verify(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(secret))) {
        throw ApiException.unauthorized("INVALID_TOKEN", "The token is invalid");
      }
      JWTClaimsSet c = jwt.getJWTClaimsSet();
      if (c.getExpirationTime() == null || !clock.instant().isBefore(c.getExpirationTime().toInstant())) {
        throw ApiException.unauthorized("TOKEN_EXPIRED", "The token has expired; log in again");
      }
      if (!ISSUER.equals(c.getIssuer()) || c.getSubject() == null) {
        throw ApiException.unauthorized("INVALID_TOKEN", "The token is invalid");
      }
      Role role = Role.parse(c.getStringClaim("role"))
          .orElseThrow(() -> ApiException.unauthorized("INVALID_TOKEN", "The token has no valid role"));
      return new Principal(c.getSubject(), role);
    } catch (ParseException | JOSEException e) {
      throw ApiException.unauthorized("INVALID_TOKEN", "The token is invalid");
    }
  }
}
