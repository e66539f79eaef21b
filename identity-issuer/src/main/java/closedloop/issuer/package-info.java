/** The embedded default's OpenID Connect issuer: the application, its settings and the wiring of Spring Authorization Server. */
package closedloop.issuer;
