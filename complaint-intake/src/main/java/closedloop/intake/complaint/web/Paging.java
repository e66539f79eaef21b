package closedloop.intake.complaint.web;

/** The paging parameters' rules, shared by every list. */
final class Paging {

    static final String PAGE = "\\d{1,6}";
    static final String PAGE_MESSAGE = "must be a whole number from 0";
    static final String SIZE = "[1-9]\\d?|100";
    static final String SIZE_MESSAGE = "must be a whole number from 1 to 100";
    static final int DEFAULT_SIZE = 20;

    private Paging() {
    }

    static int page(String page) {
        return page == null ? 0 : Integer.parseInt(page);
    }

    static int size(String size) {
        return size == null ? DEFAULT_SIZE : Integer.parseInt(size);
    }
}
