package id.pintu.oss;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP client of the OSS calls only (the camel-http endpoint refers to it as {@code #ossHttpClient}), so that
 * OSS's timeouts do not change any other HTTP use of the hub. It never retries on its own: a retry of a POST to OSS
 * is decided by the bridge, which reconciles first.
 */
@Configuration(proxyBeanMethods = false)
class OssHttpConfig {

    @Bean(destroyMethod = "close")
    CloseableHttpClient ossHttpClient(OssProperties properties) {
        Timeout connect = Timeout.of(properties.connectTimeout());
        Timeout response = Timeout.of(properties.responseTimeout());
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect)
                                .setSocketTimeout(response)
                                .build())
                        .setMaxConnTotal(20)
                        .setMaxConnPerRoute(10)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(connect)
                        .setResponseTimeout(response)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .build();
    }
}
