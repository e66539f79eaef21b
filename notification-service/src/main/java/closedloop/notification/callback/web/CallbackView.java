package closedloop.notification.callback.web;

import closedloop.contracts.CallbackOutcome;
import closedloop.notification.callback.Callback;
import closedloop.notification.callback.CallbackStatus;

import java.time.Instant;

/** A callback task as the API shows it; {@code overdue} is judged at the moment of the answer. */
public record CallbackView(String id, String complaintId, String complaintNumber, String customerName,
                           String customerPhone, String ticketId, String branch, CallbackStatus status,
                           Instant openedAt, Instant dueAt, boolean overdue, CallbackOutcome outcome, String note,
                           Instant completedAt, String completedBy) {

    static CallbackView of(Callback callback, Instant now) {
        return new CallbackView(callback.id(), callback.complaintId(), callback.complaintNumber(),
                callback.customerName(), callback.customerPhone(), callback.ticketId(), callback.branch(),
                callback.status(), callback.openedAt(), callback.dueAt(), callback.overdueAt(now), callback.outcome(),
                callback.note(), callback.completedAt(), callback.completedBy());
    }
}
