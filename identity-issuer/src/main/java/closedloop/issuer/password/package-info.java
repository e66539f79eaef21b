/** The resource owner password grant, a demo-only extension grant of the token endpoint for the public command-line client. */
package closedloop.issuer.password;
