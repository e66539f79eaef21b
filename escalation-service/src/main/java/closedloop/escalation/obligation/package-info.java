/**
 * Promises made to customers as obligations (承诺兑现): who owes what to whom by when, kept with evidence or waived by
 * a supervisor with a reason.
 */
package closedloop.escalation.obligation;
