package id.pintu.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading the staff files (users, acting appointments). */
final class StaffFiles {

    private StaffFiles() {}

    static byte[] contentOf(Path file, String what) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StaffFileException("Invalid " + what + " " + file + ":\n  - not readable: " + e);
        }
    }
}
