/** The issuer's RSA signing key, kept in a JWK file so that tokens stay valid across restarts. */
package closedloop.issuer.key;
