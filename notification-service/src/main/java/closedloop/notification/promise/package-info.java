/** What each complaint's customer was promised, and which promises are settled (kept or waived). */
package closedloop.notification.promise;
