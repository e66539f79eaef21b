package closedloop.contracts;

/**
 * The person who complained, as far as the events need to know them.
 *
 * @param accountNo the customer's account with the operator, when the agent has it
 * @param vip       a VIP customer's complaint starts one priority step higher
 */
public record Customer(String name, String phone, String accountNo, boolean vip) {

    public Customer(String name, String phone) {
        this(name, phone, null, false);
    }
}
