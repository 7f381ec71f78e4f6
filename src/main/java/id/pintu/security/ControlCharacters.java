package id.pintu.security;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Control characters (NUL among them) in what a request says: no form field or JSON string has a use for them, and
 * PostgreSQL refuses any text holding a NUL, so {@code /lacak?kode=PTU%00} answered 500 with a stack trace in the
 * log (H2, in the tests, takes it). Removed from request parameters (query strings, plain and multipart forms: a
 * multipart form's fields are read through this wrapper too), from the strings and keys of JSON request bodies
 * ({@link #jsonStrings()}, on the API's message converter only: the hub's own stored JSON is read as written) and
 * from an email's text by the intake. Tab and line ends stay.
 */
public final class ControlCharacters {

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private ControlCharacters() {}

    public static String strip(String value) {
        return value == null ? null : CONTROL.matcher(value).replaceAll("");
    }

    /** Strings and object keys of a JSON document read without control characters. */
    public static Module jsonStrings() {
        SimpleModule module = new SimpleModule("pintu-control-characters");
        module.addDeserializer(String.class, new StdScalarDeserializer<String>(String.class) {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return strip(StringDeserializer.instance.deserialize(p, ctxt));
            }
        });
        module.addKeyDeserializer(String.class, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext ctxt) {
                return strip(key);
            }
        });
        return module;
    }

    /** The request's parameters without control characters. */
    public static final class Filter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(new Cleaned(request), response);
        }
    }

    private static final class Cleaned extends HttpServletRequestWrapper {
        Cleaned(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return strip(super.getParameter(name));
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = super.getParameterValues(name);
            if (values == null) {
                return null;
            }
            String[] out = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = strip(values[i]);
            }
            return out;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> out = new LinkedHashMap<>();
            super.getParameterMap().forEach((k, v) -> out.put(k, getParameterValues(k)));
            return out;
        }
    }
}
