package closedloop.router.routing;

import java.util.List;

/**
 * A branch (支局) as the branch directory lists it.
 *
 * @param code            the branch's code, which tickets carry, e.g. {@code LIXIA-01}
 * @param name            the branch's name for people
 * @param districtCompany the district company (区县公司) it belongs to
 * @param districts       the districts it serves
 * @param active          whether it takes tickets now; an inactive branch's districts go to the dispatch desk
 */
public record Branch(String code, String name, String districtCompany, List<String> districts, boolean active) {

    public Branch {
        districts = districts == null ? List.of() : List.copyOf(districts);
    }
}
