package closedloop.router.routing;

import closedloop.contracts.Category;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BranchDirectoryUnitTests {

    private static final String ONE_BRANCH = """
            [{"code":"LIXIA-01","name":"Lixia","districtCompany":"Jinan","districts":["Lixia"],"active":true}]""";
    private static final String WITH_BILLING_CENTRE = """
            [{"code":"LIXIA-01","name":"Lixia","districtCompany":"Jinan","districts":["Lixia"],"active":true},
             {"code":"BILLING-CENTRE","name":"Billing","districtCompany":"Jinan","districts":["*"],
              "categories":["BILLING"],"active":true}]""";

    @TempDir
    Path folder;

    @Test
    void readsTheDemoDirectoryWithItsInactiveBillingCentre() {
        BranchDirectory directory = new BranchDirectory(new ClassPathResource("branch-directory.json"), new ObjectMapper());

        assertThat(directory.branches()).filteredOn(branch -> branch.code().equals("BILLING-CENTRE")).singleElement()
                .satisfies(branch -> {
                    assertThat(branch.active()).isFalse();
                    assertThat(branch.categories()).containsExactly(Category.BILLING);
                    assertThat(branch.districts()).containsExactly("*");
                });
        assertThat(directory.routing().branchFor("Lixia", Category.BILLING)).isEqualTo("LIXIA-01");
    }

    @Test
    void putsAnEditedDirectoryInForceOnReload() throws IOException {
        Path file = write(ONE_BRANCH);
        BranchDirectory directory = new BranchDirectory(new FileSystemResource(file), new ObjectMapper());
        assertThat(directory.routing().branchFor("Shizhong", Category.BILLING)).isEqualTo(Routing.MANUAL);

        Files.writeString(file, WITH_BILLING_CENTRE);
        directory.reload();

        assertThat(directory.routing().branchFor("Shizhong", Category.BILLING)).isEqualTo("BILLING-CENTRE");
        assertThat(directory.branches()).hasSize(2);
    }

    @Test
    void keepsTheDirectoryInForceWhenTheEditedOneIsInvalid() throws IOException {
        Path file = write(ONE_BRANCH);
        BranchDirectory directory = new BranchDirectory(new FileSystemResource(file), new ObjectMapper());

        for (String invalid : new String[]{"not json", "null", """
                [{"code":"A","districts":["Lixia"],"categories":["FAX"],"active":true}]""", """
                [{"code":"A","districts":["Lixia"],"active":true},{"code":"B","districts":["lixia"],"active":true}]""",
                """
                [{"code":"","districts":["Lixia"],"active":true}]"""}) {
            Files.writeString(file, invalid);
            assertThatThrownBy(directory::reload).as(invalid).isInstanceOf(InvalidBranchDirectory.class);
        }

        assertThat(directory.branches()).extracting(Branch::code).containsExactly("LIXIA-01");
        assertThat(directory.routing().branchFor("Lixia")).isEqualTo("LIXIA-01");
    }

    private Path write(String json) throws IOException {
        Path file = folder.resolve("branches.json");
        Files.writeString(file, json);
        return file;
    }
}
