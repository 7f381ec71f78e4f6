package id.pintu.web;

import java.util.Optional;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The line under a page's notice that says whether the person concerned was told of the change by email. */
final class MailNotice {

    private MailNotice() {}

    /** "Pemberitahuan dikirim ke {address}", or that {@code user} has no address and must be told in person. */
    static void told(Optional<String> address, String user, RedirectAttributes flash) {
        flash.addFlashAttribute("noticeMail", address.isPresent() ? "staff.mailed" : "staff.notMailed");
        flash.addFlashAttribute("noticeMailArgs", new Object[] {address.orElse(user)});
    }
}
