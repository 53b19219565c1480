package io.orrery.server;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Salted PBKDF2-HMAC-SHA256 password hashes, {@code pbkdf2-sha256:ITERATIONS:SALT:HASH} (Base64). */
public final class PasswordHash {
    static final int ITERATIONS = 210_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {}

    public static String hash(char[] password) {
        return hash(password, ITERATIONS);
    }

    /** A hash with another work factor (a dummy that costs what the stored hashes cost, or an old file's). */
    static String hash(char[] password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "pbkdf2-sha256:" + iterations + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(derive(password, salt, iterations));
    }

    /** The work factor of a stored hash; empty when it is not one of ours. */
    static java.util.OptionalInt iterations(String stored) {
        String[] f = stored.split(":");
        try {
            if (f.length == 4 && f[0].equals("pbkdf2-sha256") && Integer.parseInt(f[1]) > 0) {
                Base64.getDecoder().decode(f[2]);
                Base64.getDecoder().decode(f[3]);
                return java.util.OptionalInt.of(Integer.parseInt(f[1]));
            }
        } catch (IllegalArgumentException e) {
            // not ours
        }
        return java.util.OptionalInt.empty();
    }

    /** Whether password matches the stored hash; compares in constant time. */
    public static boolean verify(char[] password, String stored) {
        String[] f = stored.split(":");
        if (f.length != 4 || !f[0].equals("pbkdf2-sha256")) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(f[2]);
        byte[] want = Base64.getDecoder().decode(f[3]);
        return MessageDigest.isEqual(want, derive(password, salt, Integer.parseInt(f[1])));
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available", e);
        }
    }
}
