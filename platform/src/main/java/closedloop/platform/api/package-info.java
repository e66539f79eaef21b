/** Each service's OpenAPI description: one rule for its security scheme, its problem answers, name and version. */
package closedloop.platform.api;
