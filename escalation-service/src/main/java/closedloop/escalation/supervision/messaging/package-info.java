/** The listeners that build supervision's views from the events of every topic, each in a consumer group of its own. */
package closedloop.escalation.supervision.messaging;
