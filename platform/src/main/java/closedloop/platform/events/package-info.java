/** CloudEvents 1.0 in Kafka binary mode: the {@code ce_*} headers and the JSON body of each event. */
package closedloop.platform.events;
