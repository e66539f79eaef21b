/** The events the four services exchange: immutable records, their CloudEvents type ids, topics and JSON form. */
package closedloop.contracts;
