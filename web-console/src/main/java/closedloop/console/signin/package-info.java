/** Signing in to the console: the OAuth 2.0 client of the issuer, the session, CSRF protection and logout. */
package closedloop.console.signin;
