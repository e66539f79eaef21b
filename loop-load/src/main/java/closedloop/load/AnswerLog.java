package closedloop.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Every answer of the load, one CSV line each, {@code sentAtEpochMillis,latencyMillis,status,complaintId}, for the
 * benchmark to compute percentiles over any window and to follow each complaint around the loop.
 */
final class AnswerLog implements AutoCloseable {

    static final String HEADER = "sentAt,latencyMillis,status,complaintId";

    private final BufferedWriter out;

    AnswerLog(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            out = Files.newBufferedWriter(file);
            out.write(HEADER);
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void answered(long sentAt, long latencyMillis, int status, String complaintId) {
        try {
            out.write(sentAt + "," + latencyMillis + "," + status + "," + (complaintId == null ? "" : complaintId));
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
