package closedloop.router.routing;

/** Someone else kept changing the ticket while this change was being made, even after one retry. */
public class ConcurrentTicketChange extends RuntimeException {

    public ConcurrentTicketChange(String ticketId, Throwable cause) {
        super("Ticket " + ticketId + " was changed concurrently; reload it and try again", cause);
    }
}
