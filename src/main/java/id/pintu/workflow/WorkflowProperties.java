package id.pintu.workflow;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the workflow engine.
 *
 * @param actorQueuePrefix an actor's durable queue is this prefix plus the actor id
 * @param consumersPerQueue concurrent consumers on each actor queue
 * @param inboxBatchSize at most this many tasks a consumer takes off its actor queue at once: whatever waits there
 *     when it takes the next, entered in one database transaction and acknowledged, with their {@code STEP_ENTERED}
 *     events, in one JMS transaction (one task at rest, many under load; 1: one task per transaction)
 * @param outboxPollInterval how often the relay looks for events the fast path did not route (after a crash)
 * @param outboxLease how long one relay instance owns an event while routing it
 * @param outboxBatch events routed per poll
 * @param clarificationLimit how long (working time, ISO like P10D) the applicant has to answer a clarification
 * @param applicantDelegate the actor whose staff may perform the applicant's steps on the applicant's behalf
 * @param eventsTopic the durable topic on which case events are published for the features that react to them
 * @param strayTaskCheckInterval how often the open tasks of recently closed cases are looked for ({@link StrayTasks})
 * @param strayTaskLookback how far back that looks: cases closed since then
 */
@Validated
@ConfigurationProperties("pintu.workflow")
public record WorkflowProperties(
        @DefaultValue("pintu.actor.") @NotBlank String actorQueuePrefix,
        @DefaultValue("2") @Min(1) int consumersPerQueue,
        @DefaultValue("100") @Min(1) int inboxBatchSize,
        @DefaultValue("1s") @NotNull Duration outboxPollInterval,
        @DefaultValue("30s") @NotNull Duration outboxLease,
        @DefaultValue("200") @Min(1) int outboxBatch,
        @DefaultValue("P10D") @NotBlank String clarificationLimit,
        @DefaultValue("front-office") @NotBlank String applicantDelegate,
        @DefaultValue("pintu.events") @NotBlank String eventsTopic,
        @DefaultValue("1m") @NotNull Duration strayTaskCheckInterval,
        @DefaultValue("10m") @NotNull Duration strayTaskLookback) {

    public String queueOf(String actor) {
        return actorQueuePrefix + actor;
    }
}
