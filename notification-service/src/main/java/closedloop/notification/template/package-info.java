/** The words of every message, per purpose, recipient kind and channel, in zh-CN and en. */
package closedloop.notification.template;
