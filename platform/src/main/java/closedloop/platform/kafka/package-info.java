/** Topics, producer and consumer settings, and the dead-letter error handling every service uses. */
package closedloop.platform.kafka;
