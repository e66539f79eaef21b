/** Delivery of the recorded messages: the pass that tries due messages, its backoff and leases, resilient senders. */
package closedloop.notification.message.delivery;
