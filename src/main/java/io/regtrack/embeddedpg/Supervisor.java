package io.regtrack.embeddedpg;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Owns the embedded PostgreSQL's life. On start it takes a lock beside the data directory (held
 * while this process lives, released by the kernel when it dies), so a server still running on
 * that directory belongs to a process that is gone: it is stopped before a new one starts, and
 * never are two servers on one directory. While the service runs, a server that dies is started
 * again with back-off; on exit it is stopped.
 */
final class Supervisor implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Supervisor.class);
    private static final Duration START_WAIT = Duration.ofSeconds(120);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final DataDirectory data;
    private final int port;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Thread watcher;
    private final Thread shutdownHook;
    private volatile Postmaster postmaster;
    private volatile boolean stopping;

    private Supervisor(DataDirectory data, int port, FileChannel lockChannel, FileLock lock, Postmaster first) {
        this.data = data;
        this.port = port;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postmaster = first;
        this.watcher = new Thread(this::watch, "embedded-postgres-supervisor");
        this.watcher.setDaemon(true);
        this.watcher.start();
        this.shutdownHook = new Thread(this::stopServer, "embedded-postgres-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts (or takes over the directory of a vanished owner and starts) the server. */
    static Supervisor start(Path dataDir, int requestedPort) throws IOException {
        Path dir = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(dir.getParent());
        FileChannel channel = FileChannel.open(
                dir.resolveSibling(dir.getFileName() + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("Another regtrack process uses the embedded PostgreSQL in " + dir
                    + "; stop it, or set regtrack.embedded-db.data-dir to another directory");
        }
        try {
            DataDirectory data =
                    new DataDirectory(dir, PostgresBinaries.install(dir.resolveSibling("postgres-binaries")));
            stopOrphan(data);
            data.prepare();
            int port = requestedPort > 0 ? requestedPort : freePort();
            return new Supervisor(data, port, channel, lock, Postmaster.start(data, port, START_WAIT));
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
    }

    DataDirectory data() {
        return data;
    }

    int port() {
        return port;
    }

    String jdbcUrl() {
        return postmaster.jdbcUrl(Postmaster.DATABASE);
    }

    /** The running server's process id. */
    long serverPid() {
        return postmaster.process().pid();
    }

    /** A server left running by a process of ours that died without stopping it. */
    private static void stopOrphan(DataDirectory data) {
        Optional<ProcessHandle> orphan = data.postmasterPid()
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info()
                        .commandLine()
                        .map(line -> line.contains(data.path().toString()))
                        .orElse(false));
        orphan.ifPresent(server -> {
            LOG.warnf(
                    "A PostgreSQL server (pid %d) was still running on %s, left by a regtrack process that ended "
                            + "without stopping it; stopping it before starting again",
                    server.pid(), data.path());
            Postmaster.stop(server, Duration.ofSeconds(10));
        });
    }

    private void watch() {
        while (!stopping) {
            int exit;
            try {
                exit = postmaster.process().waitFor();
            } catch (InterruptedException e) {
                return;
            }
            if (stopping) {
                return;
            }
            LOG.errorf("The embedded PostgreSQL stopped unexpectedly (exit %d); starting it again", exit);
            restart();
        }
    }

    private void restart() {
        Duration backoff = Duration.ofMillis(500);
        while (!stopping) {
            try {
                Thread.sleep(backoff.toMillis());
                Postmaster started = Postmaster.start(data, port, START_WAIT);
                synchronized (this) {
                    if (stopping) {
                        started.stop(Duration.ofSeconds(5));
                        return;
                    }
                    postmaster = started;
                }
                LOG.infof("The embedded PostgreSQL runs again on port %d", port);
                return;
            } catch (IOException e) {
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                LOG.warnf(
                        "Could not start the embedded PostgreSQL yet (%s); next try in %d ms",
                        e.getMessage(), backoff.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void stopServer() {
        if (stopping) {
            return;
        }
        stopping = true;
        watcher.interrupt();
        postmaster.stop(Duration.ofSeconds(5));
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.debug("Could not release the data directory lock", e);
        }
    }

    @Override
    public void close() {
        stopServer();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs anyway and finds nothing left to do
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
