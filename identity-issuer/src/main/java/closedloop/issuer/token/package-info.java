/** The Closed Loop claims every token and the user info carry: preferred_username, roles, branches and the audience. */
package closedloop.issuer.token;
