/** Time-limit policies (时限): versioned data per category and priority, and the deadlines they give on the business calendar. */
package closedloop.escalation.policy;
