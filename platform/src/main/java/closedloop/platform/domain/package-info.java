/** What every service's aggregates share: the refusal of an illegal transition, and retrying a lost write race. */
package closedloop.platform.domain;
