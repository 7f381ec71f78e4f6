package id.pintu.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies on /api: a declared Content-Length over the limit is answered 413 at once; a body without
 * a length (chunked) is counted while it is read and fails with {@link BodyTooLargeException} at the limit, which
 * ApiErrors turns into 413. Multipart uploads are left to the multipart limits (spring.servlet.multipart). The paths
 * that take a raw file (the public verification of a signed PDF) have a larger limit, enforced the same way: before,
 * they were exempt and their controller checked the size of a body Spring had already read whole into memory, so one
 * anonymous request of a few gigabytes could take the hub's heap.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    /** Thrown while reading a body that goes over the limit. */
    public static class BodyTooLargeException extends IOException {
        public BodyTooLargeException(long max) {
            super("the request body is larger than " + max + " bytes");
        }
    }

    private final long maxBytes;
    private final java.util.List<String> largePaths;
    private final long largeMaxBytes;

    /**
     * @param largePaths paths (without context path) that take a raw file as their body
     * @param largeMaxBytes the limit on those paths
     */
    public RequestBodyLimitFilter(long maxBytes, java.util.List<String> largePaths, long largeMaxBytes) {
        this.maxBytes = maxBytes;
        this.largePaths = java.util.List.copyOf(largePaths);
        this.largeMaxBytes = largeMaxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        long max = largePaths.contains(path) ? largeMaxBytes : maxBytes;
        if (request.getContentLengthLong() > max) {
            response.setStatus(413);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"status\":413,\"error\":\"the request body is larger than " + max
                    + " bytes\"}");
            return;
        }
        chain.doFilter(new Limited(request, max), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long count;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws IOException {
                        count += n;
                        if (count > max) {
                            throw new BodyTooLargeException(max);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding()));
        }
    }
}
