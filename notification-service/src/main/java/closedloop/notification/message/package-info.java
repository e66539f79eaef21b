/** Messages to people about a complaint: their texts, their delivery through one sender per channel, their record. */
package closedloop.notification.message;
