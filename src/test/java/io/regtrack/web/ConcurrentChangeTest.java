package io.regtrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.regtrack.problem.Problem;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.Test;

/** A row changed or removed by another request meanwhile is a conflict to retry, never a 500. */
class ConcurrentChangeTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aRowGoneMeanwhileIsAConflict() {
        for (Throwable failure : new Throwable[] {
            new OptimisticLockException("row count 0"),
            new IllegalStateException(new OptimisticLockException("row count 0")),
            new RuntimeException(new StaleObjectStateException("io.regtrack.alert.Alert", 3L))
        }) {
            Response answer = mappers.unexpected(failure);
            assertThat(answer.getStatus()).as(failure.toString()).isEqualTo(409);
            assertThat(answer.getMediaType().toString()).isEqualTo("application/problem+json");
            assertThat(((Problem) answer.getEntity()).detail())
                    .contains("meanwhile")
                    .doesNotContain("Alert");
        }
    }
}
