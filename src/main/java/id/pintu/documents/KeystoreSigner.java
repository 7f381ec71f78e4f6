package id.pintu.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSAttributeTableGenerationException;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PAdES baseline B-B signatures (ETSI.CAdES.detached) with a key from a PKCS#12 keystore: PDFBox prepares the
 * signature dictionary and the byte range, BouncyCastle makes the CMS with the signing-certificate-v2 attribute and
 * without a signing-time attribute (PAdES puts the claimed time in the dictionary's /M). When no keystore is
 * configured, a self-signed key is made once and kept, so documents sealed before a restart still verify.
 */
public class KeystoreSigner implements DocumentSigner {

    private static final Logger LOG = LoggerFactory.getLogger(KeystoreSigner.class);
    /**
     * Room left in the signature's placeholder beyond the CMS measured at start-up: the signature value of an ECDSA
     * key varies by a few bytes, an RSA one not at all.
     */
    private static final int SIGNATURE_MARGIN = 512;

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final List<X509Certificate> chain;
    private final List<X509Certificate> trusted;
    /** From the key: SHA256withRSA, or SHA256withECDSA for an EC key (an EC keystore stopped the start). */
    private final String signatureAlgorithm;
    /**
     * Bytes reserved for the CMS in every sealed PDF (written there as hex, so twice this): the size of a CMS this
     * key and chain make, plus a margin. PDFBox fills the placeholder with zeros; a fixed 16 KB made every sealed PDF
     * 27 KB larger than needed with the generated one-certificate chain, and writing the placeholder as hex was a
     * sixth of the documents feature's CPU.
     */
    private final int signatureSize;

    public KeystoreSigner(DocumentsProperties.Signing settings, Path dataDir, Clock clock) {
        try {
            Path file = settings.keystore();
            if (file == null) {
                file = settings.generatedKeystore() != null
                        ? settings.generatedKeystore()
                        : dataDir.resolve("keys").resolve("pintu-seal.p12");
                if (!Files.exists(file)) {
                    generate(file, settings, clock);
                }
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                ks.load(in, settings.password().toCharArray());
            }
            String alias = settings.alias() == null || settings.alias().isBlank()
                    ? Collections.list(ks.aliases()).stream().filter(a -> isKey(ks, a)).findFirst()
                            .orElseThrow(() -> new IllegalStateException("no private key in keystore"))
                    : settings.alias();
            if (!ks.isKeyEntry(alias)) {
                throw new IllegalStateException("alias '" + alias + "' is not a private key entry");
            }
            this.key = (PrivateKey) ks.getKey(alias, settings.password().toCharArray());
            Certificate[] certs = ks.getCertificateChain(alias);
            this.chain = java.util.Arrays.stream(certs).map(c -> (X509Certificate) c).toList();
            this.certificate = chain.get(0);
            this.signatureAlgorithm = "SHA256with" + ("EC".equals(key.getAlgorithm()) ? "ECDSA" : key.getAlgorithm());
            List<X509Certificate> trusted = new ArrayList<>(List.of(certificate));
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            for (Path earlier : settings.previousCertificates() == null ? List.<Path>of()
                    : settings.previousCertificates()) {
                try (InputStream in = Files.newInputStream(earlier)) {
                    for (Certificate c : x509.generateCertificates(in)) {
                        trusted.add((X509Certificate) c);
                    }
                }
            }
            this.trusted = List.copyOf(trusted);
            this.signatureSize = cms(new ByteArrayInputStream(new byte[] {0})).length + SIGNATURE_MARGIN;
            LOG.info("Documents are sealed with {} from {} ({} bytes reserved for the signature)",
                    certificate.getSubjectX500Principal(), file, signatureSize);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("pintu.documents.signing: the seal's keystore cannot be used: "
                    + e.getMessage(), e);
        }
    }

    /** Bytes reserved for the CMS in every sealed PDF. */
    int signatureSize() {
        return signatureSize;
    }

    /** The seal's certificate and those of its earlier seals ({@code previous-certificates}). */
    @Override
    public List<X509Certificate> trustedCertificates() {
        return trusted;
    }

    @Override
    public byte[] sign(byte[] pdf, Request request) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(request.signerName());
            signature.setReason(request.reason());
            signature.setLocation(request.location());
            Calendar when = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            when.setTimeInMillis(request.at().toEpochMilli());
            signature.setSignDate(when);
            SignatureOptions options = new SignatureOptions();
            options.setPreferredSignatureSize(signatureSize);
            doc.addSignature(signature, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + signatureSize * 2 + 4096);
            ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
            external.setSignature(cms(external.getContent()));
            options.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("signing failed", e);
        }
    }

    private byte[] cms(InputStream content) throws IOException {
        try {
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            ESSCertIDv2 certId = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
                    MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()),
                    new IssuerSerial(new GeneralNames(new GeneralName(
                            X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
                            certificate.getSerialNumber()));
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certId}))));
            CMSAttributeTableGenerator withoutSigningTime = new WithoutSigningTime(
                    new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(withoutSigningTime)
                    .build(new JcaContentSignerBuilder(signatureAlgorithm).build(key), certificate));
            generator.addCertificates(new JcaCertStore(chain));
            return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException("CMS signature failed", e);
        }
    }

    /**
     * The signed attributes without the signing time (PAdES puts the time in the signature dictionary).
     * A class, not a lambda: a lambda implementing an interface of Bouncy Castle's signed jar crashes JDK 17's
     * class-data-sharing dump (the Dockerfile's training run, {@code -XX:ArchiveClassesAtExit}) with a SIGSEGV in
     * {@code SystemDictionaryShared::adjust_lambda_proxy_class_dictionary}; {@code CdsArchiveIT} makes that dump.
     */
    private record WithoutSigningTime(CMSAttributeTableGenerator defaults) implements CMSAttributeTableGenerator {
        @Override
        @SuppressWarnings("rawtypes") // Bouncy Castle's interface takes a raw Map
        public AttributeTable getAttributes(Map params) throws CMSAttributeTableGenerationException {
            return defaults.getAttributes(params).remove(CMSAttributes.signingTime);
        }
    }

    private static boolean isKey(KeyStore ks, String alias) {
        try {
            return ks.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** A self-signed seal for the embedded default, written atomically so two starts cannot half-write it. */
    private static void generate(Path file, DocumentsProperties.Signing settings, Clock clock)
            throws IOException, GeneralSecurityException {
        try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
            kpg.initialize(3072, new SecureRandom());
            KeyPair pair = kpg.generateKeyPair();
            Instant now = clock.instant();
            X500Name subject = new X500Name(settings.subject());
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(3650))), subject, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("pintu-seal", pair.getPrivate(), settings.password().toCharArray(),
                    new Certificate[] {cert});
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "seal", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ks.store(out, settings.password().toCharArray());
            }
            try {
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                Files.deleteIfExists(tmp);
            }
            LOG.warn("No seal keystore configured (pintu.documents.signing.keystore): generated a self-signed key in {}."
                    + " Configure the office's PKCS#12 for production.", file);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
