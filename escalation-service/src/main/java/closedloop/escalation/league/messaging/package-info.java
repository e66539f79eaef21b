/** The league table's own Kafka listener: it records ticket, clock, complaint and callback facts, in its own consumer group. */
package closedloop.escalation.league.messaging;
