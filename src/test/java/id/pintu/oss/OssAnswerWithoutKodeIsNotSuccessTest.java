package id.pintu.oss;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * An answer is OSS's word on a call only with OSS's {@code kode}: a gateway's maintenance page (HTTP 200, HTML) is
 * tried again like an outage, not taken for "stored" (a permit marked issued that OSS never received); a refusal
 * (4xx) without a kode stays a refusal.
 */
class OssAnswerWithoutKodeIsNotSuccessTest {

    @Test
    void aSuccessWithoutKodeIsTriedAgainAndOssOwnAnswersStand() {
        assertThat(OssClient.unavailable(200, 200, false)).contains("without OSS's kode");
        assertThat(OssClient.unavailable(503, 503, false)).isEqualTo("HTTP 503, kode 503");
        assertThat(OssClient.unavailable(200, 503, true)).as("OSS says it is down").isNotNull();
        assertThat(OssClient.unavailable(429, 429, false)).as("a gateway's rate limit: not now").isNotNull();
        assertThat(OssClient.unavailable(408, 408, false)).as("request timeout: not now").isNotNull();
        assertThat(OssClient.unavailable(200, 429, true)).as("OSS's own kode 429").isNotNull();
        assertThat(OssClient.unavailable(400, 400, true)).as("a refusal").isNull();
        assertThat(OssClient.unavailable(0, 0, false)).as("no answer").isNotNull();

        assertThat(OssClient.unavailable(200, 200, true)).as("OSS's success").isNull();
        assertThat(OssClient.unavailable(200, 400, true)).as("OSS's refusal in a 200").isNull();
        assertThat(OssClient.unavailable(404, 404, false)).as("a refusal without a kode").isNull();
    }
}
