/**
 * Root causes across complaints (触类旁通, 制定整改措施): problems (问题单) opened when complaints of one kind pile up in
 * one district, or by a supervisor; the corrective actions that answer them, watched on the business calendar; the
 * office meeting's agenda for the overdue ones; and the customers told when a problem is solved.
 */
package closedloop.escalation.problem;
