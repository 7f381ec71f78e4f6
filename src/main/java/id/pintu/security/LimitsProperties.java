package id.pintu.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on hostile input, enforced by {@link RequestLimits} (JSON), {@link RequestBodyLimitFilter} (API bodies)
 * and {@link SafePdf} (uploaded PDFs).
 *
 * @param apiMaxBody largest request body on /api (multipart uploads have their own limit, spring.servlet.multipart)
 * @param jsonMaxNestingDepth deepest nesting of JSON arrays/objects accepted
 * @param jsonMaxStringLength longest JSON string value, in characters
 * @param jsonMaxNumberLength longest JSON number, in characters
 * @param pdfMaxMainMemory memory PDFBox may use for one PDF before it spills to a temporary file
 * @param pdfMaxStorage total memory plus temporary file PDFBox may use for one PDF
 * @param pdfMaxInflated the most all streams of one PDF may decompress to (decompression bombs)
 * @param pdfMaxPages the most pages one uploaded PDF may have
 * @param largeBodyPaths API paths that take a raw file as the body (the public verification of a signed letter):
 *     {@code largeBodyMax} instead of {@code apiMaxBody}
 * @param largeBodyMax largest body on {@code largeBodyPaths}, declared or counted while read like any other
 */
@Validated
@ConfigurationProperties("pintu.limits")
public record LimitsProperties(
        @NotNull @DefaultValue("1MB") DataSize apiMaxBody,
        @DefaultValue("32") @Min(2) int jsonMaxNestingDepth,
        @DefaultValue("1000000") @Min(100) int jsonMaxStringLength,
        @DefaultValue("64") @Min(10) int jsonMaxNumberLength,
        @NotNull @DefaultValue("32MB") DataSize pdfMaxMainMemory,
        @NotNull @DefaultValue("256MB") DataSize pdfMaxStorage,
        @NotNull @DefaultValue("200MB") DataSize pdfMaxInflated,
        @DefaultValue("500") @Min(1) int pdfMaxPages,
        @NotNull @DefaultValue("/api/verify") List<String> largeBodyPaths,
        @NotNull @DefaultValue("20MB") DataSize largeBodyMax) {

    /** The same limits with another memory bound for PDFBox (a feature with its own setting). */
    public LimitsProperties withPdfMaxMainMemory(DataSize memory) {
        return new LimitsProperties(apiMaxBody, jsonMaxNestingDepth, jsonMaxStringLength, jsonMaxNumberLength, memory,
                pdfMaxStorage, pdfMaxInflated, pdfMaxPages, largeBodyPaths, largeBodyMax);
    }

    /** The defaults, for code that runs without Spring (commands, unit tests). */
    public static LimitsProperties defaults() {
        return new LimitsProperties(DataSize.ofMegabytes(1), 32, 1_000_000, 64, DataSize.ofMegabytes(32),
                DataSize.ofMegabytes(256), DataSize.ofMegabytes(200), 500, List.of("/api/verify"),
                DataSize.ofMegabytes(20));
    }
}
