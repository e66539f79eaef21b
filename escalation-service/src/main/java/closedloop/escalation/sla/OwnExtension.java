package closedloop.escalation.sla;

/** Nobody decides an extension they asked for themselves: another supervisor must (four eyes). */
public class OwnExtension extends RuntimeException {

    public OwnExtension(String extensionId, String actor) {
        super(actor + " asked for extension " + extensionId + " and so may not decide it");
    }
}
