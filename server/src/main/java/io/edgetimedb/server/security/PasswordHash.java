package io.edgetimedb.server.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A stored password, as the third column of the users file holds it:
 *
 * <pre>
 * pbkdf2-sha256:&lt;iterations&gt;:&lt;salt, base64&gt;:&lt;32-byte hash, base64&gt;   (from the hash-password command)
 * plain:&lt;password&gt;                                                       (for trials; readable by whoever reads the file)
 * </pre>
 *
 * <p>PBKDF2 is slow on purpose, and every HTTP write and remote JDBC call presents the password
 * again, so the SHA-256 of the last password that matched is kept and a request presenting the
 * same one costs one SHA-256; a different one pays the full derivation.
 */
public final class PasswordHash {
  static final String PBKDF2 = "pbkdf2-sha256:";
  static final String PLAIN = "plain:";
  private static final int ITERATIONS = 120_000;
  private static final int HASH_BYTES = 32;

  private final byte[] salt;
  private final int iterations;
  private final byte[] hash;
  private final AtomicReference<byte[]> lastMatched = new AtomicReference<>();

  private PasswordHash(byte[] salt, int iterations, byte[] hash) {
    this.salt = salt;
    this.iterations = iterations;
    this.hash = hash;
  }

  /** @throws IllegalArgumentException naming what is wrong with the stored form (never the secret) */
  static PasswordHash parse(String stored) {
    if (stored.startsWith(PLAIN)) {
      if (stored.length() == PLAIN.length()) {
        throw new IllegalArgumentException("empty password after 'plain:'");
      }
      return new PasswordHash(null, 0, stored.substring(PLAIN.length()).getBytes(StandardCharsets.UTF_8));
    }
    if (!stored.startsWith(PBKDF2)) {
      throw new IllegalArgumentException("the password must start with '" + PBKDF2 + "' (see the hash-password "
          + "command) or '" + PLAIN + "'");
    }
    String[] parts = stored.substring(PBKDF2.length()).split(":", -1);
    try {
      if (parts.length != 3) {
        throw new IllegalArgumentException("expected iterations:salt:hash");
      }
      PasswordHash parsed = new PasswordHash(Base64.getDecoder().decode(parts[1]), Integer.parseInt(parts[0]),
          Base64.getDecoder().decode(parts[2]));
      if (parsed.iterations < 1 || parsed.hash.length != HASH_BYTES) {
        throw new IllegalArgumentException("expected at least 1 iteration and a " + HASH_BYTES + "-byte hash");
      }
      return parsed;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a valid " + PBKDF2 + " hash: " + e.getMessage(), e);
    }
  }

  /** The stored form of a new password, with a fresh random salt. */
  public static String create(String password) {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    Base64.Encoder b64 = Base64.getEncoder();
    return PBKDF2 + ITERATIONS + ":" + b64.encodeToString(salt) + ":"
        + b64.encodeToString(derive(password, salt, ITERATIONS));
  }

  boolean matches(String password) {
    byte[] digest = sha256(password);
    byte[] last = lastMatched.get();
    if (last != null && MessageDigest.isEqual(last, digest)) {
      return true;
    }
    byte[] presented = salt == null ? password.getBytes(StandardCharsets.UTF_8) : derive(password, salt, iterations);
    boolean matches = MessageDigest.isEqual(presented, hash);
    if (matches) {
      lastMatched.set(digest);
    }
    return matches;
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
          .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BYTES * 8)).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
    }
  }

  private static byte[] sha256(String password) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
