/** The embedded default's demo outbox: a real SMTP server and a recording SMS gateway showing what left the system. */
package closedloop.localstack.outbox;
