/** The complaint aggregate, its status state machine, its numbering and its store. */
package closedloop.intake.complaint;
