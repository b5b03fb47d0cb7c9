package io.regtrack.series;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.jboss.logging.Logger;

/**
 * Where the dashboard's chart queries run. With a read replica configured (the datasource
 * {@code replica}: {@code QUARKUS_DATASOURCE_REPLICA_JDBC_URL}, {@code _USERNAME}, {@code _PASSWORD}),
 * each request that draws charts reads through one replica connection, in autocommit (the replica
 * takes part in no transaction and is never written); without one, through the primary's entity
 * manager as every other query. Everything else — uploads, access checks, releases, alerts, runs —
 * stays on the primary, so a replica's lag only makes a chart a moment late.
 */
@ApplicationScoped
@Startup // says at start which database charts are read from
class ReadDatabase {

    private static final Logger LOG = Logger.getLogger(ReadDatabase.class);

    private final EntityManager primary;
    private final SessionFactory sessions;
    private final InjectableInstance<AgroalDataSource> replica;
    private final boolean replicaActive;

    ReadDatabase(
            EntityManager primary,
            SessionFactory sessions,
            @DataSource("replica") InjectableInstance<AgroalDataSource> replica) {
        this.primary = primary;
        this.sessions = sessions;
        this.replica = replica;
        this.replicaActive = replica.getHandle().getBean().isActive();
        if (replicaActive) {
            LOG.info("Charts are read from the read replica (datasource 'replica')");
        }
    }

    @Produces
    @Reads
    @RequestScoped
    EntityManager reads() throws SQLException {
        if (!replicaActive) {
            return primary;
        }
        Connection connection = replica.get().getConnection();
        return sessions.withOptions()
                .connection(connection)
                .autoJoinTransactions(false)
                .openSession();
    }

    void close(@Disposes @Reads EntityManager reads) throws SQLException {
        if (!replicaActive || !(reads instanceof Session session) || !session.isOpen()) {
            return;
        }
        Connection connection = session.doReturningWork(c -> c);
        session.close();
        connection.close(); // back to the replica's pool
    }
}
