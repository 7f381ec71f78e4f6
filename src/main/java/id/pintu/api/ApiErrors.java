package id.pintu.api;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import id.pintu.security.RequestBodyLimitFilter;
import id.pintu.workflow.WorkflowException;
import java.util.List;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every refusal as JSON: {@code {"errors":[{"field","message"}]}} for bad input, {@code {"error"}} otherwise. */
@RestControllerAdvice
public class ApiErrors {

    /** What a 503 for an unreachable database asks the client to wait, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 30;

    public record FieldError(String field, String message) {}

    public record Errors(List<FieldError> errors) {}

    public record Error(int status, String error) {}

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Errors> invalid(MethodArgumentNotValidException e) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .toList();
        return ResponseEntity.badRequest().body(new Errors(errors));
    }

    @ExceptionHandler(FieldProblem.class)
    ResponseEntity<Errors> field(FieldProblem e) {
        return ResponseEntity.badRequest().body(new Errors(List.of(new FieldError(e.field(), e.getMessage()))));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<?> unreadable(HttpMessageNotReadableException e) {
        // Hostile-input limits (see id.pintu.security.RequestLimits) get their own, specific answer.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyLimitFilter.BodyTooLargeException) {
                return status(HttpStatus.PAYLOAD_TOO_LARGE, t.getMessage());
            }
            if (t instanceof StreamConstraintsException) {
                return ResponseEntity.badRequest().body(new Errors(List.of(new FieldError("(body)",
                        "the JSON document exceeds a limit: " + t.getMessage()))));
            }
        }
        return ResponseEntity.badRequest()
                .body(new Errors(List.of(new FieldError("(body)", "not a readable JSON document of the expected shape"))));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Error> mediaType(HttpMediaTypeNotSupportedException e) {
        return status(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send application/json");
    }

    @ExceptionHandler(WorkflowException.class)
    ResponseEntity<Error> workflow(WorkflowException e) {
        HttpStatus status = switch (e.reason()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        return status(status, e.getMessage());
    }

    /**
     * The database cannot be reached (a connection not had within {@code spring.datasource.hikari.connection-timeout},
     * or lost): 503 with {@code Retry-After}, so that a client retries instead of reading a bare 500. Staff's completed
     * steps and applications already accepted are in the database; a request refused here changed nothing.
     */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class})
    ResponseEntity<Error> databaseAway(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .body(new Error(HttpStatus.SERVICE_UNAVAILABLE.value(),
                        "the database cannot be reached for now; try again in a moment"));
    }

    private static ResponseEntity<Error> status(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(new Error(status.value(), message));
    }

    /** A bad value found after bean validation (for example an unknown SOP code). */
    public static class FieldProblem extends RuntimeException {
        private final String field;

        public FieldProblem(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
