package closedloop.notification.callback;

/**
 * Which callbacks a worklist shows.
 *
 * @param status      only callbacks in this state; null: any
 * @param dueOnly     only open callbacks the hotline can act on now (a call is allowed, or the outcome is owed)
 * @param complaintId only the callbacks of this complaint; null: any
 */
public record CallbackFilter(CallbackStatus status, boolean dueOnly, String complaintId) {

    /** The open callbacks the hotline can act on now. */
    public static CallbackFilter due(String complaintId) {
        return new CallbackFilter(CallbackStatus.OPEN, true, complaintId);
    }
}
