/** The HTTP view of the message templates: the matrix's cells with their variables, and a preview of each. */
package closedloop.notification.template.web;
