/** The transactional outbox: events ride inside the aggregate's document and a relay publishes them. */
package closedloop.platform.outbox;
