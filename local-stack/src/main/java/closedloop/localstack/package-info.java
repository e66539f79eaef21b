/** The embedded default: a real Kafka broker, a durable MongoDB-wire store and the four services in one process. */
package closedloop.localstack;
