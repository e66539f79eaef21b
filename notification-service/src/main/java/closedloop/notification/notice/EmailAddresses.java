package closedloop.notification.notice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The mail addresses of the staff: data, in configuration.
 *
 * @param supervisors   the supervisors' addresses; none = the supervisors get no mail
 * @param branches      a branch's address by its code, e.g. {@code [LIXIA-01]: lixia@example.com}
 * @param branchAddress the address of a branch not listed, {@code {branch}} standing for its code in lower case;
 *                      blank = such a branch gets no mail
 */
@ConfigurationProperties("closedloop.notification.email")
public record EmailAddresses(@DefaultValue("supervisors@closedloop.local") List<String> supervisors,
                             Map<String, String> branches,
                             @DefaultValue("{branch}@branches.closedloop.local") String branchAddress) {

    private static final String BRANCH_PLACEHOLDER = "{branch}";

    public EmailAddresses {
        supervisors = supervisors == null ? List.of()
                : supervisors.stream().filter(Objects::nonNull).map(String::trim).filter(a -> !a.isEmpty()).toList();
        branches = branches == null ? Map.of() : Map.copyOf(branches);
    }

    /** The supervisors' addresses, comma-separated; empty when none is configured. */
    public Optional<String> ofSupervisors() {
        return supervisors.isEmpty() ? Optional.empty() : Optional.of(String.join(",", supervisors));
    }

    /** The branch's address: the one listed for its code (in any case), else the pattern's; empty when neither. */
    public Optional<String> ofBranch(String code) {
        Optional<String> listed = branches.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(code))
                .map(Map.Entry::getValue)
                .filter(address -> !address.isBlank())
                .findFirst();
        if (listed.isPresent() || branchAddress == null || branchAddress.isBlank()) {
            return listed;
        }
        return Optional.of(branchAddress.replace(BRANCH_PLACEHOLDER, code.toLowerCase(Locale.ROOT)));
    }
}
