package io.regtrack.auth;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class TokenRepository implements PanacheRepository<Token> {

    public Optional<Token> findByLookupId(String lookupId) {
        return find("lookupId", lookupId).firstResultOptional();
    }

    public boolean anyAdmin() {
        return count("scope", Scope.ADMIN.wire()) > 0;
    }
}
