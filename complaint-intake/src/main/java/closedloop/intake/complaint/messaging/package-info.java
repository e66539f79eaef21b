/** The Kafka listener that takes the other services' events onto the complaints' timelines. */
package closedloop.intake.complaint.messaging;
