package id.pintu.api;

import id.pintu.workflow.Application;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The public intake's body. Identity numbers may be written with the usual dots and dashes; they are stripped. */
public record SubmitRequest(
        @Size(max = 64) String sop,
        @NotNull @Valid ApplicantPart applicant,
        @NotNull @Valid CompanyPart company,
        @Size(max = 4000) String description) {

    public record ApplicantPart(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @Pattern(regexp = "\\+?[0-9]{6,16}", message = "must be a phone number of 6 to 16 digits") String phone) {

        public ApplicantPart {
            name = trim(name);
            email = trim(email);
            phone = phone == null ? null : phone.replaceAll("[\\s().-]", "");
        }

        public Application.Applicant toApplicant() {
            return new Application.Applicant(name, email, phone);
        }
    }

    public record CompanyPart(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = "\\d{13}", message = "must be the 13-digit NIB") String nib,
            @NotBlank @Pattern(regexp = "\\d{15}|\\d{16}", message = "must be the 15- or 16-digit NPWP") String npwp,
            @NotBlank @Size(max = 500) String address,
            @NotBlank @Pattern(regexp = "\\d{5}", message = "must be the 5-digit KBLI code") String kbli) {

        public CompanyPart {
            name = trim(name);
            nib = digitsOnly(nib);
            npwp = digitsOnly(npwp);
            address = trim(address);
            kbli = digitsOnly(kbli);
        }

        public Application.Company toCompany() {
            return new Application.Company(name, nib, npwp, address, kbli);
        }
    }

    static String trim(String s) {
        return s == null ? null : s.strip();
    }

    static String digitsOnly(String s) {
        return s == null ? null : s.replaceAll("[\\s.-]", "");
    }
}
