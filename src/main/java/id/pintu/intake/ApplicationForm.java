package id.pintu.intake;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The application's fields as an intake read them (email body or scan sidecar), validated with Hibernate Validator.
 * The messages are what the applicant reads in the reply, so they are in Bahasa Indonesia.
 */
public record ApplicationForm(
        @NotBlank(message = "Nama Perusahaan belum diisi") @Size(max = 200, message = "Nama Perusahaan terlalu panjang")
        String companyName,
        @NotBlank(message = "NIB belum diisi") @Pattern(regexp = "\\d{13}", message = "NIB harus 13 angka")
        String nib,
        @NotBlank(message = "NPWP belum diisi") @Pattern(regexp = "\\d{15}|\\d{16}", message = "NPWP harus 15 atau 16 angka")
        String npwp,
        @NotBlank(message = "KBLI belum diisi") @Pattern(regexp = "\\d{5}", message = "KBLI harus 5 angka")
        String kbli,
        @NotBlank(message = "Alamat belum diisi") @Size(max = 500, message = "Alamat terlalu panjang")
        String address,
        @NotBlank(message = "Nama Pemohon belum diisi") @Size(max = 200, message = "Nama Pemohon terlalu panjang")
        String applicantName,
        @NotBlank(message = "alamat email pemohon tidak diketahui") @Email(message = "alamat email pemohon tidak sah")
        @Size(max = 254) String applicantEmail,
        @Pattern(regexp = "\\+?[0-9]{6,16}", message = "Telepon harus 6 sampai 16 angka") String phone,
        @Size(max = 4000, message = "Keterangan terlalu panjang") String description) {

    public ApplicationForm {
        companyName = trim(companyName);
        nib = digits(nib);
        npwp = digits(npwp);
        kbli = digits(kbli);
        address = trim(address);
        applicantName = trim(applicantName);
        applicantEmail = trim(applicantEmail);
        phone = phone == null || phone.isBlank() ? null : phone.replaceAll("[\\s().-]", "");
        description = trim(description);
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }

    /** Identity numbers are often written with dots, dashes and spaces (NPWP 01.234.567.8-901.000). */
    private static String digits(String s) {
        return s == null ? null : s.replaceAll("[\\s.-]", "");
    }
}
