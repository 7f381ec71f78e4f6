package id.pintu.security;

import com.fasterxml.jackson.core.StreamReadConstraints;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

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
