/** The business calendar over HTTP: what it knows for everyone on the staff, and uploading a year for administrators. */
package closedloop.escalation.calendar.web;
