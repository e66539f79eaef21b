/**
 * Dead letters operated: each service lists the records its consumer groups dead-lettered, replays one or all of them
 * to the group that failed (not to every group of the topic) and discards one with a reason, every decision audited
 * (docs/architecture.md §9.9).
 */
package closedloop.platform.deadletter;
