package closedloop.escalation.problem;

/** OPEN while its cause is being fixed; CLOSED once every corrective action is done and a supervisor closed it. */
public enum ProblemStatus {
    OPEN, CLOSED
}
