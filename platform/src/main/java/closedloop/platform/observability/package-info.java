/** What operators watch: the trace context an outbox keeps, the loop's metrics and the complaint id in the logs. */
package closedloop.platform.observability;
