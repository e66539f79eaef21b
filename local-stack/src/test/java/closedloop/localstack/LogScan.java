package closedloop.localstack;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything the process logs while it is open, at the levels it asks for: an appender on the root logger keeps every
 * event whole (message, arguments filled in, MDC, stack trace with causes), and on closing the loggers are back at
 * their levels. {@link #assertNoPhoneNumber} then fails naming every line that shows one of the given phone numbers,
 * written however (digits only, grouped by spaces or dashes, after +86).
 */
final class LogScan implements AutoCloseable {

    private final Logger root;
    private final Events events = new Events();
    private final Map<Logger, Level> levelsBefore = new LinkedHashMap<>();

    private LogScan(Map<String, Level> levels) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        levels.forEach((name, level) -> {
            Logger logger = context.getLogger(name);
            levelsBefore.put(logger, logger.getLevel());
            logger.setLevel(level);
        });
        events.setContext(context);
        events.setName("log-scan");
        events.start();
        root.addAppender(events);
    }

    /** Starts keeping what is logged, the named loggers at the levels given. */
    static LogScan start(Map<String, Level> levels) {
        return new LogScan(levels);
    }

    /** Every event kept so far, one text each: level, logger, thread, MDC, message and stack trace. */
    List<String> lines() {
        return new ArrayList<>(events.lines);
    }

    /**
     * Fails naming every line of the log, and of {@code moreOutput} (what reached the console), that holds one of the
     * phone numbers; passes only when the log holds at least one line from each of {@code expectedLoggers}, so that a
     * scan of a log that caught nothing cannot pass.
     */
    void assertNoPhoneNumber(Collection<String> phones, String moreOutput, Collection<String> expectedLoggers) {
        List<String> logged = lines();
        assertThat(expectedLoggers).allSatisfy(logger -> assertThat(logged)
                .as("lines of %s in the log", logger).anyMatch(line -> line.contains(" " + logger + " ")));
        List<Pattern> patterns = phones.stream().map(LogScan::anyWayWritten).toList();
        List<String> offending = new ArrayList<>();
        logged.forEach(line -> {
            if (patterns.stream().anyMatch(phone -> phone.matcher(line).find())) {
                offending.add(line);
            }
        });
        moreOutput.lines().filter(line -> patterns.stream().anyMatch(phone -> phone.matcher(line).find()))
                .map(line -> "console: " + line).forEach(offending::add);
        assertThat(offending)
                .as("log lines showing a customer's phone number (%d lines scanned):%n%s", logged.size(),
                        offending.stream().limit(30).collect(Collectors.joining(System.lineSeparator())))
                .isEmpty();
    }

    /** The phone's digits in order, each pair maybe separated by a space or a dash. */
    static Pattern anyWayWritten(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        return Pattern.compile(digits.chars().mapToObj(digit -> String.valueOf((char) digit))
                .collect(Collectors.joining("[ \\-]?", "(?<![0-9])", "(?![0-9])")));
    }

    @Override
    public void close() {
        root.detachAppender(events);
        events.stop();
        levelsBefore.forEach(Logger::setLevel);
    }

    /** Renders each event as it arrives, on the logging thread, while its arguments are what they were. */
    private static final class Events extends AppenderBase<ILoggingEvent> {

        final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

        @Override
        protected void append(ILoggingEvent event) {
            StringBuilder line = new StringBuilder()
                    .append(event.getLevel()).append(' ').append(event.getLoggerName()).append(' ')
                    .append('[').append(event.getThreadName()).append("] ")
                    .append(event.getMDCPropertyMap()).append(' ')
                    .append(event.getFormattedMessage());
            if (event.getKeyValuePairs() != null) {
                line.append(' ').append(event.getKeyValuePairs());
            }
            if (event.getThrowableProxy() != null) {
                line.append(System.lineSeparator()).append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            lines.add(line.toString());
        }
    }
}
