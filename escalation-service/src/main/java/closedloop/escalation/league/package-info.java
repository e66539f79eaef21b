/** The branch league table (docs/architecture.md §7): per-ticket and per-complaint facts gathered from events, and the figures computed from them. */
package closedloop.escalation.league;
