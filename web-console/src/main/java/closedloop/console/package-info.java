/** The web console: static pages for the three roles and one origin for the four services' APIs. */
package closedloop.console;
