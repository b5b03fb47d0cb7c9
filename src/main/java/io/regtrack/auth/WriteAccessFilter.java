package io.regtrack.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every change through the API needs an admin or ingest token. This is decided from the headers,
 * before the body is parsed: a request that may not change anything costs no JSON parsing and
 * learns nothing about its body. Which project a token may change is decided later, by the
 * service, as for reads.
 */
public class WriteAccessFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Access access;

    WriteAccessFilter(Access access) {
        this.access = access;
    }

    @ServerRequestFilter
    public void requireWriter(ContainerRequestContext request) {
        if (WRITES.contains(request.getMethod())
                && request.getUriInfo().getPath().startsWith("/api/")) {
            access.requireWriter();
        }
    }
}
