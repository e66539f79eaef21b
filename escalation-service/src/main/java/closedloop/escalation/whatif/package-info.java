/**
 * Policy what-if (预演): each complaint's recorded ticket history, and its replay under a draft time-limit policy beside
 * what actually happened, without touching live clocks or publishing anything.
 */
package closedloop.escalation.whatif;
