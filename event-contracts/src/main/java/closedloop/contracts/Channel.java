package closedloop.contracts;

/** Where the complaint came in. */
public enum Channel {
    HOTLINE, COUNTER, ACCOUNT_MANAGER, ONLINE, CONSUMER_ASSOCIATION, MEDIA, REGULATOR
}
