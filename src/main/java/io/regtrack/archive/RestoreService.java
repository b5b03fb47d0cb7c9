package io.regtrack.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.regtrack.project.Project;
import io.regtrack.project.ProjectService;
import io.regtrack.web.InputCheck;
import io.regtrack.web.ServerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Imports a project's export (or a part of one, cut at line boundaries) into a project an admin
 * names, in one transaction: a malformed line, a run whose idempotency key holds a different upload
 * here, or a reference to a run not imported yet stores nothing. What is already here is left as it
 * is, so importing the same file twice changes nothing; runs keep their idempotency keys and request
 * fingerprints, so a CI retry of an upload that was exported is answered from the imported run.
 */
@ApplicationScoped
public class RestoreService {

    /** A large part (5 MiB of lines) is written in well under this, even on a slow disk. */
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    /** What an import stored and what it found already there. */
    public record Restored(
            int runsCreated, int runsReplayed, int measurements, int commits, int releasesCreated, int alertsCreated) {}

    private final ProjectService projects;
    private final ArchiveRepository archive;
    private final ObjectMapper json;
    private final InputCheck input;
    private final ServerConfig server;

    RestoreService(
            ProjectService projects,
            ArchiveRepository archive,
            ObjectMapper json,
            InputCheck input,
            ServerConfig server) {
        this.projects = projects;
        this.archive = archive;
        this.json = json;
        this.input = input;
        this.server = server;
    }

    public Restored restore(String slug, String body) {
        return QuarkusTransaction.requiringNew()
                .timeout((int) TIMEOUT.toSeconds())
                .call(() -> {
                    Project project = projects.administrable(slug);
                    projects.holdForUpload(project); // not while a run or the project is being deleted
                    Restore restore = new Restore(project, server, archive, input);
                    String[] lines = body.split("\n", -1);
                    for (int i = 0; i < lines.length; i++) {
                        String text = lines[i].strip();
                        if (!text.isEmpty()) {
                            restore.line(i + 1, parse(i + 1, text));
                        }
                    }
                    return restore.done();
                });
    }

    private Parsed parse(int number, String text) {
        try {
            JsonNode node = json.readTree(text);
            if (!node.isObject()) {
                throw Restore.invalid(number, "must be a JSON object");
            }
            return new Parsed(node, json);
        } catch (JsonProcessingException e) {
            throw Restore.invalid(number, "not JSON: " + e.getOriginalMessage());
        }
    }

    /** A line read as JSON, turned into its record when its type is known. */
    record Parsed(JsonNode node, ObjectMapper json) {
        String type() {
            return node.path("type").asText("");
        }

        <T> T as(int number, Class<T> type) {
            try {
                return json.treeToValue(node, type);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw Restore.invalid(number, e.getMessage().lines().findFirst().orElse("malformed"));
            }
        }
    }
}
