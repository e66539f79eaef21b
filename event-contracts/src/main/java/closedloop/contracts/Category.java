package closedloop.contracts;

/** What the complaint is about; it decides the time limits and may decide the branch. */
public enum Category {
    BILLING, INSTALLATION_REPAIR, NETWORK_QUALITY, SERVICE_ATTITUDE, TARIFF_PRODUCT, OTHER
}
