package id.pintu.security;

/**
 * A staff file (actors, supervision, users, acting) the office cannot run on; the message names the file and every
 * problem in it.
 */
public class StaffFileException extends IllegalStateException {

    public StaffFileException(String message) {
        super(message);
    }
}
