package closedloop.router.routing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The branch directory in force, read from a Spring resource (a JSON list of {@link Branch}es). It is reloadable
 * without a restart: {@link #reload()} re-reads the resource and swaps the routing rule in one step, or, when the
 * file is not a valid directory, keeps the one in force and says why. The HTTP adapter offers this as
 * {@code POST /api/v1/admin/branch-directory/reload} (an explicit admin action rather than watching the file, so that
 * an operator decides when a half-edited file takes effect and sees at once whether it was accepted).
 */
public class BranchDirectory {

    private static final Logger log = LoggerFactory.getLogger(BranchDirectory.class);
    private static final TypeReference<List<Branch>> BRANCHES = new TypeReference<>() { };

    private final Resource source;
    private final ObjectMapper json;
    private final AtomicReference<Routing> current = new AtomicReference<>();

    /** Reads the directory; fails when it cannot be read or is not valid, so that a service never starts without one. */
    public BranchDirectory(Resource source, ObjectMapper json) {
        this.source = source;
        this.json = json;
        current.set(read());
    }

    /** The routing rule of the directory in force. */
    public Routing routing() {
        return current.get();
    }

    /** The branches of the directory in force. */
    public List<Branch> branches() {
        return routing().branches();
    }

    /**
     * Re-reads the directory and puts it in force; throws {@link InvalidBranchDirectory} and keeps the directory in
     * force when the file cannot be read or is not valid.
     */
    public List<Branch> reload() {
        Routing routing = read();
        current.set(routing);
        return routing.branches();
    }

    private Routing read() {
        try (InputStream in = source.getInputStream()) {
            List<Branch> branches = json.readValue(in, BRANCHES);
            if (branches == null) {
                throw new InvalidBranchDirectory(source.getDescription(), "it is empty (null)");
            }
            Routing routing = new Routing(branches);
            log.info("Branch directory {}: {} branches", source.getDescription(), branches.size());
            return routing;
        } catch (IOException e) {
            throw new InvalidBranchDirectory(source.getDescription(), e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidBranchDirectory(source.getDescription(), e.getMessage());
        }
    }
}
