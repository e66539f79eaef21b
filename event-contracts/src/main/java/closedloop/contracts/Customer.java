package closedloop.contracts;

/** The person who complained, as far as the events need to know them. */
public record Customer(String name, String phone) {
}
