package id.pintu.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A staff member's browser session without a browser: logs in through the login form (with its CSRF token), keeps
 * the session cookie, and fetches pages and downloads as they are (redirects not followed).
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private WebSession(String base) {
        this.base = base;
    }

    /** Signed in as the demo user {@code user} (password {@code demo}) on the hub at {@code port}. */
    public static WebSession login(int port, String user) throws IOException, InterruptedException {
        WebSession s = new WebSession("http://localhost:" + port);
        Matcher csrf = CSRF.matcher(new String(s.get("/masuk").body(), StandardCharsets.UTF_8));
        if (!csrf.find()) {
            throw new IllegalStateException("the login page carries no CSRF token");
        }
        HttpResponse<byte[]> r = s.http.send(HttpRequest.newBuilder(URI.create(s.base + "/masuk"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.headers().firstValue("Location").orElse("").contains("galat")) {
            throw new IllegalStateException(user + " could not log in");
        }
        return s;
    }

    public HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * Posts {@code fields} and one file as a multipart form to {@code path}, with the CSRF token of the page
     * {@code page} just read; the answer is not followed.
     */
    public HttpResponse<byte[]> postMultipart(String path, String page, java.util.Map<String, String> fields,
            String fileField, String fileName, String contentType, byte[] content)
            throws IOException, InterruptedException {
        Matcher csrf = CSRF.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("the page carries no CSRF token");
        }
        String boundary = "----pintu" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        all.put("_csrf", csrf.group(1));
        for (var e : all.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey()
                    + "\"\r\n\r\n" + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                + "\"; filename=\"" + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
