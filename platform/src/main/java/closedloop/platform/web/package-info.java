/** RFC 9457 problem+json for every error a service answers, naming each bad field. */
package closedloop.platform.web;
