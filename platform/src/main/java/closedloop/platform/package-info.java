/** What every Closed Loop service shares: CloudEvents over Kafka, the outbox relay, dead letters, problem+json and the Clock. */
package closedloop.platform;
