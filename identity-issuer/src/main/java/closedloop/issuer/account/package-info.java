/** Who may sign in at the issuer and what their tokens say about them: the demo staff and the integrations, with their roles and branches. */
package closedloop.issuer.account;
