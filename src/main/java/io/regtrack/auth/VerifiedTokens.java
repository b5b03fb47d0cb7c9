package io.regtrack.auth;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Callers of tokens verified against the database in the last {@link AuthConfig#verifiedTokenTtl()},
 * by the SHA-256 of the token text (never the text). A token that is not found is never kept, so a
 * token issued on another instance works at once; a change to a stored token reaches this instance
 * within the time kept. At most {@link #LIMIT} entries: past that, everything is dropped.
 */
final class VerifiedTokens {

    static final int LIMIT = 10_000;

    private record Entry(Caller caller, long expiresAt) {}

    private final Map<String, Entry> verified = new ConcurrentHashMap<>();
    private final long ttlNanos;

    VerifiedTokens(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    Optional<Caller> get(byte[] hash) {
        Entry entry = verified.get(HexFormat.of().formatHex(hash));
        if (entry == null || System.nanoTime() - entry.expiresAt() > 0) {
            return Optional.empty();
        }
        return Optional.of(entry.caller());
    }

    void put(byte[] hash, Caller caller) {
        if (ttlNanos <= 0) {
            return;
        }
        if (verified.size() >= LIMIT) {
            verified.clear();
        }
        verified.put(HexFormat.of().formatHex(hash), new Entry(caller, System.nanoTime() + ttlNanos));
    }

    void clear() {
        verified.clear();
    }
}
