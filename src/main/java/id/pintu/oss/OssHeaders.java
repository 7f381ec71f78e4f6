package id.pintu.oss;

/** Camel header and exchange property names of the OSS routes, in one place. */
public final class OssHeaders {

    /** The integration name of the step ({@code oss-register}), set by the hand-over route. */
    public static final String INTEGRATION = "PintuOssIntegration";
    /** True once the call's idempotency record says OSS already answered: no second call. */
    public static final String ALREADY_DONE = "PintuOssAlreadyDone";
    /** The full URL of one OSS method for the HTTP producer. */
    public static final String URL = "PintuOssUrl";
    /** Exchange property: the {@link OssRequest} being worked on (survives header clean-up around HTTP). */
    public static final String REQUEST = "PintuOssRequest";

    private OssHeaders() {}
}
