package closedloop.notification.notice;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressesUnitTests {

    static EmailAddresses bound(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("closedloop.notification.email", EmailAddresses.class);
    }

    @Test
    void mailsTheSupervisorsAndEveryBranchAtTheDefaultAddresses() {
        EmailAddresses addresses = bound(Map.of());

        assertThat(addresses.ofSupervisors()).contains("supervisors@closedloop.local");
        assertThat(addresses.ofBranch("LIXIA-01")).contains("lixia-01@branches.closedloop.local");
    }

    @Test
    void mailsABranchAtItsListedAddressWhateverTheCaseOfItsCode() {
        EmailAddresses addresses = bound(Map.of(
                "closedloop.notification.email.branches[LIXIA-01]", "lixia-dispatch@example.com",
                "closedloop.notification.email.branch-address", "desk+{branch}@example.com"));

        assertThat(addresses.ofBranch("LIXIA-01")).contains("lixia-dispatch@example.com");
        assertThat(addresses.ofBranch("lixia-01")).contains("lixia-dispatch@example.com");
        assertThat(addresses.ofBranch("HUAIYIN-02")).contains("desk+huaiyin-02@example.com");
    }

    @Test
    void joinsTheSupervisorsAddressesWithCommas() {
        EmailAddresses addresses = bound(Map.of(
                "closedloop.notification.email.supervisors[0]", "duban@example.com",
                "closedloop.notification.email.supervisors[1]", " head@example.com "));

        assertThat(addresses.ofSupervisors()).contains("duban@example.com,head@example.com");
    }

    @Test
    void hasNoAddressWhenNoneIsConfigured() {
        EmailAddresses addresses = bound(Map.of(
                "closedloop.notification.email.supervisors", "",
                "closedloop.notification.email.branch-address", ""));

        assertThat(addresses.ofSupervisors()).isEmpty();
        assertThat(addresses.ofBranch("LIXIA-01")).isEmpty();
    }
}
