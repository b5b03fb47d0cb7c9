package io.regtrack.embeddedpg;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * One running PostgreSQL server, a child process of this JVM. It keeps PostgreSQL's durability
 * (fsync, synchronous commit, full-page writes all on, stated on the command line so that no
 * configuration file can turn them off), listens on loopback only and has no Unix socket.
 */
final class Postmaster {

    static final String DATABASE = "regtrack";

    private final Process process;
    private final int port;

    private Postmaster(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Postmaster start(DataDirectory data, int port, Duration wait) throws IOException {
        List<String> command = List.of(
                data.bin().resolve("postgres").toString(),
                "-D",
                data.path().toString(),
                "-p",
                Integer.toString(port),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "unix_socket_directories=",
                "-c",
                "fsync=on",
                "-c",
                "synchronous_commit=on",
                "-c",
                "full_page_writes=on",
                "-c",
                "password_encryption=scram-sha-256",
                "-c",
                "timezone=UTC",
                "-c",
                "max_connections=200");
        Files.createDirectories(data.log().getParent());
        Process process = new ProcessBuilder(ServerCommand.asServerUser(command))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.log().toFile()))
                .start();
        Postmaster postmaster = new Postmaster(process, port);
        try {
            String password = data.password();
            postmaster.awaitReady(password, wait);
            postmaster.createDatabase(password);
        } catch (IOException | RuntimeException e) {
            postmaster.stop(Duration.ofSeconds(5));
            throw e;
        }
        return postmaster;
    }

    Process process() {
        return process;
    }

    int port() {
        return port;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * Smart shutdown first (running statements finish), then fast (sessions are ended, committed data
     * is safe either way), then a kill as the last resort.
     */
    void stop(Duration grace) {
        stop(process.toHandle(), grace);
    }

    static void stop(ProcessHandle server, Duration grace) {
        if (!server.isAlive()) {
            return;
        }
        ServerCommand.signal(server.pid(), "TERM");
        if (awaitExit(server, grace)) {
            return;
        }
        ServerCommand.signal(server.pid(), "INT");
        if (awaitExit(server, Duration.ofSeconds(30))) {
            return;
        }
        server.destroyForcibly();
        awaitExit(server, Duration.ofSeconds(10));
    }

    private static boolean awaitExit(ProcessHandle server, Duration wait) {
        try {
            server.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !server.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !server.isAlive();
        }
    }

    private void awaitReady(String password, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        SQLException last = null;
        long pause = 10; // it is usually ready within tens of milliseconds; a recovery takes longer
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("PostgreSQL exited at start (exit " + process.exitValue() + ")");
            }
            try (Connection ignored = connect("postgres", password)) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            try {
                Thread.sleep(pause);
                pause = Math.min(pause * 2, 100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for PostgreSQL", e);
            }
        }
        throw new IOException("PostgreSQL did not accept connections within " + wait.toSeconds() + " s", last);
    }

    private void createDatabase(String password) throws IOException {
        try (Connection c = connect("postgres", password);
                PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement create = c.createStatement()) {
                        create.execute("create database " + DATABASE);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("Could not create the database " + DATABASE, e);
        }
    }

    Connection connect(String database, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", DataDirectory.SUPERUSER);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "2");
        props.setProperty("socketTimeout", "10");
        return DriverManager.getConnection(jdbcUrl(database), props);
    }
}
