package io.regtrack.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The text of a token: {@code rgt_} + a 12-character public lookup id + a 43-character secret, all
 * base62 (about 256 bits of secret). Only the SHA-256 of the whole text is stored.
 */
final class TokenText {

    static final String PREFIX = "rgt_";
    static final int LOOKUP_LENGTH = 12;
    static final int SECRET_LENGTH = 43;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenText() {}

    static String generate() {
        return PREFIX + random(LOOKUP_LENGTH) + random(SECRET_LENGTH);
    }

    /** The lookup id of a well-formed token text, or null. */
    static String lookupId(String token) {
        if (token == null
                || token.length() != PREFIX.length() + LOOKUP_LENGTH + SECRET_LENGTH
                || !token.startsWith(PREFIX)) {
            return null;
        }
        for (int i = PREFIX.length(); i < token.length(); i++) {
            if (ALPHABET.indexOf(token.charAt(i)) < 0) {
                return null;
            }
        }
        return token.substring(PREFIX.length(), PREFIX.length() + LOOKUP_LENGTH);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Constant-time: the time taken does not depend on where the hashes differ. */
    static boolean matches(String presented, byte[] storedHash) {
        return MessageDigest.isEqual(hash(presented), storedHash);
    }

    private static String random(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
