package id.pintu.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;

/** The front office's walk-in registration form, bound from the page; validated like the REST intake. */
public class WalkInForm {

    /** The form's one-time token: a second submission of the same form shows the first's receipt. */
    private String formToken;
    private String sop;
    private String applicantName;
    private String applicantEmail;
    private String applicantPhone;
    private String companyName;
    private String nib;
    private String npwp;
    private String address;
    private String kbli;
    private String description;
    private List<MultipartFile> scans = new ArrayList<>();

    public String getSop() {
        return sop;
    }

    public void setSop(String sop) {
        this.sop = sop;
    }

    public String getApplicantName() {
        return applicantName;
    }

    public void setApplicantName(String applicantName) {
        this.applicantName = applicantName;
    }

    public String getApplicantEmail() {
        return applicantEmail;
    }

    public void setApplicantEmail(String applicantEmail) {
        this.applicantEmail = applicantEmail;
    }

    public String getApplicantPhone() {
        return applicantPhone;
    }

    public void setApplicantPhone(String applicantPhone) {
        this.applicantPhone = applicantPhone;
    }

    public String getCompanyName() {
        return companyName;
    }

    public void setCompanyName(String companyName) {
        this.companyName = companyName;
    }

    public String getNib() {
        return nib;
    }

    public void setNib(String nib) {
        this.nib = nib;
    }

    public String getNpwp() {
        return npwp;
    }

    public void setNpwp(String npwp) {
        this.npwp = npwp;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getKbli() {
        return kbli;
    }

    public void setKbli(String kbli) {
        this.kbli = kbli;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public List<MultipartFile> getScans() {
        return scans;
    }

    public void setScans(List<MultipartFile> scans) {
        this.scans = scans;
    }

    public String getFormToken() {
        return formToken;
    }

    public void setFormToken(String formToken) {
        this.formToken = formToken;
    }
}
