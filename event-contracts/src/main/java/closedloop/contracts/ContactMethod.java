package closedloop.contracts;

/** How the branch reached the customer. */
public enum ContactMethod {
    PHONE, SMS, VISIT, OTHER
}
