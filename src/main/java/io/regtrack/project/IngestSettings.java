package io.regtrack.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Projects as uploads read them, kept for {@link ProjectConfig#settingsTtl()} so that a stream of
 * uploads does not read its project each time. Each answer is a copy, detached from any session. A
 * change through this instance forgets the project when made and again when its transaction ends,
 * so no upload that started before the commit keeps the old settings; an unknown slug is never kept.
 */
@ApplicationScoped
class IngestSettings {

    static final int LIMIT = 10_000;

    private record Entry(Project project, long expiresAt) {}

    private final Map<String, Entry> kept = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final TransactionSynchronizationRegistry transactions;

    IngestSettings(ProjectConfig config, TransactionSynchronizationRegistry transactions) {
        this.ttlNanos = config.settingsTtl().toNanos();
        this.transactions = transactions;
    }

    Optional<Project> get(String slug) {
        Entry entry = kept.get(slug);
        if (entry == null || System.nanoTime() - entry.expiresAt() > 0) {
            return Optional.empty();
        }
        return Optional.of(copy(entry.project()));
    }

    void put(Project project) {
        if (ttlNanos <= 0) {
            return;
        }
        if (kept.size() >= LIMIT) {
            kept.clear();
        }
        kept.put(project.slug, new Entry(copy(project), System.nanoTime() + ttlNanos));
    }

    /** Forgets a project now and, inside a transaction, again when it ends. */
    void forget(String slug) {
        kept.remove(slug);
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    kept.remove(slug);
                }
            });
        }
    }

    private static Project copy(Project p) {
        Project copy = new Project();
        copy.id = p.id;
        copy.slug = p.slug;
        copy.name = p.name;
        copy.isPublic = p.isPublic;
        copy.defaultBranch = p.defaultBranch;
        copy.repository = p.repository;
        copy.releasePattern = p.releasePattern;
        copy.createdAt = p.createdAt;
        copy.thresholds = p.thresholds;
        copy.pinnedReleaseId = p.pinnedReleaseId;
        return copy;
    }
}
