/** Who is told what: per event, the messages of its purpose to each recipient, in their words (the matrix at work). */
package closedloop.notification.notice;
