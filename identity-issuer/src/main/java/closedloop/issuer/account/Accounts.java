package closedloop.issuer.account;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The directory of the issuer: the staff who sign in (by username) and the integrations that get tokens with their
 * client's credentials (by client id), each with the roles and branches their tokens carry.
 */
public final class Accounts {

    private final Map<String, Account> staff = new LinkedHashMap<>();
    private final Map<String, Account> integrations = new LinkedHashMap<>();

    /**
     * @param staff        the people who sign in with a username and password
     * @param integrations the account each client-credentials client acts as, by client id
     */
    public Accounts(List<Account> staff, Map<String, Account> integrations) {
        staff.forEach(account -> {
            if (this.staff.putIfAbsent(account.username(), account) != null) {
                throw new IllegalArgumentException("Two accounts are named '" + account.username() + "'");
            }
        });
        this.integrations.putAll(integrations);
    }

    /** The member of staff of this username. */
    public Optional<Account> person(String username) {
        return Optional.ofNullable(staff.get(username));
    }

    /** The account a client-credentials client acts as. */
    public Optional<Account> integration(String clientId) {
        return Optional.ofNullable(integrations.get(clientId));
    }

    /** Every member of staff, in the order of the settings. */
    public List<Account> staff() {
        return List.copyOf(staff.values());
    }

    /**
     * How the staff sign in: each with the same demo password, stored only encoded (one salt per user), and
     * authorities {@code ROLE_<role>}.
     */
    public UserDetailsService signIn(String password, PasswordEncoder encoder) {
        return new InMemoryUserDetailsManager(staff.values().stream()
                .map(account -> User.withUsername(account.username())
                        .password(encoder.encode(password))
                        .roles(account.roleNames().toArray(String[]::new))
                        .build())
                .toList());
    }
}
