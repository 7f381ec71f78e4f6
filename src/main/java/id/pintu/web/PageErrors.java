package id.pintu.web;

import id.pintu.api.ApiErrors;
import id.pintu.workflow.WorkflowException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refused page request shows a page, not JSON: another actor's inbox or task is 403, an unknown task 404. Ordered
 * before the API's advice, and limited to this package, so the API keeps its JSON errors. With the database out of
 * reach a page says so and asks to try again (503), instead of a bare "something went wrong".
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(WorkflowException.class)
    ModelAndView workflow(WorkflowException e) {
        HttpStatus status = switch (e.reason()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        ModelAndView mv = new ModelAndView(status == HttpStatus.FORBIDDEN ? "terlarang" : "error");
        mv.setStatus(status);
        mv.addObject("status", status.value());
        return mv;
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class})
    ModelAndView databaseAway(RuntimeException e, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ApiErrors.RETRY_AFTER_SECONDS));
        ModelAndView mv = new ModelAndView("error");
        mv.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
        mv.addObject("status", HttpStatus.SERVICE_UNAVAILABLE.value());
        return mv;
    }
}
