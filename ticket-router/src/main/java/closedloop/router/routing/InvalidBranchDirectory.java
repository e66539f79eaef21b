package closedloop.router.routing;

/** The branch directory's file cannot be read or is not a valid directory; the directory in force stays. */
public class InvalidBranchDirectory extends RuntimeException {

    public InvalidBranchDirectory(String source, String why) {
        super("The branch directory " + source + " is not valid: " + why);
    }
}
