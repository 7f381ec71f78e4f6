package id.pintu.documents;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pintu.sop.SopCatalog;
import id.pintu.support.HubTest;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The agenda book gives a case one number per letter type: a plan numbering two documents of one letter type (one
 * "surat-keluar" book for every letter, a natural choice) sealed the second with the first one's number. Such a plan
 * is refused, naming both documents.
 */
@HubTest
class OneNumberedDocumentPerLetterTypeTest {

    @Autowired
    DocumentsProperties properties;

    @Autowired
    SopCatalog sops;

    @Autowired
    Validator validator;

    @Autowired
    ApplicationContext context;

    @TempDir
    Path dir;

    @Test
    void twoNumberedDocumentsOfOneLetterTypeAreRefused() throws Exception {
        String seed = Files.readString(Path.of("config/documents/izin-perluasan-usaha-industri.yaml"));
        String shared = seed.replace("letterType: izin-usaha-industri", "letterType: penolakan");
        Files.writeString(dir.resolve("izin-perluasan-usaha-industri.yaml"), shared);
        DocumentsProperties elsewhere = with(properties, "definitionsDirectory", dir);

        assertThatThrownBy(() -> new DocumentCatalog(elsewhere, sops, validator,
                context.getBeanProvider(DocumentPlanUsers.class)))
                .hasMessageContaining("field documents.surat-penolakan.letterType: 'penolakan' is also the letter type"
                        + " of the numbered document 'surat-izin'");
    }

    @SuppressWarnings("unchecked")
    static <R extends Record> R with(R record, String name, Object value) throws Exception {
        RecordComponent[] parts = record.getClass().getRecordComponents();
        Object[] values = new Object[parts.length];
        Class<?>[] types = new Class<?>[parts.length];
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
            values[i] = parts[i].getName().equals(name) ? value : parts[i].getAccessor().invoke(record);
        }
        return (R) record.getClass().getDeclaredConstructor(types).newInstance(values);
    }
}
