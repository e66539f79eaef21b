/** Who the caller is and what they may do: signed-in users from OAuth 2.0 access tokens, and each service's rules. */
package closedloop.platform.security;
