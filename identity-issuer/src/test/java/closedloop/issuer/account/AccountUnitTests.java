package closedloop.issuer.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountUnitTests {

    @ParameterizedTest
    @ValueSource(strings = {"system", "configuration", "anonymous", "SYSTEM", " system ", "sms:13800138000", "SMS:x"})
    void refusesTheNamesTheSystemActsUnder(String name) {
        assertThatThrownBy(() -> new Account(name, List.of(Role.AGENT), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reserved");
    }

    @Test
    void givesAnAccountWithoutBranchesAnEmptyList() {
        Account account = new Account("agent-017", List.of(Role.AGENT), null);

        assertThat(account.branches()).isEmpty();
        assertThat(account.roleNames()).containsExactly("AGENT");
    }

    @Test
    void refusesTwoAccountsOfOneName() {
        List<Account> twice = List.of(new Account("li.ming", List.of(Role.DISPATCHER), List.of("LIXIA-01")),
                new Account("li.ming", List.of(Role.SUPERVISOR), List.of()));

        assertThatThrownBy(() -> new Accounts(twice, Map.of())).hasMessageContaining("li.ming");
    }

    @Test
    void storesTheDemoPasswordEncodedWithBcryptAndGrantsTheRolesAsAuthorities() {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        Accounts accounts = new Accounts(List.of(new Account("sup.wang", List.of(Role.SUPERVISOR), List.of())), Map.of());

        UserDetails user = accounts.signIn("demo", encoder).loadUserByUsername("sup.wang");

        assertThat(user.getPassword()).startsWith("{bcrypt}");
        assertThat(encoder.matches("demo", user.getPassword())).isTrue();
        assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_SUPERVISOR");
    }
}
