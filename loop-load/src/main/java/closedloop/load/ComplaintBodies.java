package closedloop.load;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The complaints agents register, as JSON bodies of {@code POST /api/v1/complaints}: customers drawn from a large pool
 * (so that nearly all are new to the store), a share of them calling again about the same thing (a repeat), every
 * district and category, mostly by the hotline, some VIPs, some with an address or a promise. The same seed gives the
 * same sequence, so that two runs load the same complaints.
 */
public final class ComplaintBodies implements Iterator<Map<String, Object>> {

    /** The districts the branch directory serves (ticket-router's branch-directory.json). */
    static final List<String> DISTRICTS = List.of("Lixia", "Shizhong", "Huaiyin", "Tianqiao", "Licheng");
    static final List<String> CATEGORIES = List.of("BILLING", "INSTALLATION_REPAIR", "NETWORK_QUALITY",
            "SERVICE_ATTITUDE", "TARIFF_PRODUCT", "OTHER");
    /** What an agent (role AGENT) registers: the hotline most, then the counter and account managers. */
    private static final String[] CHANNELS = {"HOTLINE", "HOTLINE", "HOTLINE", "HOTLINE", "HOTLINE", "HOTLINE",
            "HOTLINE", "COUNTER", "COUNTER", "ACCOUNT_MANAGER"};
    private static final String[] SURNAMES = {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou"};
    private static final String[] GIVEN = {"Fang", "Wei", "Na", "Min", "Jing", "Lei", "Qiang", "Yan", "Jun", "Hua"};
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "BILLING", "Charged twice for the November data package",
            "INSTALLATION_REPAIR", "Broadband installer did not come at the agreed time",
            "NETWORK_QUALITY", "Mobile signal drops every evening at home",
            "SERVICE_ATTITUDE", "The counter clerk refused to explain the contract",
            "TARIFF_PRODUCT", "The new family plan costs more than advertised",
            "OTHER", "Letter about a plan I never ordered");
    private static final int RECENT = 2_000;
    /** Phones are 139 and eight digits. */
    static final int MAX_CUSTOMERS = 100_000_000;

    private final SplittableRandom random;
    private final int customers;
    private final double repeatShare;
    private final List<Caller> recent = new ArrayList<>();
    private long made;

    /**
     * @param seed        the sequence's seed
     * @param customers   how many different customers may call (phones are drawn from them)
     * @param repeatShare the share of complaints that repeat one of the last few thousand (same phone and category)
     */
    public ComplaintBodies(long seed, int customers, double repeatShare) {
        if (customers < 1 || customers > MAX_CUSTOMERS || repeatShare < 0 || repeatShare > 1) {
            throw new IllegalArgumentException("customers must be in [1, 100,000,000] and repeatShare in [0, 1]");
        }
        this.random = new SplittableRandom(seed);
        this.customers = customers;
        this.repeatShare = repeatShare;
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    /** The next complaint, as the feeder's one attribute {@code body}. */
    @Override
    public synchronized Map<String, Object> next() {
        return Map.of("body", nextBody());
    }

    /** The next complaint's JSON body. */
    synchronized String nextBody() {
        Caller caller = !recent.isEmpty() && random.nextDouble() < repeatShare
                ? recent.get(random.nextInt(recent.size()))
                : newCaller();
        made++;
        StringBuilder json = new StringBuilder(400)
                .append("{\"channel\":\"").append(CHANNELS[random.nextInt(CHANNELS.length)])
                .append("\",\"category\":\"").append(caller.category())
                .append("\",\"customer\":{\"name\":\"").append(caller.name())
                .append("\",\"phone\":\"").append(caller.phone()).append('"');
        if (caller.vip()) {
            json.append(",\"vip\":true");
        }
        json.append("},");
        if (random.nextInt(2) == 0) {
            json.append("\"location\":{\"district\":\"").append(caller.district())
                    .append("\",\"address\":\"No. ").append(1 + random.nextInt(300)).append(' ')
                    .append(caller.district()).append(" Road\"},");
        } else {
            json.append("\"district\":\"").append(caller.district()).append("\",");
        }
        json.append("\"description\":\"").append(DESCRIPTIONS.get(caller.category())).append('"');
        if (random.nextInt(10) == 0) {
            json.append(",\"promises\":[{\"text\":\"Call back within two hours\"}]");
        }
        return json.append('}').toString();
    }

    /** How many bodies it made so far. */
    synchronized long made() {
        return made;
    }

    private Caller newCaller() {
        int customer = random.nextInt(customers);
        Caller caller = new Caller(phoneOf(customer), SURNAMES[customer % SURNAMES.length] + " "
                + GIVEN[(customer / SURNAMES.length) % GIVEN.length],
                CATEGORIES.get(random.nextInt(CATEGORIES.size())), DISTRICTS.get(customer % DISTRICTS.size()),
                customer % 50 == 0);
        if (recent.size() < RECENT) {
            recent.add(caller);
        } else {
            recent.set(random.nextInt(RECENT), caller);
        }
        return caller;
    }

    /** A mainland mobile number of the customer, one per customer. */
    static String phoneOf(int customer) {
        return "139" + String.format("%08d", customer);
    }

    private record Caller(String phone, String name, String category, String district, boolean vip) {
    }
}
