package dev.hz.testing.txexec;

/** What FailingTask throws: a class of our own, so a client can check the class name it reports. */
public class TaskFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TaskFailedException(String message) {
        super(message);
    }
}
