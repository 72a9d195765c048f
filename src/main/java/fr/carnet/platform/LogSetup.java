package fr.carnet.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import java.util.Map;

/**
 * Carnet's logging, set up in code (found by logback through {@code META-INF/services}): standard
 * error, and a local rolling file of at most 6 × 5 MB in {@code carnet.logDir} (the desk's launcher
 * sets it to the OS's log folder; the temp folder otherwise). Never sent anywhere. Libraries are
 * kept quiet. Reading an XML configuration took logback several hundred classes and a noticeable
 * part of a cold start; this does the same without them.
 *
 * <p>An administrator's own configuration still wins: {@code -Dlogback.configurationFile=FILE} (if
 * that file exists), or a {@code logback-test.xml} on the class path (the tests'), and logback reads
 * it as usual.
 *
 * <p>Never log personal data or case content: ids, counts and outcomes only.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    /** Libraries' levels: only their warnings or errors reach the log. */
    static final Map<String, Level> QUIET = Map.of(
            "org.jooq", Level.ERROR,
            "org.flywaydb", Level.WARN,
            "org.eclipse.jetty", Level.WARN,
            "io.javalin", Level.WARN,
            "org.apache.pdfbox", Level.ERROR,
            "org.apache.fontbox", Level.ERROR);
    static final String FILE_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n";
    static final String CONSOLE_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";
    static final String MAX_FILE_SIZE = "5MB";
    static final int OLD_FILES = 5;

    @Override
    public ExecutionStatus configure(LoggerContext lc) {
        String named = System.getProperty("logback.configurationFile");
        boolean xml = exists(named) || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null;
        if (named != null && !xml) addWarn("logback.configurationFile names nothing that exists: Carnet's own logging is used");
        return configure(lc, xml, System.getProperty("carnet.logDir", System.getProperty("java.io.tmpdir") + "/carnet-logs"));
    }

    /** Logback reads the XML configuration when there is one; otherwise Carnet's own, its file in {@code dir}. */
    ExecutionStatus configure(LoggerContext lc, boolean xmlConfiguration, String dir) {
        if (xmlConfiguration) return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        setUp(lc, dir);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * Whether {@code -Dlogback.configurationFile}'s value names something logback can read: a file, a
     * resource on the class path, or a URL (not checked further). A misspelt path does not leave the
     * app with logback's bare default (debug level, standard output, no file).
     */
    static boolean exists(String named) {
        if (named == null || named.isBlank()) return false;
        try {
            if (java.nio.file.Files.isRegularFile(java.nio.file.Path.of(named))) return true;
        } catch (java.nio.file.InvalidPathException notAPath) {
            // a URL, perhaps
        }
        if (LogSetup.class.getClassLoader().getResource(named) != null) return true;
        try {
            java.net.URI u = new java.net.URI(named);
            if (u.getScheme() == null || u.getScheme().length() < 2) return false; // a Windows drive letter is not a scheme
            return !"file".equals(u.getScheme()) || java.nio.file.Files.isRegularFile(java.nio.file.Path.of(u));
        } catch (java.net.URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return false;
        }
    }

    /** Standard error and the rolling file in {@code dir}, root at INFO, the libraries quiet. */
    static void setUp(LoggerContext lc, String dir) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(lc);
        console.setName("STDERR");
        console.setTarget("System.err");
        console.setEncoder(encoder(lc, CONSOLE_PATTERN));
        console.start();

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(lc);
        file.setName("FILE");
        file.setFile(dir + "/carnet.log");
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(lc);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir + "/carnet.%i.log");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(OLD_FILES);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(lc);
        trigger.setMaxFileSize(FileSize.valueOf(MAX_FILE_SIZE));
        trigger.start();
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        file.setEncoder(encoder(lc, FILE_PATTERN));
        file.start();

        ch.qos.logback.classic.Logger root = lc.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        root.addAppender(file);
        QUIET.forEach((name, level) -> lc.getLogger(name).setLevel(level));
    }

    private static PatternLayoutEncoder encoder(LoggerContext lc, String pattern) {
        PatternLayoutEncoder e = new PatternLayoutEncoder();
        e.setContext(lc);
        e.setPattern(pattern);
        e.start();
        return e;
    }
}
