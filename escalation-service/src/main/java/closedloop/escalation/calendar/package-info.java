/** The business calendar: working hours, public holidays and swapped working days (调休), loaded from data files. */
package closedloop.escalation.calendar;
