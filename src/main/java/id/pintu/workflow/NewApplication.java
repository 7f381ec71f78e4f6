package id.pintu.workflow;

/** What an intake channel (REST, email, walk-in) hands to the workflow once the input is validated. */
public record NewApplication(
        String sopCode,
        Application.Applicant applicant,
        Application.Company company,
        String description,
        String channel) {}
