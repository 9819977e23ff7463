package org.collabkg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Runs a Neo4j Community DBMS (embedded) with only a Bolt connector on 127.0.0.1.
 *
 * <pre>
 * usage: LocalNeo4j HOME_DIR [BOLT_PORT]
 *   HOME_DIR   run folder: HOME_DIR/data (store), HOME_DIR/logs (debug.log),
 *              HOME_DIR/run/ready (exists while the DBMS is up and the password is set)
 *   BOLT_PORT  default 7687
 * environment:
 *   NEO4J_PASSWORD    required; set on user 'neo4j' at every start (never printed)
 *   NEO4J_PAGECACHE   page cache size, default 512m
 *   NEO4J_TX_MAX      memory limit of all transactions together, default 1g
 * optional HOME_DIR/neo4j.conf: extra neo4j settings (key=value), applied last.
 * offline import (collabkg neo4j sync --offline): HOME_DIR/run/import-request holds the arguments
 *   of `neo4j-admin` (one a line, e.g. database import full ... neo4j); the launcher stops that
 *   database (not the DBMS), runs the importer in this JVM, starts the database again and writes
 *   HOME_DIR/run/import-result (JSON: exit code, seconds per step, the importer's output).
 *   HOME_DIR/run/import-ready exists while it accepts requests.
 * </pre>
 *
 * Messages and the Neo4j user log go to stdout (scripts/neo4j-local sends them to
 * HOME_DIR/logs/neo4j.log). SIGTERM/SIGINT shut the DBMS down cleanly.
 */
public final class LocalNeo4j {
    private static final String HOST = "127.0.0.1";

    private LocalNeo4j() {}

    private static void log(String msg) {
        System.out.println(Instant.now() + " LocalNeo4j: " + msg);
        System.out.flush();
    }

    private static String env(String name, String def) {
        String v = System.getenv(name);
        return (v == null || v.isBlank()) ? def : v.trim();
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2 || args[0].startsWith("-")) {
            System.err.println("usage: LocalNeo4j HOME_DIR [BOLT_PORT]   (password in $NEO4J_PASSWORD)");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath().normalize();
        int boltPort = args.length > 1 ? Integer.parseInt(args[1]) : BoltConnector.DEFAULT_PORT;
        String password = System.getenv("NEO4J_PASSWORD");
        if (password == null || password.isEmpty()) {
            System.err.println("LocalNeo4j: NEO4J_PASSWORD is not set; refusing to start with auth enabled and no password");
            System.exit(2);
        }
        if (password.length() < 8) {
            System.err.println("LocalNeo4j: NEO4J_PASSWORD must have at least 8 characters (Neo4j minimum)");
            System.exit(2);
        }
        long pageCache = ByteUnit.parse(env("NEO4J_PAGECACHE", "512m"));
        long txTotal = ByteUnit.parse(env("NEO4J_TX_MAX", "1g"));

        Path data = home.resolve("data");
        Path logs = home.resolve("logs");
        Path ready = home.resolve("run").resolve("ready");
        Files.createDirectories(data);
        Files.createDirectories(logs);
        Files.createDirectories(ready.getParent());
        Files.deleteIfExists(ready);

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.data_directory, data)
                .setConfig(GraphDatabaseSettings.logs_directory, logs)
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress(HOST))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, boltPort))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, boltPort))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                // default 5s + 5s of Bolt/netty grace on shutdown; the stores are checkpointed before that
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(2))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(2))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, txTotal)
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, Math.max(txTotal / 2, ByteUnit.mebiBytes(64)))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
                // keep query parameters (e.g. passwords) out of any query log
                .setConfig(GraphDatabaseSettings.log_queries_parameter_logging_enabled, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO));
        Path extraConf = home.resolve("neo4j.conf");
        if (Files.isRegularFile(extraConf)) {
            log("applying extra settings from " + extraConf);
            builder.loadPropertiesFromFile(extraConf);
        }

        log("starting Neo4j Community " + neo4jVersion() + " home=" + home + " bolt=" + HOST + ":" + boltPort
                + " pagecache=" + ByteUnit.bytesToString(pageCache) + " tx.total.max=" + ByteUnit.bytesToString(txTotal));
        long t0 = System.nanoTime();
        DatabaseManagementService dbms = builder.build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("shutdown requested, stopping DBMS");
            try {
                Files.deleteIfExists(ready);
                Files.deleteIfExists(ready.resolveSibling("import-ready"));
            } catch (Exception ignored) {
                // best effort
            }
            try {
                dbms.shutdown();
                log("DBMS stopped cleanly");
            } catch (Throwable t) {
                log("error during shutdown: " + t);
            } finally {
                stopped.countDown();
            }
        }, "neo4j-shutdown"));

        try {
            setPassword(dbms, password);
        } catch (RuntimeException e) {
            log("FATAL: could not set the password of user neo4j: " + e.getMessage());
            System.exit(3); // runs the shutdown hook
        }
        Thread importer = new Thread(() -> serveImports(dbms, home), "collabkg-import");
        importer.setDaemon(true);
        importer.start();
        Files.writeString(ready, ProcessHandle.current().pid() + "\n");
        log(String.format("ready in %.1f s: bolt://%s:%d (user neo4j)", (System.nanoTime() - t0) / 1e9, HOST, boltPort));
        stopped.await();
    }

    /**
     * Offline import without restarting the DBMS. Community 5.26 has no STOP DATABASE, but the
     * database object it runs can be stopped and started in place (what Enterprise's STOP/START
     * DATABASE do): stop it, let `neo4j-admin database import full --overwrite-destination`
     * replace its store files, start it. The JVM, the system database, Bolt and the warm Cypher
     * planner stay up.
     */
    private static void serveImports(DatabaseManagementService dbms, Path home) {
        Path run = home.resolve("run");
        Path request = run.resolve("import-request");
        Path marker = run.resolve("import-ready");
        try {
            // a request left by a client that died before this start is not acted on
            Files.deleteIfExists(request);
            Files.deleteIfExists(run.resolve("import-result"));
            Files.writeString(marker, "1\n");
        } catch (Exception e) {
            log("offline import disabled: " + e);
            return;
        }
        while (true) {
            try {
                if (Files.exists(request)) {
                    java.util.List<String> args = Files.readAllLines(request);
                    Files.delete(request);
                    runImport(dbms, home, args);
                }
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            } catch (Throwable t) {
                log("offline import request failed: " + t);
            }
        }
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    private static void runImport(DatabaseManagementService dbms, Path home, java.util.List<String> args) throws Exception {
        Path run = home.resolve("run");
        String name = args.get(args.size() - 1);
        log("offline import into database " + name + ": stopping it");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int code = -1;
        double stopS = 0, importS = 0, startS = 0;
        String error = "";
        long t0 = System.nanoTime();
        org.neo4j.dbms.database.DatabaseContextProvider<?> provider =
                ((org.neo4j.kernel.internal.GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME))
                        .getDependencyResolver().resolveDependency(org.neo4j.dbms.database.DatabaseContextProvider.class);
        org.neo4j.kernel.database.AbstractDatabase db = provider.getDatabaseContext(name)
                .orElseThrow(() -> new IllegalArgumentException("no database " + name)).database();
        db.stop();
        long t1 = System.nanoTime();
        stopS = (t1 - t0) / 1e9;
        try (java.io.PrintStream ps = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8)) {
            Path conf = run.resolve("admin-conf");
            Files.createDirectories(conf);
            Files.writeString(conf.resolve("neo4j.conf"), "server.directories.data=" + home.resolve("data") + "\n"
                    + "server.directories.logs=" + home.resolve("logs") + "\n");
            code = org.neo4j.cli.AdminTool.execute(new org.neo4j.cli.ExecutionContext(home, conf, ps, ps,
                    new org.neo4j.io.fs.DefaultFileSystemAbstraction()), args.toArray(new String[0]));
        } catch (Throwable t) {
            error = t.toString();
        } finally {
            long t2 = System.nanoTime();
            importS = (t2 - t1) / 1e9;
            try {
                db.start();
            } catch (Throwable t) {
                error = (error.isEmpty() ? "" : error + "; ") + "starting the database again: " + t;
            }
            startS = (System.nanoTime() - t2) / 1e9;
        }
        String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        String result = "{\"exit\": " + code + ", \"stop_s\": " + stopS + ", \"import_s\": " + importS
                + ", \"start_s\": " + startS + ", \"started\": " + db.isStarted() + ", \"error\": " + json(error)
                + ", \"output\": " + json(text.length() > 20000 ? text.substring(text.length() - 20000) : text) + "}\n";
        Path tmp = run.resolve("import-result.tmp");
        Files.writeString(tmp, result);
        Files.move(tmp, run.resolve("import-result"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        log(String.format("offline import into %s: exit %d, stop %.1f s, import %.1f s, start %.1f s%s", name, code,
                stopS, importS, startS, error.isEmpty() ? "" : ", error: " + error));
    }

    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
            log("password of user neo4j set from NEO4J_PASSWORD");
        } catch (RuntimeException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("cannot be the same")) {
                // Same password as before: fine, but make sure no change is pending.
                dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD CHANGE NOT REQUIRED");
                log("password of user neo4j already matches NEO4J_PASSWORD");
            } else {
                throw e;
            }
        }
    }

    private static String neo4jVersion() {
        try {
            Package p = DatabaseManagementService.class.getPackage();
            String v = p == null ? null : p.getImplementationVersion();
            return v == null ? "5.26.x" : v;
        } catch (RuntimeException e) {
            return "5.26.x";
        }
    }
}
