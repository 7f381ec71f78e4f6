package id.pintu.web;

import id.pintu.api.ApiErrors;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * An upload above the servlet's multipart limits ({@code spring.servlet.multipart.max-file-size} /
 * {@code max-request-size}) is refused before any controller runs, so no page's own advice sees it. A page's form
 * (the counter's registration, a task's completion, scans added to a dossier) goes back to its page with the limit said in Bahasa Indonesia;
 * the API answers 413 with the limits; anything else gets the error page with 413. The pages also refuse such a file
 * in the browser before sending it ({@code upload-limit.js}), so what was typed is kept.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadTooLarge {

    private static final Pattern ANSWER_FORM = Pattern.compile("/pesan/[A-Za-z0-9-]{1,64}/jawab");
    private static final Pattern TASK_FORM = Pattern.compile("/tugas/([A-Za-z0-9-]{1,64})/(selesai|berkas)");

    private final MultipartProperties multipart;
    private final WebProperties properties;

    UploadTooLarge(MultipartProperties multipart, WebProperties properties) {
        this.multipart = multipart;
        this.properties = properties;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request, HttpServletResponse response) {
        long fileMb = multipart.getMaxFileSize().toMegabytes();
        long requestMb = multipart.getMaxRequestSize().toMegabytes();
        // The security filters could not read the form's CSRF token from a body Tomcat refused to parse, so the request
        // usually arrives here forwarded to the access-denied page: the form it came from is the original URI.
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String uri = forwarded instanceof String f ? f : request.getRequestURI();
        String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        if (path.startsWith("/api/")) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(new ApiErrors.Error(413,
                    "the upload is larger than the limit of " + fileMb + " MB per file and " + requestMb
                            + " MB per request"));
        }
        Matcher task = TASK_FORM.matcher(path);
        // An answer to an applicant (its page's script refuses the file first; without it the text is lost here)
        String back = path.equals("/loket/baru") ? path : task.matches() ? "/tugas/" + task.group(1)
                : ANSWER_FORM.matcher(path).matches() ? "/pesan" : null;
        if (back == null) {
            ModelAndView mv = new ModelAndView("error");
            mv.setStatus(HttpStatus.PAYLOAD_TOO_LARGE);
            mv.addObject("status", HttpStatus.PAYLOAD_TOO_LARGE.value());
            return mv;
        }
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("error", "upload.requestTooLarge");
        flash.put("errorArgs", new Object[] {properties.maxUploadSize().toMegabytes(), requestMb});
        flash.setTargetRequestPath(request.getContextPath() + back);
        RequestContextUtils.saveOutputFlashMap(request.getContextPath() + back, request, response);
        return new ModelAndView("redirect:" + back);
    }
}
