package closedloop.router.routing;

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

    private static List<Branch> demoDirectory() {
        try (InputStream in = RoutingUnitTests.class.getResourceAsStream("/branch-directory.json")) {
            return new ObjectMapper().readValue(in, new TypeReference<List<Branch>>() { });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
