package io.regtrack.run;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class MeasurementRepository implements PanacheRepository<Measurement> {

    public List<Measurement> ofRun(long runId) {
        return list("runId = ?1 order by kind, name", runId);
    }
}
