package id.pintu.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.support.HubTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The menu (inboxes, the review queue's count) is worked out for the staff pages, not for the answers that carry a
 * body: every open inbox polls its fingerprint every few seconds, and a download shows no menu either. The handlers
 * are the hub's own, matched by the hub's own mapping, as a request would be.
 */
@HubTest
class MenuOnlyOnPagesTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void pagesGetTheMenuPollsAndDownloadsDoNot() throws Exception {
        assertThat(rendersPage("/kotak-masuk/front-office")).as("the inbox page").isTrue();
        assertThat(rendersPage("/")).as("the staff home").isTrue();
        assertThat(rendersPage("/tinjauan")).as("the review queue").isTrue();
        assertThat(rendersPage("/kotak-masuk/front-office/versi")).as("the inbox's fingerprint poll").isFalse();
        assertThat(rendersPage("/dokumen/any")).as("a document download").isFalse();
        assertThat(rendersPage("/tinjauan/any/asli")).as("a review email's raw download").isFalse();
    }

    private boolean rendersPage(String uri) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        assertThat(mapping.getHandler(request)).as("a handler for %s", uri).isNotNull();
        return NavAdvice.rendersPage(request);
    }
}
