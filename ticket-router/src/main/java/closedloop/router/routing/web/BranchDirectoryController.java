package closedloop.router.routing.web;

import closedloop.platform.security.Actor;
import closedloop.platform.web.Problems;
import closedloop.router.routing.Branch;
import closedloop.router.routing.BranchDirectory;
import closedloop.router.routing.InvalidBranchDirectory;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The branch directory: {@code GET /api/v1/branches} lists the directory in force, and
 * {@code POST /api/v1/admin/branch-directory/reload} re-reads the configured resource ({@code closedloop.router.directory})
 * without a restart. Reloading is an explicit admin action (not a file watcher), so that an operator decides when an
 * edited file takes effect; an invalid file answers 422 problem+json and the directory in force stays.
 */
@RestController
@RequiredArgsConstructor
public class BranchDirectoryController {

    private static final Logger log = LoggerFactory.getLogger(BranchDirectoryController.class);

    private final BranchDirectory directory;

    /** The branches of the directory in force, as the file lists them. */
    @GetMapping("/api/v1/branches")
    public List<Branch> branches() {
        return directory.branches();
    }

    /** Re-reads the directory and puts it in force; 422 and no change when the file is not a valid directory. */
    @PostMapping("/api/v1/admin/branch-directory/reload")
    public List<Branch> reload(@Actor String actor) {
        try {
            List<Branch> branches = directory.reload();
            log.info("Branch directory reloaded by {}: {} branches", actor, branches.size());
            return branches;
        } catch (InvalidBranchDirectory invalid) {
            log.warn("Branch directory reload by {} refused: {}", actor, invalid.getMessage());
            throw Problems.unprocessable("Invalid branch directory", invalid.getMessage());
        }
    }
}
