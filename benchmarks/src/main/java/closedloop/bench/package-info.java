/** Commands that measure the system on this machine and write what they saw to docs/benchmarks (not tests). */
package closedloop.bench;
