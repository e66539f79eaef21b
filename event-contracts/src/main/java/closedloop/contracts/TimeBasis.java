package closedloop.contracts;

/** How a time limit is counted: in working time on the business calendar, or in plain calendar time. */
public enum TimeBasis {
    WORKING, CALENDAR
}
