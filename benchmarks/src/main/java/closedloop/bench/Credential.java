package closedloop.bench;

/**
 * What a request to complaint-intake carries in its {@code Authorization} header, and the answer it must get: the
 * agent's real token is accepted; a token whose signature does not verify, one signed by a key the issuer does not
 * publish and none at all are refused.
 */
enum Credential {

    VALID("agent-017's access token from the issuer", 201),
    TAMPERED("the same token with one byte of its signature changed (same key id)", 401),
    UNKNOWN_KEY("the same claims signed by another RSA key, whose key id is not in the issuer's JWKS", 401),
    NONE("no `Authorization` header", 401);

    private final String description;
    private final int expectedStatus;

    Credential(String description, int expectedStatus) {
        this.description = description;
        this.expectedStatus = expectedStatus;
    }

    String description() {
        return description;
    }

    int expectedStatus() {
        return expectedStatus;
    }
}
