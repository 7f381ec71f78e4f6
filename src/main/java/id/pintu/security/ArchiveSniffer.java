package id.pintu.security;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Recognizes archives and compressed files by their first bytes, whatever their name says. The hub keeps scans,
 * not containers: an archive could hide anything, and a small one can inflate to gigabytes (a zip bomb).
 */
public final class ArchiveSniffer {

    private static final Map<String, byte[]> MAGIC = Map.of(
            "ZIP", new byte[] {'P', 'K', 3, 4},
            "ZIP (empty)", new byte[] {'P', 'K', 5, 6},
            "ZIP (spanned)", new byte[] {'P', 'K', 7, 8},
            "GZIP", new byte[] {0x1f, (byte) 0x8b},
            "BZIP2", new byte[] {'B', 'Z', 'h'},
            "XZ", new byte[] {(byte) 0xFD, '7', 'z', 'X', 'Z', 0},
            "7-Zip", new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C},
            "RAR", new byte[] {'R', 'a', 'r', '!', 0x1A, 0x07},
            "Zstandard", new byte[] {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD});

    private ArchiveSniffer() {}

    /** The archive format the content starts with, if any. */
    public static Optional<String> archiveKind(byte[] content) {
        return MAGIC.entrySet().stream()
                .filter(m -> content.length >= m.getValue().length
                        && Arrays.equals(content, 0, m.getValue().length, m.getValue(), 0, m.getValue().length))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** Throws when the content is an archive; {@code name} is only for the message. */
    public static void refuseArchive(String name, byte[] content) {
        archiveKind(content).ifPresent(kind -> {
            throw new HostileContentException(HostileContentException.Kind.ARCHIVE, "'" + name + "' is a " + kind
                    + " archive; send each document as a PDF, JPEG or PNG file");
        });
    }
}
