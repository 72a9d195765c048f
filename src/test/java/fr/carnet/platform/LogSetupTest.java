package fr.carnet.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSetupTest {
    @TempDir
    Path dir;

    @Test
    void logsToTheRollingFileAndStandardErrorWithTheLibrariesQuiet() throws Exception {
        LoggerContext lc = new LoggerContext();
        lc.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter()); // as logback's SLF4J provider does
        try {
            LogSetup.setUp(lc, dir.toString());
            lc.start();
            ch.qos.logback.classic.Logger root = lc.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            assertEquals(Level.INFO, root.getLevel());
            assertTrue(root.getAppender("STDERR").isStarted());
            var file = assertInstanceOf(RollingFileAppender.class, root.getAppender("FILE"));
            assertTrue(file.isStarted());
            var rolling = assertInstanceOf(FixedWindowRollingPolicy.class, file.getRollingPolicy());
            assertEquals(5, rolling.getMaxIndex());
            assertEquals(dir + "/carnet.%i.log", rolling.getFileNamePattern());
            assertEquals(dir + "/carnet.log", file.getFile());
            assertEquals(Level.ERROR, lc.getLogger("org.jooq.impl.DefaultExecuteContext").getEffectiveLevel());
            assertEquals(Level.WARN, lc.getLogger("org.eclipse.jetty.server").getEffectiveLevel());

            lc.getLogger("fr.carnet.store.Store").info("Store opened: {} records", 42);
            lc.getLogger("org.jooq.Constants").warn("jOOQ's banner");
            lc.getLogger("fr.carnet.store.Store").debug("not at INFO");
            String log = Files.readString(dir.resolve("carnet.log"));
            assertTrue(log.contains("] INFO  fr.carnet.store.Store - Store opened: 42 records"), log);
            assertFalse(log.contains("jOOQ's banner"), log);
            assertFalse(log.contains("not at INFO"), log);
            assertEquals(1, log.lines().count(), log);
        } finally {
            lc.stop();
        }
    }

    @Test
    void isFoundByLogbackAndLeavesAnXmlConfigurationToLogback() {
        var found = ServiceLoader.load(Configurator.class, LogSetup.class.getClassLoader()).stream()
                .anyMatch(p -> p.type() == LogSetup.class);
        assertTrue(found, "META-INF/services names LogSetup");
        LoggerContext xml = new LoggerContext();
        LoggerContext own = new LoggerContext();
        try {
            assertEquals(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY, new LogSetup().configure(xml, true, dir.toString()));
            assertNull(xml.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("FILE"));
            assertEquals(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, new LogSetup().configure(own, false, dir.toString()));
            assertTrue(own.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("FILE").isStarted());
            // these tests carry a logback-test.xml: through the service, logback reads it
            assertEquals(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY, new LogSetup().configure(new LoggerContext()));
        } finally {
            xml.stop();
            own.stop();
        }
    }

    @Test
    void anAdministratorsConfigurationFileCountsOnlyIfItIsThere() throws Exception {
        assertFalse(LogSetup.exists(null));
        assertFalse(LogSetup.exists(" "));
        assertFalse(LogSetup.exists(dir.resolve("logbak.xml").toString()), "a misspelt path");
        assertFalse(LogSetup.exists(dir.resolve("logbak.xml").toUri().toString()), "a file: URL to nothing");
        Path xml = Files.writeString(dir.resolve("logback.xml"), "<configuration/>");
        assertTrue(LogSetup.exists(xml.toString()));
        assertTrue(LogSetup.exists(xml.toUri().toString()));
        assertTrue(LogSetup.exists("logback-test.xml"), "a resource on the class path");
        assertTrue(LogSetup.exists("https://config.example.org/logback.xml"), "a URL, left to logback");
    }
}
