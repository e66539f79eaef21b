/** The clients registered at the issuer: the command line, the web console and the integrations. */
package closedloop.issuer.client;
