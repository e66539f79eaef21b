/** The complaint aggregate, its status state machine, its numbering, its repeat detection and its store. */
package closedloop.intake.complaint;
