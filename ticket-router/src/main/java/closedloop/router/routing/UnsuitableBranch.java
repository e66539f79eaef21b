package closedloop.router.routing;

/** A ticket cannot be sent to this branch by hand: it is not in the directory, not active, or holds it already. */
public class UnsuitableBranch extends RuntimeException {

    private final String branch;

    public UnsuitableBranch(String branch, String why) {
        super("Branch " + branch + " " + why);
        this.branch = branch;
    }

    public String branch() {
        return branch;
    }
}
