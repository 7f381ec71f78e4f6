package id.pintu.sop;

/** SOP files (document plans, mail rules, dossiers) the office cannot run on; the message names each file and problem. */
public class SopFilesException extends IllegalStateException {

    public SopFilesException(String message) {
        super(message);
    }
}
