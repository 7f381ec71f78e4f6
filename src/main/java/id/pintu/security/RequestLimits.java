package id.pintu.security;

import com.fasterxml.jackson.core.StreamReadConstraints;
import java.util.List;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Limits on what a request may make the hub parse: JSON nesting depth and string and number lengths for every
 * ObjectMapper Spring builds (deeply nested JSON would otherwise cost stack, huge numbers CPU), and the size of
 * API request bodies. Over a limit the API answers 400 or 413 with a JSON error (see ApiErrors).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LimitsProperties.class)
class RequestLimits {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer pintuJsonLimits(LimitsProperties limits) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.jsonMaxNestingDepth())
                .maxStringLength(limits.jsonMaxStringLength())
                .maxNumberLength(limits.jsonMaxNumberLength())
                .build();
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(constraints));
    }

    @Bean
    FilterRegistrationBean<ControlCharacters.Filter> controlCharacters() {
        FilterRegistrationBean<ControlCharacters.Filter> r =
                new FilterRegistrationBean<>(new ControlCharacters.Filter());
        r.addUrlPatterns("/*");
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return r;
    }

    /**
     * The API's JSON bodies read without control characters: a copy of Spring's mapper for the MVC converter only,
     * so the hub's own JSON (outbox, audit, OSS records) is read back exactly as written.
     */
    @Bean
    WebMvcConfigurer jsonBodiesWithoutControlCharacters() {
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                converters.replaceAll(c -> c instanceof MappingJackson2HttpMessageConverter json
                        && json.getClass() == MappingJackson2HttpMessageConverter.class
                        ? new MappingJackson2HttpMessageConverter(
                                json.getObjectMapper().copy().registerModule(ControlCharacters.jsonStrings()))
                        : c);
            }
        };
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> apiBodyLimit(LimitsProperties limits) {
        FilterRegistrationBean<RequestBodyLimitFilter> r =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(limits.apiMaxBody().toBytes(),
                        limits.largeBodyPaths(), limits.largeBodyMax().toBytes()));
        r.addUrlPatterns("/api/*");
        // Before security: an oversized body is refused before anything reads it.
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return r;
    }
}
