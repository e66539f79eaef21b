/** The console's own HTTP answer about the sign-in: who is signed in at this browser. */
package closedloop.console.signin.web;
