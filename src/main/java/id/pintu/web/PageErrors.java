package id.pintu.web;

import id.pintu.workflow.WorkflowException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refused page request shows a page, not JSON: another actor's inbox or task is 403, an unknown task 404. Ordered
 * before the API's advice, and limited to this package, so the API keeps its JSON errors.
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
}
