package local.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * A real Neo4j 5.26 community DBMS, embedded in this JVM, reachable over Bolt.
 *
 * <pre>
 *   java ... local.neo4j.LocalNeo4j [--port 7687] [--data .neo4j] [--host 127.0.0.1] [--pagecache-mb 64] [--watch-stdin]
 * </pre>
 *
 * Prints exactly one line {@code NEO4J_URI=bolt://HOST:PORT} on stdout once a first transaction has
 * run and Bolt accepts connections. Everything else goes to stderr (or to DATA/logs/debug.log).
 * SIGTERM / SIGINT shut the DBMS down cleanly and exit 0. With {@code --watch-stdin} the process
 * also shuts down when its stdin reaches end-of-file, i.e. when the parent that spawned it dies.
 * Start errors print one line on stderr and exit 1 (a stack trace too with NEO4J_LAUNCHER_DEBUG=1).
 */
public final class LocalNeo4j {
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private static final PrintStream ERR = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    private static final boolean DEBUG = "1".equals(System.getenv("NEO4J_LAUNCHER_DEBUG"));

    private static volatile DatabaseManagementService dbms;
    private static final AtomicBoolean stopped = new AtomicBoolean(false);
    /** Counted down once build() has returned or failed, so a signal during start still shuts down. */
    private static final CountDownLatch built = new CountDownLatch(1);

    private LocalNeo4j() {}

    public static void main(String[] args) {
        String host = "127.0.0.1";
        int port = 7687;
        String data = ".neo4j";
        long pagecacheMb = 64;
        boolean watchStdin = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--port" -> port = parsePort(value(args, ++i, a));
                    case "--data" -> data = value(args, ++i, a);
                    case "--host" -> host = value(args, ++i, a);
                    case "--pagecache-mb" -> pagecacheMb = Long.parseLong(value(args, ++i, a));
                    case "--watch-stdin" -> watchStdin = true;
                    default -> throw new IllegalArgumentException("unknown argument: " + a);
                }
            }
        } catch (IllegalArgumentException e) {
            ERR.println("neo4j: " + e.getMessage()
                    + " (usage: --port N --data DIR --host ADDR --pagecache-mb N --watch-stdin)");
            System.exit(2);
            return;
        }

        Path home = Path.of(data).toAbsolutePath().normalize();
        String uri = "bolt://" + host + ":" + port;

        // Shut down on SIGTERM/SIGINT (JVM shutdown hooks) and on any other orderly exit.
        Runtime.getRuntime().addShutdownHook(new Thread(LocalNeo4j::shutdown, "local-neo4j-shutdown"));
        installSignalExitZero();

        try {
            // Fail fast with a clear message instead of Neo4j's long lifecycle trace.
            if (isListening(host, port)) {
                throw new StartError("port " + port + " on " + host + " is already in use");
            }
            DatabaseManagementService service;
            try {
                service = new DatabaseManagementServiceBuilder(home)
                        .setConfig(BoltConnector.enabled, true)
                        .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                        .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
                        .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                        .setConfig(HttpConnector.enabled, false)
                        .setConfig(GraphDatabaseSettings.auth_enabled, false)
                        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pagecacheMb))
                        .setConfig(GraphDatabaseSettings.pagecache_warmup_enabled, false)
                        .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                        .setConfig(GraphDatabaseSettings.preallocate_store_files, false)
                        .setConfig(GraphDatabaseSettings.udc_enabled, false)
                        .setConfig(GraphDatabaseSettings.log_queries, GraphDatabaseSettings.LogQueryLevel.OFF)
                        // Netty waits a 5 s "quiet period" per Bolt event loop group (two of them) on
                        // shutdown: 10 s for every stop. Nothing here needs it.
                        .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                        .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
                        .build();
                dbms = service;
            } finally {
                built.countDown();
            }
            if (stopped.get()) {
                return; // a signal arrived while starting: the shutdown hook stops the service
            }
            GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            db.executeTransactionally("RETURN 1");
            if (!isListening(host, port)) {
                throw new StartError("Bolt is not accepting connections on " + host + ":" + port);
            }
        } catch (Throwable t) {
            built.countDown(); // failed before build(): don't keep a shutdown hook waiting
            if (stopped.get()) {
                return; // interrupted by a signal: the shutdown hook reports
            }
            ERR.println("neo4j: failed to start: " + describe(t));
            if (DEBUG) {
                t.printStackTrace(ERR);
            }
            if (stopped.compareAndSet(false, true)) { // else the hook is already stopping it
                try {
                    DatabaseManagementService service = dbms;
                    dbms = null;
                    if (service != null) {
                        service.shutdown();
                    }
                } catch (Throwable ignored) {
                    // best effort
                }
                Runtime.getRuntime().halt(1);
            }
            return;
        }

        OUT.println("NEO4J_URI=" + uri);
        OUT.flush();

        if (watchStdin) {
            watchStdinThenExit();
        }
        // Non-daemon Neo4j threads keep the JVM alive until a signal arrives.
    }

    private static void shutdown() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            // Stopped while build() runs: wait for it so the store is closed cleanly, not mid-start.
            built.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        DatabaseManagementService service = dbms;
        dbms = null;
        if (service == null) {
            return;
        }
        try {
            service.shutdown();
            ERR.println("neo4j: stopped");
        } catch (Throwable t) {
            ERR.println("neo4j: error while stopping: " + describe(t));
            if (DEBUG) {
                t.printStackTrace(ERR);
            }
        }
    }

    /**
     * Make SIGTERM/SIGINT exit with status 0 (the shutdown hook still runs). Without this the JVM
     * exits 143/130 after the hook, which is still a clean shutdown, just a noisier exit code.
     */
    private static void installSignalExitZero() {
        try {
            for (String name : new String[] {"TERM", "INT"}) {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> {
                    Thread t = new Thread(() -> System.exit(0), "local-neo4j-signal");
                    t.setDaemon(false);
                    t.start();
                });
            }
        } catch (Throwable ignored) {
            // Fall back to the JVM's default handling (shutdown hooks, exit 128+signal).
        }
    }

    private static void watchStdinThenExit() {
        Thread t = new Thread(() -> {
            try {
                InputStream in = System.in;
                byte[] buf = new byte[256];
                while (in.read(buf) >= 0) {
                    // ignore anything written; only end-of-file matters
                }
            } catch (IOException ignored) {
                // treat as end-of-file
            }
            ERR.println("neo4j: parent went away (stdin closed), shutting down");
            System.exit(0);
        }, "local-neo4j-stdin-watch");
        t.setDaemon(true);
        t.start();
    }

    private static boolean isListening(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** One line: the deepest cause's message, plus the top-level one when it adds something. */
    private static String describe(Throwable t) {
        if (t instanceof StartError) {
            return t.getMessage();
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String rootMsg = oneLine(root);
        String lower = rootMsg.toLowerCase();
        if (lower.contains("address already in use")) {
            return "Bolt port is already in use (" + rootMsg + ")";
        }
        if (lower.contains("lock") && (lower.contains("store") || lower.contains("file"))) {
            return "the data directory is in use by another Neo4j process (" + rootMsg + ")";
        }
        String topMsg = oneLine(t);
        return root == t || topMsg.equals(rootMsg) ? rootMsg : topMsg + " <- " + rootMsg;
    }

    private static String oneLine(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            m = t.getClass().getName();
        }
        m = m.replaceAll("\\s+", " ").trim();
        return m.length() > 400 ? m.substring(0, 400) + "..." : m;
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static int parsePort(String s) {
        int p;
        try {
            p = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port: " + s);
        }
        if (p < 1 || p > 65535) {
            throw new IllegalArgumentException("bad port: " + s);
        }
        return p;
    }

    private static final class StartError extends RuntimeException {
        StartError(String message) {
            super(message);
        }
    }
}
