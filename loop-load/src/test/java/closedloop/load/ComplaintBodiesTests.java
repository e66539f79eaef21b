package closedloop.load;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComplaintBodiesTests {

    private static final Pattern PHONE = Pattern.compile("\"phone\":\"(1[3-9]\\d{9})\"");
    private static final Pattern CATEGORY = Pattern.compile("\"category\":\"([A-Z_]+)\"");
    private static final Pattern DISTRICT = Pattern.compile("\"district\":\"([A-Za-z]+)\"");

    @Test
    void coversEveryDistrictAndCategoryWithValidPhones() {
        ComplaintBodies bodies = new ComplaintBodies(7, 1_000_000, 0.05);
        Set<String> categories = new HashSet<>();
        Set<String> districts = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String body = bodies.nextBody();
            assertTrue(PHONE.matcher(body).find(), body);
            categories.add(find(CATEGORY, body));
            districts.add(find(DISTRICT, body));
        }
        assertEquals(new HashSet<>(ComplaintBodies.CATEGORIES), categories);
        assertEquals(new HashSet<>(ComplaintBodies.DISTRICTS), districts);
    }

    @Test
    void aboutTheAskedShareRepeatsACustomerAndCategory() {
        ComplaintBodies bodies = new ComplaintBodies(11, 1_000_000, 0.10);
        Map<String, Integer> seen = new HashMap<>();
        int total = 20_000;
        for (int i = 0; i < total; i++) {
            String body = bodies.nextBody();
            seen.merge(find(PHONE, body) + "|" + find(CATEGORY, body), 1, Integer::sum);
        }
        int repeats = total - seen.size();
        assertTrue(repeats > total * 0.08 && repeats < total * 0.12, "repeats: " + repeats);
    }

    @Test
    void noRepeatsWhenTheShareIsZeroAndThePoolIsLarge() {
        ComplaintBodies bodies = new ComplaintBodies(3, ComplaintBodies.MAX_CUSTOMERS, 0);
        Set<String> phones = new HashSet<>();
        IntStream.range(0, 5_000).forEach(i -> phones.add(find(PHONE, bodies.nextBody())));
        assertTrue(phones.size() > 4_990, "distinct phones: " + phones.size());
    }

    @Test
    void theSameSeedGivesTheSameComplaints() {
        ComplaintBodies one = new ComplaintBodies(5, 1000, 0.2);
        ComplaintBodies again = new ComplaintBodies(5, 1000, 0.2);
        ComplaintBodies other = new ComplaintBodies(6, 1000, 0.2);
        List<String> first = IntStream.range(0, 100).mapToObj(i -> one.nextBody()).toList();
        assertEquals(first, IntStream.range(0, 100).mapToObj(i -> again.nextBody()).toList());
        assertNotEquals(first, IntStream.range(0, 100).mapToObj(i -> other.nextBody()).toList());
        assertEquals(100, one.made());
    }

    private static String find(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        assertTrue(matcher.find(), body);
        return matcher.group(1);
    }
}
