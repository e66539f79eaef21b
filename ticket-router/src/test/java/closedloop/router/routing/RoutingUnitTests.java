package closedloop.router.routing;

import closedloop.contracts.Category;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RoutingUnitTests {

    private final Routing demo = new Routing(demoDirectory());

    @ParameterizedTest
    @CsvSource({
            "Lixia, LIXIA-01",
            "Shizhong, SHIZHONG-01",
            "Huaiyin, HUAIYIN-01",
            "Tianqiao, TIANQIAO-01",
            "Licheng, LICHENG-01"})
    void routesEachDemoDistrictToItsBranch(String district, String branch) {
        assertThat(demo.branchFor(district)).isEqualTo(branch);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lixia", "LIXIA", "  Lixia ", "\tlIxIa\n"})
    void matchesDistrictsIgnoringCaseAndSurroundingBlanks(String district) {
        assertThat(demo.branchFor(district)).isEqualTo("LIXIA-01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Changqing", "Li xia", "Lixia-East"})
    void sendsUnknownDistrictsToTheDispatchDesk(String district) {
        assertThat(demo.branchFor(district)).isEqualTo(Routing.MANUAL);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "   ")
    void sendsComplaintsWithoutDistrictToTheDispatchDesk(String district) {
        assertThat(demo.branchFor(district)).isEqualTo(Routing.MANUAL);
    }

    @Test
    void sendsDistrictsOfAnInactiveBranchToTheDispatchDesk() {
        Routing routing = new Routing(List.of(
                new Branch("LIXIA-01", "Lixia Branch", "Jinan", List.of("Lixia"), false),
                new Branch("SHIZHONG-01", "Shizhong Branch", "Jinan", List.of("Shizhong"), true)));

        assertThat(routing.branchFor("Lixia")).isEqualTo(Routing.MANUAL);
        assertThat(routing.branchFor("Shizhong")).isEqualTo("SHIZHONG-01");
    }

    @Test
    void letsAnActiveBranchTakeOverTheDistrictOfAnInactiveOne() {
        Routing routing = new Routing(List.of(
                new Branch("LIXIA-01", "Lixia Branch", "Jinan", List.of("Lixia"), false),
                new Branch("LIXIA-02", "Lixia New Branch", "Jinan", List.of("lixia "), true)));

        assertThat(routing.branchFor("Lixia")).isEqualTo("LIXIA-02");
    }

    @Test
    void rejectsADirectoryWhereTwoActiveBranchesServeTheSameDistrict() {
        List<Branch> directory = List.of(
                new Branch("LIXIA-01", "Lixia Branch", "Jinan", List.of("Lixia"), true),
                new Branch("LIXIA-02", "Lixia New Branch", "Jinan", List.of(" LIXIA"), true));

        assertThatIllegalArgumentException().isThrownBy(() -> new Routing(directory))
                .withMessageContaining("LIXIA-01").withMessageContaining("LIXIA-02");
    }

    @Test
    void toleratesABranchWithoutDistricts() {
        Routing routing = new Routing(List.of(new Branch("MANUAL", "Dispatch desk", "Jinan", null, true)));

        assertThat(routing.branchFor("Lixia")).isEqualTo(Routing.MANUAL);
    }

    @Test
    void keepsLixiaBillingAtTheLixiaBranchWhileTheDemoBillingCentreIsInactive() {
        assertThat(demo.branchFor("Lixia", Category.BILLING)).isEqualTo("LIXIA-01");
        assertThat(demo.takesTickets("BILLING-CENTRE")).isFalse();
        assertThat(demo.branches()).extracting(Branch::code).contains("BILLING-CENTRE");
    }

    @Test
    void sendsEveryComplaintOfACategoryToTheBranchThatOverridesIt() {
        Routing routing = new Routing(withBillingCentre(true));

        assertThat(routing.branchFor("Lixia", Category.BILLING)).isEqualTo("BILLING-CENTRE");
        assertThat(routing.branchFor("Changqing", Category.BILLING)).isEqualTo("BILLING-CENTRE");
        assertThat(routing.branchFor("Lixia", Category.NETWORK_QUALITY)).isEqualTo("LIXIA-01");
        assertThat(routing.branchFor("Changqing", Category.NETWORK_QUALITY)).isEqualTo(Routing.MANUAL);
    }

    @Test
    void prefersABranchNamingDistrictAndCategoryToACategoryWideOne() {
        List<Branch> directory = new java.util.ArrayList<>(withBillingCentre(true));
        directory.add(new Branch("LIXIA-BILLING", "Lixia billing desk", "Jinan", List.of("Lixia"),
                List.of(Category.BILLING, Category.TARIFF_PRODUCT), true));
        Routing routing = new Routing(directory);

        assertThat(routing.branchFor(" lixia ", Category.BILLING)).isEqualTo("LIXIA-BILLING");
        assertThat(routing.branchFor("Lixia", Category.TARIFF_PRODUCT)).isEqualTo("LIXIA-BILLING");
        assertThat(routing.branchFor("Shizhong", Category.BILLING)).isEqualTo("BILLING-CENTRE");
        assertThat(routing.branchFor("Lixia", Category.OTHER)).isEqualTo("LIXIA-01");
    }

    @Test
    void sendsACategoryToTheDistrictBranchWhileTheOverridingBranchIsInactive() {
        Routing routing = new Routing(withBillingCentre(false));

        assertThat(routing.branchFor("Lixia", Category.BILLING)).isEqualTo("LIXIA-01");
        assertThat(routing.branchFor("Changqing", Category.BILLING)).isEqualTo(Routing.MANUAL);
    }

    @Test
    void neverRoutesToABranchThatReturnedTheComplaint() {
        Routing routing = new Routing(withBillingCentre(true));

        assertThat(routing.branchFor("Lixia", Category.BILLING, List.of("BILLING-CENTRE"))).isEqualTo("LIXIA-01");
        assertThat(routing.branchFor("Lixia", Category.BILLING, List.of("BILLING-CENTRE", "LIXIA-01")))
                .isEqualTo(Routing.MANUAL);
        assertThat(routing.branchFor("Lixia", Category.OTHER, List.of("LIXIA-01"))).isEqualTo(Routing.MANUAL);
    }

    @Test
    void fallsBackToACatchAllBranchLast() {
        Routing routing = new Routing(List.of(
                new Branch("LIXIA-01", "Lixia", "Jinan", List.of("Lixia"), true),
                new Branch("JINAN-ALL", "Jinan catch-all", "Jinan", List.of("*"), true)));

        assertThat(routing.branchFor("Lixia", Category.BILLING)).isEqualTo("LIXIA-01");
        assertThat(routing.branchFor("Changqing", Category.BILLING)).isEqualTo("JINAN-ALL");
        assertThat(routing.branchFor(null, Category.BILLING)).isEqualTo("JINAN-ALL");
    }

    @Test
    void rejectsADirectoryWhereTwoActiveBranchesOverrideTheSameCategory() {
        List<Branch> directory = new java.util.ArrayList<>(withBillingCentre(true));
        directory.add(new Branch("BILLING-2", "Second billing centre", "Jinan", List.of("*"),
                List.of(Category.BILLING), true));

        assertThatIllegalArgumentException().isThrownBy(() -> new Routing(directory))
                .withMessageContaining("BILLING-CENTRE").withMessageContaining("BILLING-2");
    }

    @Test
    void rejectsADirectoryListingABranchCodeTwice() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Routing(List.of(
                new Branch("LIXIA-01", "Lixia", "Jinan", List.of("Lixia"), true),
                new Branch("LIXIA-01", "Lixia again", "Jinan", List.of("Shizhong"), false))))
                .withMessageContaining("LIXIA-01");
    }

    @Test
    void takesTicketsByHandOnlyAtActiveListedBranches() {
        Routing routing = new Routing(withBillingCentre(false));

        assertThat(routing.takesTickets("LIXIA-01")).isTrue();
        assertThat(routing.takesTickets("BILLING-CENTRE")).isFalse();
        assertThat(routing.takesTickets("NOWHERE-01")).isFalse();
        assertThat(routing.takesTickets(null)).isFalse();
    }

    private static List<Branch> withBillingCentre(boolean active) {
        return List.of(
                new Branch("LIXIA-01", "Lixia Branch", "Jinan", List.of("Lixia"), true),
                new Branch("SHIZHONG-01", "Shizhong Branch", "Jinan", List.of("Shizhong"), true),
                new Branch("BILLING-CENTRE", "Billing Centre", "Jinan", List.of("*"), List.of(Category.BILLING), active));
    }

    private static List<Branch> demoDirectory() {
        try (InputStream in = RoutingUnitTests.class.getResourceAsStream("/branch-directory.json")) {
            return new ObjectMapper().readValue(in, new TypeReference<List<Branch>>() { });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
