package id.pintu.workflow;

/** A newly accepted application and the secret token that lets its applicant follow and confirm it. */
public record Submitted(Application application, String token) {}
