package closedloop.contracts;

/** Why a branch gave a ticket back (退单). */
public enum ReturnReason {
    NOT_OUR_AREA, WRONG_CATEGORY, DUPLICATE, OTHER
}
