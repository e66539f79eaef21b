package closedloop.router.routing;

import closedloop.contracts.Category;

import java.util.List;

/**
 * A branch (支局) as the branch directory lists it.
 *
 * @param code            the branch's code, which tickets carry, e.g. {@code LIXIA-01}
 * @param name            the branch's name for people
 * @param districtCompany the district company (区县公司) it belongs to
 * @param districts       the districts it serves; {@value Routing#ANY_DISTRICT} for every district
 * @param categories      when given, it takes only complaints of these categories (a category override, e.g. a billing
 *                        centre); empty: every category of its districts
 * @param active          whether it takes tickets now; an inactive branch's districts go to the dispatch desk
 */
public record Branch(String code, String name, String districtCompany, List<String> districts,
                     List<Category> categories, boolean active) {

    public Branch {
        districts = districts == null ? List.of() : List.copyOf(districts);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** A branch that takes every category of its districts. */
    public Branch(String code, String name, String districtCompany, List<String> districts, boolean active) {
        this(code, name, districtCompany, districts, List.of(), active);
    }
}
